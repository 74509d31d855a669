package io.synapsebridge.adapter.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.synapsebridge.protocol.json.SynapseJson;

/** A request the endpoint answers with a Matrix error body instead of updates, as Synapse would. */
final class CatchUpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String UNRECOGNIZED = "M_UNRECOGNIZED";
    private static final String UNKNOWN = "M_UNKNOWN";

    private final transient HttpResponseStatus status;
    private final String errcode;

    private CatchUpError(HttpResponseStatus status, String errcode, String error) {
        super(error, null, false, false);
        this.status = status;
        this.errcode = errcode;
    }

    /** Not an HTTP request the server could read. */
    static CatchUpError malformed() {
        return new CatchUpError(HttpResponseStatus.BAD_REQUEST, UNKNOWN, "Malformed request");
    }

    /** No such endpoint: Synapse's {@code UnrecognizedRequestError}. */
    static CatchUpError notFound() {
        return new CatchUpError(HttpResponseStatus.NOT_FOUND, UNRECOGNIZED, "Unrecognized request");
    }

    /** The endpoint is GET only. */
    static CatchUpError methodNotAllowed() {
        return new CatchUpError(HttpResponseStatus.METHOD_NOT_ALLOWED, UNRECOGNIZED, "Unrecognized request");
    }

    static CatchUpError unknownStream() {
        return new CatchUpError(HttpResponseStatus.BAD_REQUEST, UNKNOWN, "Unknown stream");
    }

    static CatchUpError missingParameter(String name) {
        return new CatchUpError(HttpResponseStatus.BAD_REQUEST, "M_MISSING_PARAM",
                "Missing required integer query parameter " + name);
    }

    static CatchUpError notAnInteger(String name) {
        return new CatchUpError(HttpResponseStatus.BAD_REQUEST, "M_INVALID_PARAM",
                "Query parameter " + name + " must be an integer");
    }

    static CatchUpError negative(String name) {
        return new CatchUpError(HttpResponseStatus.BAD_REQUEST, "M_INVALID_PARAM",
                "Query parameter " + name + " must be a positive integer.");
    }

    /**
     * What Synapse answers for any unexpected failure, a refused {@code Authorization} header included: it raises a
     * plain exception there, so a worker with the wrong secret sees this and not 401 or 403.
     */
    static CatchUpError internal() {
        return new CatchUpError(HttpResponseStatus.INTERNAL_SERVER_ERROR, UNKNOWN, "Internal server error");
    }

    /** More requests waiting for a Kafka reader than the server queues. */
    static CatchUpError busy() {
        return new CatchUpError(HttpResponseStatus.SERVICE_UNAVAILABLE, UNKNOWN, "Too many catch-up requests");
    }

    HttpResponseStatus status() {
        return status;
    }

    /** Synapse sends error bodies as canonical JSON, so {@code errcode} comes before {@code error}. */
    String toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("errcode", errcode).put("error", getMessage());
        return SynapseJson.encode(body);
    }
}
