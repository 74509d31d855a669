package io.synapsebridge.adapter.http;

/** The stream's topic does not exist, so nothing can be said about its rows. */
public final class MissingTopicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingTopicException(String topic) {
        super("topic " + topic + " does not exist");
    }
}
