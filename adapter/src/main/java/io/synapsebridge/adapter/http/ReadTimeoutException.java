package io.synapsebridge.adapter.http;

/** A request's reads from Kafka did not finish within its budget. */
public final class ReadTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReadTimeoutException(String topic) {
        super("reading " + topic + " took longer than the request's budget");
    }
}
