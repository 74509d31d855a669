-- Synapse v1.66: pushers (id is the stream id; an update moves the row to a new id) and deleted pushers.
-- No sequence and no instance_name: the main process counts from MAX over both tables.
CREATE TABLE pushers (
    id bigint NOT NULL,
    user_name text NOT NULL,
    access_token bigint,
    profile_tag text NOT NULL,
    kind text NOT NULL,
    app_id text NOT NULL,
    app_display_name text NOT NULL,
    device_display_name text NOT NULL,
    pushkey text NOT NULL,
    ts bigint NOT NULL,
    lang text,
    data text,
    last_stream_ordering bigint,
    last_success bigint,
    failing_since bigint
);
ALTER TABLE ONLY pushers ADD CONSTRAINT pushers2_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pushers ADD CONSTRAINT pushers2_app_id_pushkey_user_name_key UNIQUE (app_id, pushkey, user_name);

CREATE TABLE deleted_pushers (
    stream_id bigint NOT NULL,
    app_id text NOT NULL,
    pushkey text NOT NULL,
    user_id text NOT NULL
);
CREATE INDEX deleted_pushers_stream_id ON deleted_pushers USING btree (stream_id);
