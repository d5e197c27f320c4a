-- One shape for the code base (issue 14): delivery keeps its own record of the publishes whose
-- HLS it syncs and of their channels, written from the stream events in the transaction that
-- fires them, so that it reads no table of ingest's or channels'. Runs unchanged on Apache Derby
-- 10.16 and PostgreSQL 15.

-- A channel that went live, as delivery needs it: whether its objects go under the private
-- prefix (fixed once live), and when it ended (its replay is due then).
CREATE TABLE delivery_channel (
    channel_id      VARCHAR(36) NOT NULL,
    private_channel BOOLEAN     NOT NULL,
    ended_at        TIMESTAMP,
    CONSTRAINT pk_delivery_channel PRIMARY KEY (channel_id)
);

-- One publish of a channel: the folder nginx cuts its HLS into (the stream's public name), and
-- when it started and ended. A folder's segments are attributed to its publishes by these times.
CREATE TABLE delivery_publish (
    id         VARCHAR(36) NOT NULL,
    channel_id VARCHAR(36) NOT NULL,
    folder     VARCHAR(64) NOT NULL,
    started_at TIMESTAMP   NOT NULL,
    ended_at   TIMESTAMP,
    CONSTRAINT pk_delivery_publish PRIMARY KEY (id),
    CONSTRAINT fk_delivery_publish_channel FOREIGN KEY (channel_id) REFERENCES delivery_channel (channel_id)
);

CREATE INDEX ix_delivery_publish_folder ON delivery_publish (folder, started_at);
CREATE INDEX ix_delivery_publish_channel ON delivery_publish (channel_id, started_at);

-- What the stream events would have written, for the broadcasts before this version.
INSERT INTO delivery_channel (channel_id, private_channel, ended_at)
    SELECT c.id, CASE WHEN c.visibility = 'PRIVATE' THEN TRUE ELSE FALSE END, c.ended_at
    FROM channel c WHERE EXISTS (SELECT 1 FROM publish_session p WHERE p.channel_id = c.id);

INSERT INTO delivery_publish (id, channel_id, folder, started_at, ended_at)
    SELECT p.id, p.channel_id, p.stream_name, p.started_at, p.ended_at FROM publish_session p;
