/**
 * Row layouts: topic rows carry named fields ({@link io.synapsebridge.contract.StreamRecord#row()}); a
 * {@link io.synapsebridge.protocol.rows.SynapseVersion}'s
 * {@link io.synapsebridge.protocol.rows.StreamCatalog} turns them into the positional JSON arrays RDATA
 * carries, and lists the streams to announce.
 *
 * <p>Topic fields per stream, in wire order ("?" may be missing or null, which encodes as null):
 * <ul>
 * <li>events: {@code kind} = {@code ev} (event_id, room_id, type, state_key?, redacts?, relates_to?, membership?,
 *     rejected, outlier), {@code state} (room_id, type, state_key, event_id?) or, from v1.96, {@code state-all}
 *     (room_id); wire form {@code [kind, [fields]]}
 * <li>backfill: event_id, room_id, type, state_key?, redacts?, relates_to?
 * <li>presence: user_id, state, last_active_ts, last_federation_update_ts, last_user_sync_ts, status_msg?,
 *     currently_active
 * <li>presence_federation: destination, user_id
 * <li>typing: room_id, user_ids (array of strings)
 * <li>receipts: room_id, receipt_type, user_id, event_id, thread_id? (v1.69+ only), data (object)
 * <li>push_rules: user_id
 * <li>pushers: user_id, app_id, pushkey, deleted
 * <li>caches: cache_func, keys (must be present: array of strings, or null for the whole cache), invalidation_ts
 * <li>device_lists: entity; from v1.110 also is_signature, hosts_calculated
 * <li>to_device: entity
 * <li>federation: type, data (object)
 * <li>account_data: user_id, room_id? (null for global), data_type
 * <li>tag_account_data (until v1.75): user_id, room_id, data (object; sent as a JSON string)
 * <li>user_signature (until v1.75): user_id
 * </ul>
 * Booleans may be given as 0/1. Fields a layout does not use are ignored.
 */
package io.synapsebridge.protocol.rows;
