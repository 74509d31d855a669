package io.synapsebridge.adapter.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.synapsebridge.protocol.rows.StreamCatalog;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_synapse/replication/get_repl_stream_updates/<stream>/<txn_id>?from_token=<int>&upto_token=<int>},
 * validated in Synapse's order: route, then (after authentication) stream, {@code from_token}, {@code upto_token}.
 *
 * @param txnId the client's random per-call id; Synapse caches answers by it, which matters nothing here since the
 *              rows of a window already announced never change
 */
record CatchUpRequest(String stream, String txnId, long fromToken, long uptoToken) {
    static final String PATH = "/_synapse/replication/get_repl_stream_updates/";

    /** The path matched the endpoint; nothing else checked yet. */
    record Target(String stream, String txnId, Map<String, List<String>> query) {
    }

    /** @throws CatchUpError 404 for any other path, 405 for a method other than GET */
    static Target route(HttpMethod method, String uri) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        String path = decoder.rawPath();
        if (!path.startsWith(PATH)) {
            throw CatchUpError.notFound();
        }
        // Like Synapse's route pattern: two non-empty segments, matched before they are percent-decoded.
        String[] segments = path.substring(PATH.length()).split("/", -1);
        if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            throw CatchUpError.notFound();
        }
        if (!HttpMethod.GET.equals(method)) {
            throw CatchUpError.methodNotAllowed();
        }
        return new Target(QueryStringDecoder.decodeComponent(segments[0]),
                QueryStringDecoder.decodeComponent(segments[1]), decoder.parameters());
    }

    /** @throws CatchUpError 400 for a stream the emulated version lacks or a missing, malformed or negative token */
    static CatchUpRequest validate(Target target, StreamCatalog catalog) {
        if (!catalog.has(target.stream())) {
            throw CatchUpError.unknownStream();
        }
        long from = token(target.query(), "from_token");
        long upto = token(target.query(), "upto_token");
        return new CatchUpRequest(target.stream(), target.txnId(), from, upto);
    }

    private static long token(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            throw CatchUpError.missingParameter(name);
        }
        long value;
        try {
            // Python's int() takes surrounding whitespace and a sign; so does this.
            value = Long.parseLong(values.get(0).strip());
        } catch (NumberFormatException e) {
            throw CatchUpError.notAnInteger(name);
        }
        if (value < 0) {
            throw CatchUpError.negative(name);
        }
        return value;
    }
}
