package io.synapsebridge.cli.faults;

import java.util.ArrayList;
import java.util.List;

/** What one worker did with what it received, over all its connections, in order. */
final class WorkerLog {
    enum Kind {
        /** Rows of a token applied (from RDATA or a catch-up): the worker's position moved to the token. */
        APPLIED,
        /** A POSITION processed: the worker's position is now the token, with every row up to it applied. */
        POSITIONED,
        /** A token sent again where a worker would have had to drop it: a repeat or a step back. */
        REPEATED
    }

    record Entry(Kind kind, String key, long token, String detail) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void applied(String key, long token) {
        entries.add(new Entry(Kind.APPLIED, key, token, null));
    }

    synchronized void positioned(String key, long token) {
        entries.add(new Entry(Kind.POSITIONED, key, token, null));
    }

    synchronized void repeated(String key, long token, String detail) {
        entries.add(new Entry(Kind.REPEATED, key, token, detail));
    }

    /** Why a connection ended, for the report. */
    synchronized void note(String text) {
        notes.add(text);
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
