package io.synapsebridge.protocol.catchup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.protocol.json.SynapseJson;
import java.util.List;

/**
 * The answer of Synapse's stream update function, as {@code get_repl_stream_updates} returns it: rows in token order,
 * the token they reach, and whether rows remain above it.
 *
 * @param updates    one entry per row; rows sharing a token are separate entries with the same token
 * @param uptoToken  the caller has every row up to this token and continues from it
 * @param limited    more rows remain between {@code uptoToken} and the token asked for
 */
public record StreamUpdates(List<Update> updates, long uptoToken, boolean limited) {

    public StreamUpdates {
        updates = List.copyOf(updates);
    }

    /** One row, laid out as RDATA carries it. */
    public record Update(long token, ArrayNode row) {
    }

    public static StreamUpdates none(long uptoToken) {
        return new StreamUpdates(List.of(), uptoToken, false);
    }

    /** {@code {"updates":[[token,row],...],"upto_token":n,"limited":bool}}, compact and in this key order. */
    public String toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        ArrayNode entries = body.putArray("updates");
        for (Update u : updates) {
            entries.addArray().add(u.token()).add(u.row());
        }
        body.put("upto_token", uptoToken);
        body.put("limited", limited);
        return SynapseJson.encode(body);
    }
}
