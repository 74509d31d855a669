-- Synapse v1.66: cache invalidations, written inside the transaction that makes them necessary.
CREATE TABLE cache_invalidation_stream_by_instance (
    stream_id bigint NOT NULL,
    instance_name text NOT NULL,
    cache_func text NOT NULL,
    keys text[],
    invalidation_ts bigint
);
CREATE UNIQUE INDEX cache_invalidation_stream_by_instance_id
    ON cache_invalidation_stream_by_instance USING btree (stream_id);
CREATE INDEX cache_invalidation_stream_by_instance_instance_index
    ON cache_invalidation_stream_by_instance USING btree (instance_name, stream_id);

-- A plain sequence in v1.66, so the first invalidation gets id 1; v1.68 moved its start to 2.
CREATE SEQUENCE cache_invalidation_stream_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
