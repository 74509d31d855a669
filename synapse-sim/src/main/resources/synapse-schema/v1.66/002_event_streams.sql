-- Synapse v1.66: the other two tables of the events stream. Their ids come from events_stream_seq.

-- "state" rows: one per current-state change, sharing the stream_ordering of the event that caused it.
CREATE TABLE current_state_delta_stream (
    stream_id bigint NOT NULL,
    room_id text NOT NULL,
    type text NOT NULL,
    state_key text NOT NULL,
    event_id text,
    prev_event_id text,
    instance_name text
);
CREATE INDEX current_state_delta_stream_idx ON current_state_delta_stream USING btree (stream_id);

-- Events that stopped being outliers, at a new stream ordering. The only stream table here with a primary key.
CREATE TABLE ex_outlier_stream (
    event_stream_ordering bigint NOT NULL,
    event_id text NOT NULL,
    state_group bigint NOT NULL,
    instance_name text
);
ALTER TABLE ONLY ex_outlier_stream ADD CONSTRAINT ex_outlier_stream_pkey PRIMARY KEY (event_stream_ordering);
