package io.synapsebridge.adapter.server;

import io.synapsebridge.adapter.source.StreamTail;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.command.LegacyReplicateCommand;
import io.synapsebridge.protocol.rows.StreamCatalog;
import java.util.List;

/**
 * What the 2017-dialect subscriptions of every connection share: where the topics are, the tail they join, and
 * which streams may be asked for.
 *
 * @param maxPending the congestion limit of a connection, which a catch-up stays well below
 */
record LegacyReplication(String bootstrapServers, StreamTopics topics, StreamCatalog catalog,
        boolean mainProcessSendsFederation, StreamTail tail, Hub hub, ServerMetrics metrics, int maxPending) {

    LegacySession session(Subscriber subscriber, String connection) {
        return new LegacySession(this, subscriber, connection);
    }

    /**
     * The streams a REPLICATE covers: {@code ALL} is every stream served. Synapse passes the token of
     * {@code REPLICATE ALL <token>} to every stream, so a token is accepted there too.
     *
     * @throws ReplicateFailedException for a stream that is not served
     */
    List<String> streams(LegacyReplicateCommand command) {
        List<String> served = catalog.announcedStreams(mainProcessSendsFederation).stream()
                .filter(stream -> tail.position(stream).isPresent())
                .toList();
        if (command.isAll()) {
            return served;
        }
        if (!served.contains(command.stream())) {
            throw new ReplicateFailedException("unknown stream " + command.stream());
        }
        return List.of(command.stream());
    }
}
