package io.synapsebridge.protocol.rows;

import static io.synapsebridge.protocol.rows.Field.optional;
import static io.synapsebridge.protocol.rows.Field.required;
import static io.synapsebridge.protocol.rows.Field.requiredNullable;
import static io.synapsebridge.protocol.rows.FieldType.BOOLEAN;
import static io.synapsebridge.protocol.rows.FieldType.INTEGER;
import static io.synapsebridge.protocol.rows.FieldType.OBJECT;
import static io.synapsebridge.protocol.rows.FieldType.OBJECT_AS_JSON_TEXT;
import static io.synapsebridge.protocol.rows.FieldType.STRING;
import static io.synapsebridge.protocol.rows.FieldType.STRING_ARRAY;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row layouts per stream and version. Each constant lists the topic's named fields in wire order; "?" marks a field
 * that may be missing or null. A version's catalogue is the list of its streams in {@code STREAMS_MAP} order, so a new
 * version is a new list reusing the layouts that did not change.
 */
final class RowShapes {
    /** {@code ev} (v1.64+): event_id, room_id, type, state_key?, redacts?, relates_to?, membership?, rejected, outlier. */
    static final RowEncoder EV = PositionalRowEncoder.of(required("event_id", STRING), required("room_id", STRING),
            required("type", STRING), optional("state_key", STRING), optional("redacts", STRING),
            optional("relates_to", STRING), optional("membership", STRING), required("rejected", BOOLEAN),
            required("outlier", BOOLEAN));
    /** {@code state}: room_id, type, state_key, event_id? (null: the entry was removed). */
    static final RowEncoder STATE = PositionalRowEncoder.of(required("room_id", STRING), required("type", STRING),
            required("state_key", STRING), optional("event_id", STRING));
    /** {@code state-all} (v1.96+): room_id. */
    static final RowEncoder STATE_ALL = PositionalRowEncoder.of(required("room_id", STRING));

    /** events v1.64–v1.95: topic field {@code kind} = ev | state. */
    static final RowEncoder EVENTS_V1_64 = new EventsRowEncoder(Map.of("ev", EV, "state", STATE));
    /** events v1.96+: topic field {@code kind} = ev | state | state-all. */
    static final RowEncoder EVENTS_V1_96 = new EventsRowEncoder(Map.of("ev", EV, "state", STATE,
            "state-all", STATE_ALL));

    /** backfill: event_id, room_id, type, state_key?, redacts?, relates_to?. */
    static final RowEncoder BACKFILL = PositionalRowEncoder.of(required("event_id", STRING),
            required("room_id", STRING), required("type", STRING), optional("state_key", STRING),
            optional("redacts", STRING), optional("relates_to", STRING));
    /**
     * presence: user_id, state, last_active_ts, last_federation_update_ts, last_user_sync_ts, status_msg?,
     * currently_active.
     */
    static final RowEncoder PRESENCE = PositionalRowEncoder.of(required("user_id", STRING),
            required("state", STRING), required("last_active_ts", INTEGER),
            required("last_federation_update_ts", INTEGER), required("last_user_sync_ts", INTEGER),
            optional("status_msg", STRING), required("currently_active", BOOLEAN));
    /** presence_federation: destination, user_id. */
    static final RowEncoder PRESENCE_FEDERATION = PositionalRowEncoder.of(required("destination", STRING),
            required("user_id", STRING));
    /** typing: room_id, user_ids (array of strings, the room's complete list). */
    static final RowEncoder TYPING = PositionalRowEncoder.of(required("room_id", STRING),
            required("user_ids", STRING_ARRAY));
    /** receipts before v1.69: room_id, receipt_type, user_id, event_id, data (object); thread_id is ignored. */
    static final RowEncoder RECEIPTS_V1_22 = PositionalRowEncoder.of(required("room_id", STRING),
            required("receipt_type", STRING), required("user_id", STRING), required("event_id", STRING),
            required("data", OBJECT));
    /** receipts v1.69+: room_id, receipt_type, user_id, event_id, thread_id?, data (object). */
    static final RowEncoder RECEIPTS_V1_69 = PositionalRowEncoder.of(required("room_id", STRING),
            required("receipt_type", STRING), required("user_id", STRING), required("event_id", STRING),
            optional("thread_id", STRING), required("data", OBJECT));
    /** push_rules: user_id. */
    static final RowEncoder PUSH_RULES = PositionalRowEncoder.of(required("user_id", STRING));
    /** pushers: user_id, app_id, pushkey, deleted. */
    static final RowEncoder PUSHERS = PositionalRowEncoder.of(required("user_id", STRING),
            required("app_id", STRING), required("pushkey", STRING), required("deleted", BOOLEAN));
    /**
     * caches: cache_func, keys, invalidation_ts. {@code keys} must be present: an array of strings, or null to
     * invalidate the whole cache (so a forgotten field cannot flush a cache by accident).
     */
    static final RowEncoder CACHES = PositionalRowEncoder.of(required("cache_func", STRING),
            requiredNullable("keys", STRING_ARRAY), required("invalidation_ts", INTEGER));
    /** device_lists v1.13–v1.75: entity (a user id or a destination server). */
    static final RowEncoder DEVICE_LISTS_V1_13 = PositionalRowEncoder.of(required("entity", STRING));
    /** device_lists v1.110+: entity (a user id), is_signature, hosts_calculated. */
    static final RowEncoder DEVICE_LISTS_V1_110 = PositionalRowEncoder.of(required("entity", STRING),
            required("is_signature", BOOLEAN), required("hosts_calculated", BOOLEAN));
    /** to_device: entity (a local user id or a remote server name). */
    static final RowEncoder TO_DEVICE = PositionalRowEncoder.of(required("entity", STRING));
    /** federation: type (pd, k or e), data (object). */
    static final RowEncoder FEDERATION = PositionalRowEncoder.of(required("type", STRING),
            required("data", OBJECT));
    /** account_data v1.7+: user_id, room_id? (null for global account data), data_type. */
    static final RowEncoder ACCOUNT_DATA = PositionalRowEncoder.of(required("user_id", STRING),
            optional("room_id", STRING), required("data_type", STRING));
    /** tag_account_data (until v1.75): user_id, room_id, data (the tag map; an object in the topic, a JSON string on the wire). */
    static final RowEncoder TAG_ACCOUNT_DATA = PositionalRowEncoder.of(required("user_id", STRING),
            required("room_id", STRING), required("data", OBJECT_AS_JSON_TEXT));
    /** user_signature (v1.6–v1.75): user_id. */
    static final RowEncoder USER_SIGNATURE = PositionalRowEncoder.of(required("user_id", STRING));
    /** sticky_events (v1.148+): room_id, event_id. */
    static final RowEncoder STICKY_EVENTS = PositionalRowEncoder.of(required("room_id", STRING),
            required("event_id", STRING));
    /** thread_subscriptions (v1.135+): user_id, room_id, event_id (the thread root). */
    static final RowEncoder THREAD_SUBSCRIPTIONS = PositionalRowEncoder.of(required("user_id", STRING),
            required("room_id", STRING), required("event_id", STRING));
    /** un_partial_stated_room (v1.74+): room_id. */
    static final RowEncoder UN_PARTIAL_STATED_ROOM = PositionalRowEncoder.of(required("room_id", STRING));
    /** un_partial_stated_event (v1.75+): event_id, rejection_status_changed. */
    static final RowEncoder UN_PARTIAL_STATED_EVENT = PositionalRowEncoder.of(required("event_id", STRING),
            required("rejection_status_changed", BOOLEAN));
    /** quarantined_media (v1.152+): origin? (null for local media), media_id, quarantined. */
    static final RowEncoder QUARANTINED_MEDIA = PositionalRowEncoder.of(optional("origin", STRING),
            required("media_id", STRING), required("quarantined", BOOLEAN));

    private RowShapes() {
    }

    /** Synapse v1.66, the last release with TCP replication. */
    static StreamCatalog v1_66() {
        LinkedHashMap<String, RowEncoder> streams = new LinkedHashMap<>();
        streams.put("events", EVENTS_V1_64);
        streams.put("backfill", BACKFILL);
        streams.put("presence", PRESENCE);
        streams.put("presence_federation", PRESENCE_FEDERATION);
        streams.put("typing", TYPING);
        streams.put("receipts", RECEIPTS_V1_22);
        streams.put("push_rules", PUSH_RULES);
        streams.put("pushers", PUSHERS);
        streams.put("caches", CACHES);
        streams.put("device_lists", DEVICE_LISTS_V1_13);
        streams.put("to_device", TO_DEVICE);
        streams.put(StreamCatalog.FEDERATION, FEDERATION);
        streams.put("tag_account_data", TAG_ACCOUNT_DATA);
        streams.put("account_data", ACCOUNT_DATA);
        streams.put("user_signature", USER_SIGNATURE);
        return new StreamCatalog("v1.66", streams);
    }

    /** Synapse HEAD a58ad44 (v1.157.1+), Redis only. */
    static StreamCatalog head() {
        LinkedHashMap<String, RowEncoder> streams = new LinkedHashMap<>();
        streams.put("events", EVENTS_V1_96);
        streams.put("backfill", BACKFILL);
        streams.put("presence", PRESENCE);
        streams.put("presence_federation", PRESENCE_FEDERATION);
        streams.put("typing", TYPING);
        streams.put("receipts", RECEIPTS_V1_69);
        streams.put("push_rules", PUSH_RULES);
        streams.put("pushers", PUSHERS);
        streams.put("caches", CACHES);
        streams.put("device_lists", DEVICE_LISTS_V1_110);
        streams.put("to_device", TO_DEVICE);
        streams.put(StreamCatalog.FEDERATION, FEDERATION);
        streams.put("account_data", ACCOUNT_DATA);
        streams.put("sticky_events", STICKY_EVENTS);
        streams.put("thread_subscriptions", THREAD_SUBSCRIPTIONS);
        streams.put("un_partial_stated_room", UN_PARTIAL_STATED_ROOM);
        streams.put("un_partial_stated_event", UN_PARTIAL_STATED_EVENT);
        streams.put("quarantined_media", QUARANTINED_MEDIA);
        return new StreamCatalog("HEAD", streams);
    }
}
