package io.synapsebridge.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.synapsebridge.protocol.json.SynapseJson;
import java.util.OptionalLong;

/**
 * {@code RDATA <stream> <instance> <token|batch> <row_json>}: one row of a stream written by {@code instance}.
 *
 * <p>Rows sharing one stream id go out as {@code batch} rows followed by one row carrying the id; an empty
 * {@link #token()} means {@code batch}. {@link #rowJson()} is the row as Synapse encodes it (see {@link SynapseJson}),
 * normally a positional array built by the {@code rows} package. Receivers drop an RDATA whose token is not above
 * their current position for the writer, and any RDATA for a stream not yet announced by a POSITION.
 */
public record RdataCommand(String stream, String instance, OptionalLong token, String rowJson) implements Command {
    /** The token text of every row of a group but the last. */
    public static final String BATCH = "batch";

    public RdataCommand {
        Args.word(stream, "stream_name");
        Args.word(instance, "instance_name");
        if (token == null) {
            throw new IllegalArgumentException("token must not be null; use OptionalLong.empty() for batch");
        }
        if (Args.text(rowJson, "row_json").isEmpty()) {
            throw new IllegalArgumentException("row_json must not be empty");
        }
    }

    /**
     * A row at stream id {@code token}, encoded as Synapse would.
     *
     * @throws io.synapsebridge.protocol.json.InvalidJsonException if the row holds NaN or an infinity
     */
    public static RdataCommand of(String stream, String instance, long token, JsonNode row) {
        return new RdataCommand(stream, instance, OptionalLong.of(token), SynapseJson.encode(row));
    }

    /**
     * A row of a group whose stream id the group's last row carries.
     *
     * @throws io.synapsebridge.protocol.json.InvalidJsonException if the row holds NaN or an infinity
     */
    public static RdataCommand batch(String stream, String instance, JsonNode row) {
        return new RdataCommand(stream, instance, OptionalLong.empty(), SynapseJson.encode(row));
    }

    public boolean isBatch() {
        return token.isEmpty();
    }

    /** The row, decoded afresh on every call. */
    public JsonNode row() {
        return SynapseJson.decode(rowJson);
    }

    /** v1.13+ form. The row is re-encoded, so a parsed command formats as Synapse's own output would. */
    static RdataCommand fromArgs(String args) {
        String[] f = Args.split(args, "stream_name", "instance_name", "token", "row_json");
        return new RdataCommand(f[0], f[1], token(f[2]), normalized(f[3]));
    }

    /** v0.21–v1.12 form {@code <stream> <token|batch> <row_json>}; only the main process wrote streams then. */
    static RdataCommand fromArgsWithoutInstance(String args) {
        String[] f = Args.split(args, "stream_name", "token", "row_json");
        return new RdataCommand(f[0], Dialect.MAIN_PROCESS_INSTANCE, token(f[1]), normalized(f[2]));
    }

    @Override
    public CommandType type() {
        return CommandType.RDATA;
    }

    @Override
    public String args() {
        return stream + " " + instance + " " + tokenText() + " " + rowJson;
    }

    String argsWithoutInstance() {
        return stream + " " + tokenText() + " " + rowJson;
    }

    private String tokenText() {
        return token.isPresent() ? Long.toString(token.getAsLong()) : BATCH;
    }

    private static OptionalLong token(String field) {
        return field.equals(BATCH) ? OptionalLong.empty() : OptionalLong.of(Args.integer(field, "token"));
    }

    private static String normalized(String json) {
        return SynapseJson.encode(Args.json(json, "row_json"));
    }
}
