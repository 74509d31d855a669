package io.synapsebridge.connectors.frontier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Holds writer announcements until capture has read past the WAL position that fences them. Fed by the replication
 * client's thread, drained by the capture loop.
 */
public final class AnnouncementFence {
    private final ConcurrentLinkedQueue<Announcement> waiting = new ConcurrentLinkedQueue<>();

    public void add(Announcement a) {
        waiting.add(a);
    }

    /**
     * The announcements whose fence capture has passed, in the order they were made. Fences only grow, so the first
     * one not yet passed ends the list.
     */
    public List<Announcement> passed(long capturedLsn) {
        List<Announcement> out = new ArrayList<>();
        Announcement head;
        while ((head = waiting.peek()) != null && Long.compareUnsigned(head.walLsn(), capturedLsn) <= 0) {
            out.add(waiting.poll());
        }
        return out;
    }

    public int waiting() {
        return waiting.size();
    }
}
