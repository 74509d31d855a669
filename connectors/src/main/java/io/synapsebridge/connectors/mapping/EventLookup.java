package io.synapsebridge.connectors.mapping;

import java.util.Optional;

/**
 * Reads an already stored event the way Synapse's events stream does when it fetches rows: {@code events} joined
 * with {@code state_events}, {@code redactions}, {@code event_relations}, {@code room_memberships} and
 * {@code rejections}.
 *
 * <p>A de-outliered event's {@code ex_outlier_stream} row comes in a transaction that only updates the event, so
 * what its other tables hold was written long before and is not in the captured changes.
 */
@FunctionalInterface
public interface EventLookup {
    /** Looks nothing up: rows carry only what the captured transaction tells. */
    EventLookup NONE = eventId -> Optional.empty();

    Optional<StoredEvent> find(String eventId);

    /** An event's fields as the events stream reads them; null where the joined table has no row. */
    record StoredEvent(String roomId, String type, String stateKey, String redacts, String relatesTo,
                       String membership, boolean rejected) {
    }
}
