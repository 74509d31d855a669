package io.synapsebridge.adapter.http;

import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.catchup.StreamUpdates;
import java.util.concurrent.CompletableFuture;

/** Answers a validated request with the configured writer's rows, read from the stream's topic. */
final class CatchUpService {
    private final StreamTopics topics;
    private final String instanceName;
    private final UpdateReader reader;
    private final KafkaReaders readers;

    CatchUpService(StreamTopics topics, String instanceName, UpdateReader reader, KafkaReaders readers) {
        this.topics = topics;
        this.instanceName = instanceName;
        this.reader = reader;
        this.readers = readers;
    }

    /** @throws CatchUpError 503 if the readers are saturated */
    CompletableFuture<StreamUpdates> updates(CatchUpRequest request) {
        long from = request.fromToken();
        long upto = request.uptoToken();
        if (from >= upto) {
            // Nothing lies in (from, upto]; from > upto is how a worker meets a writer that restarted its counter.
            return CompletableFuture.completedFuture(StreamUpdates.none(upto));
        }
        return readers.read(topics.stream(request.stream()), request.stream(),
                log -> reader.read(log, instanceName, from, upto));
    }
}
