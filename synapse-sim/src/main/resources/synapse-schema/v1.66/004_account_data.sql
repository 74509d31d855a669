-- Synapse v1.66: global and per-room account data, and room tags. One id generator (account_data_sequence)
-- feeds the account_data and tag_account_data replication streams.
CREATE TABLE account_data (
    user_id text NOT NULL,
    account_data_type text NOT NULL,
    stream_id bigint NOT NULL,
    content text NOT NULL,
    instance_name text
);
ALTER TABLE ONLY account_data ADD CONSTRAINT account_data_uniqueness UNIQUE (user_id, account_data_type);
CREATE INDEX account_data_stream_id ON account_data USING btree (user_id, stream_id);

CREATE TABLE room_account_data (
    user_id text NOT NULL,
    room_id text NOT NULL,
    account_data_type text NOT NULL,
    stream_id bigint NOT NULL,
    content text NOT NULL,
    instance_name text
);
ALTER TABLE ONLY room_account_data
    ADD CONSTRAINT room_account_data_uniqueness UNIQUE (user_id, room_id, account_data_type);
CREATE INDEX room_account_data_stream_id ON room_account_data USING btree (user_id, stream_id);

CREATE TABLE room_tags (
    user_id text NOT NULL,
    room_id text NOT NULL,
    tag text NOT NULL,
    content text NOT NULL
);
ALTER TABLE ONLY room_tags ADD CONSTRAINT room_tag_uniqueness UNIQUE (user_id, room_id, tag);

CREATE TABLE room_tags_revisions (
    user_id text NOT NULL,
    room_id text NOT NULL,
    stream_id bigint NOT NULL,
    instance_name text
);
ALTER TABLE ONLY room_tags_revisions ADD CONSTRAINT room_tag_revisions_uniqueness UNIQUE (user_id, room_id);

CREATE SEQUENCE account_data_sequence START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
SELECT setval('account_data_sequence', 1, true);
