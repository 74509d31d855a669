package io.synapsebridge.sim.rows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The users, rooms and remote servers the generated rows talk about, plus recent events per room so that
 * receipts, reactions and redactions point at events that exist.
 */
public final class Population {
    private static final int RECENT_EVENTS_PER_ROOM = 20;

    private final String serverName;
    private final List<String> users = new ArrayList<>();
    private final List<String> rooms = new ArrayList<>();
    private final List<String> remoteServers = List.of("remote.example.org", "matrix.example.net", "chat.example.com");
    private final Map<String, Deque<String>> recentEvents = new HashMap<>();
    private final Deque<String[]> outliers = new ArrayDeque<>();

    public Population(String serverName, int userCount, int roomCount) {
        this.serverName = serverName;
        for (int i = 0; i < userCount; i++) {
            users.add("@user" + i + ":" + serverName);
        }
        for (int i = 0; i < roomCount; i++) {
            rooms.add("!room" + i + "x" + Integer.toHexString(serverName.hashCode() & 0xffff) + ":" + serverName);
        }
    }

    public static Population small() {
        return new Population("test.local", 50, 10);
    }

    public String serverName() {
        return serverName;
    }

    public String user(RandomGenerator random) {
        return users.get(random.nextInt(users.size()));
    }

    public String room(RandomGenerator random) {
        return rooms.get(random.nextInt(rooms.size()));
    }

    public String remoteServer(RandomGenerator random) {
        return remoteServers.get(random.nextInt(remoteServers.size()));
    }

    public String remoteUser(RandomGenerator random) {
        return "@guest" + random.nextInt(100) + ":" + remoteServer(random);
    }

    /** Device ids look like Synapse's generated ones: ten upper-case letters. */
    public String device(String user, RandomGenerator random) {
        int n = Math.floorMod(user.hashCode() * 31 + random.nextInt(2), 1 << 20);
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append((char) ('A' + Math.floorMod(n >> (i * 2) ^ i * 7, 26)));
        }
        return id.toString();
    }

    /** A room-version-4+ style event id: '$' and 43 url-safe base64 characters. */
    public String newEventId(RandomGenerator random) {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return "$" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    public synchronized void remember(String room, String eventId) {
        Deque<String> recent = recentEvents.computeIfAbsent(room, r -> new ArrayDeque<>());
        recent.addFirst(eventId);
        if (recent.size() > RECENT_EVENTS_PER_ROOM) {
            recent.removeLast();
        }
    }

    public synchronized Optional<String> recentEvent(String room, RandomGenerator random) {
        Deque<String> recent = recentEvents.get(room);
        if (recent == null || recent.isEmpty()) {
            return Optional.empty();
        }
        return recent.stream().skip(random.nextInt(recent.size())).findFirst();
    }

    public synchronized void rememberOutlier(String eventId, String room) {
        outliers.addLast(new String[] {eventId, room});
    }

    /** An outlier to de-outlier, removed so that only one write claims it; {@code [event_id, room_id]}. */
    public synchronized Optional<String[]> takeOutlier() {
        return Optional.ofNullable(outliers.pollFirst());
    }
}
