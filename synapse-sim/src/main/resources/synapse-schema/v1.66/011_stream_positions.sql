-- Synapse v1.66: each sequence-backed writer's persisted position, written after its rows commit.
-- Backfill stores negative values. Streams without a sequence and the caches stream have no row here.
CREATE TABLE stream_positions (
    stream_name text NOT NULL,
    instance_name text NOT NULL,
    stream_id bigint NOT NULL
);
CREATE UNIQUE INDEX stream_positions_idx ON stream_positions USING btree (stream_name, instance_name);
