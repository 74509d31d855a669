package io.synapsebridge.connectors.publish;

import io.synapsebridge.connectors.sequencing.Publication;
import io.synapsebridge.connectors.sequencing.SourcePosition;
import java.util.List;

/**
 * What one captured batch released: records in order, dead letters, and the checkpoint that describes the topics
 * once they are written (null for records of the in-memory streams, which no captured change produced).
 *
 * @param oldestSource the oldest change this release depends on (its batch's first change, or an older held row's):
 *                     until the release is committed in Kafka, capture may not acknowledge it or anything after it
 */
public record Release(List<Publication> publications, List<DeadLetter> deadLetters, CaptureCheckpoint checkpoint,
        SourcePosition oldestSource) {

    public Release {
        publications = List.copyOf(publications);
        deadLetters = List.copyOf(deadLetters);
    }

    int size() {
        return publications.size() + deadLetters.size();
    }
}
