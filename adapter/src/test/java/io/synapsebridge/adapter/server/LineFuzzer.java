package io.synapsebridge.adapter.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Lines a hostile or broken replication client might send: the lines a real v1.66 worker sends (spec and wire notes),
 * commands only a server may send, and mutations of all of them (flipped and dropped bytes, doubled spaces, lower case,
 * CR and NUL, invalid UTF-8, broken JSON, oversized lines, random bytes). Deterministic for a seed.
 */
final class LineFuzzer {
    private static final List<String> SEEDS = List.of(
            "NAME generic_worker1",
            "PING 1795343826991",
            "REPLICATE ",
            "REPLICATE",
            "REPLICATE events 10",
            "REPLICATE ALL NOW",
            "USER_SYNC YDUIY @alice:test.local start 1795344180766",
            "USER_SYNC YDUIY @alice:test.local DEV end 1795344180766",
            "USER_SYNC YDUIY @alice:test.local None start 1",
            "CLEAR_USER_SYNC YDUIY",
            "FEDERATION_ACK federation_sender1 10",
            "USER_IP @alice:test.local [\"tok\",\"127.0.0.1\",\"curl/7.88.1\",\"DEV\",1795344180766]",
            "USER_IP @bot:test.local [\"tok\",\"::1\",\"Synapse/1.66\",null,5]",
            "REMOTE_SERVER_UP remote.org",
            "LOCK_RELEASED [\"worker1\",\"lock\",\"key\"]",
            "ERROR ping timeout",
            "SERVER test.local",
            "POSITION events master 4711 4720",
            "RDATA events master 6287863 [\"ev\",[\"$e\",\"!r\",\"m.room.message\",null,null,null,null,false,false]]",
            "INVALIDATE_CACHE get_user_by_id [\"@a:b\"]",
            "");
    private static final byte[] ODD_BYTES = {' ', ' ', '\t', '\r', 0, '"', '[', ']', '{', '}', ',', ':', '\\',
        (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, (byte) 0x82, 'x', '9'};
    private static final int MAX_LINE_BYTES = 16_384;

    private final Random random;

    LineFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** The next line, LF-terminated. Half are lines a worker sends as they are; the rest are broken. */
    byte[] next() {
        byte[] line = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
        int roll = random.nextInt(100);
        if (roll < 50) {
            return terminated(line);
        }
        if (roll < 95) {
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                line = mutate(line);
            }
            return terminated(line);
        }
        if (roll < 98) {
            return terminated(randomBytes(1 + random.nextInt(200)));
        }
        return terminated(oversized(line));
    }

    private byte[] mutate(byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 8);
        int at = line.length == 0 ? 0 : random.nextInt(line.length);
        switch (random.nextInt(7)) {
            case 0 -> { // flip a byte
                out.writeBytes(line);
                byte[] b = out.toByteArray();
                if (b.length > 0) {
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 1 -> { // drop a byte
                out.write(line, 0, at);
                out.write(line, Math.min(at + 1, line.length), line.length - Math.min(at + 1, line.length));
            }
            case 2 -> { // insert an odd byte
                out.write(line, 0, at);
                out.write(ODD_BYTES[random.nextInt(ODD_BYTES.length)]);
                out.write(line, at, line.length - at);
            }
            case 3 -> { // lower-case the command
                String s = new String(line, StandardCharsets.ISO_8859_1);
                int space = s.indexOf(' ');
                String command = space < 0 ? s : s.substring(0, space);
                out.writeBytes((command.toLowerCase() + s.substring(command.length()))
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            case 4 -> out.write(line, 0, at); // truncate
            case 5 -> { // break the JSON or the last field
                out.writeBytes(line);
                out.writeBytes(random.nextBoolean() ? ",]".getBytes(StandardCharsets.US_ASCII)
                        : " extra".getBytes(StandardCharsets.US_ASCII));
            }
            default -> { // an argument the command does not take
                out.writeBytes(line);
                out.writeBytes((" " + random.nextLong()).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    private byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                b[i] = ' ';
            }
        }
        return b;
    }

    private byte[] oversized(byte[] line) {
        int length = MAX_LINE_BYTES + 1 + random.nextInt(4 * MAX_LINE_BYTES);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = line.length == 0 ? (byte) 'x' : line[i % line.length];
        }
        return b;
    }

    private static byte[] terminated(byte[] line) {
        byte[] b = new byte[line.length + 1];
        System.arraycopy(line, 0, b, 0, line.length);
        b[line.length] = '\n';
        return b;
    }
}
