package io.synapsebridge.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Topic rows shaped like a busy homeserver's: event ids as room v4+ writes them ({@code $} and 43 url-safe base64
 * characters), a few thousand rooms and users, and a mix of messages, reactions and membership changes. Seeded, so
 * two runs write the same rows.
 */
public final class RealisticRows {
    private static final String SERVER = "matrix.example.org";
    private static final Base64.Encoder ID = Base64.getUrlEncoder().withoutPadding();

    private final SplittableRandom random;

    public RealisticRows(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An {@code ev} row of the events stream, with every field present as capture writes it. */
    public ObjectNode ev() {
        ObjectNode row = JsonNodeFactory.instance.objectNode()
                .put("kind", "ev")
                .put("event_id", eventId())
                .put("room_id", roomId());
        int pick = random.nextInt(100);
        if (pick < 80) {
            row.put("type", "m.room.message").putNull("state_key").putNull("redacts").putNull("relates_to")
                    .putNull("membership");
        } else if (pick < 95) {
            row.put("type", "m.reaction").putNull("state_key").putNull("redacts").put("relates_to", eventId())
                    .putNull("membership");
        } else {
            String user = userId();
            row.put("type", "m.room.member").put("state_key", user).putNull("redacts").putNull("relates_to")
                    .put("membership", "join");
        }
        return row.put("rejected", false).put("outlier", false);
    }

    /** A read receipt row of the receipts stream. */
    public ObjectNode receipt() {
        ObjectNode row = JsonNodeFactory.instance.objectNode()
                .put("room_id", roomId())
                .put("receipt_type", "m.read")
                .put("user_id", userId())
                .put("event_id", eventId())
                .putNull("thread_id");
        row.putObject("data").put("ts", 1_700_000_000_000L + random.nextInt(1_000_000_000));
        return row;
    }

    public String eventId() {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return "$" + ID.encodeToString(hash);
    }

    public String roomId() {
        return "!" + letters(18, random.nextInt(5_000)) + ":" + SERVER;
    }

    public String userId() {
        return "@user" + random.nextInt(20_000) + ":" + SERVER;
    }

    /** A fixed random-looking localpart per {@code n}, as Synapse's room ids have. */
    private static String letters(int length, int n) {
        SplittableRandom r = new SplittableRandom(n);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            int c = r.nextInt(52);
            out[i] = (char) (c < 26 ? 'A' + c : 'a' + c - 26);
        }
        return new String(out);
    }
}
