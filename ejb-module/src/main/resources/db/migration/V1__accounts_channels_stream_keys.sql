-- OnAir foundation schema. Runs unchanged on Apache Derby 10.16 and PostgreSQL 15:
-- keep to the SQL both speak (no SERIAL, no TEXT, no partial indexes).

CREATE TABLE account (
    id            VARCHAR(36)   NOT NULL,
    display_name  VARCHAR(200)  NOT NULL,
    avatar_url    VARCHAR(2000),
    email         VARCHAR(320),
    created_at    TIMESTAMP     NOT NULL,
    last_login_at TIMESTAMP,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id)
);

CREATE TABLE account_role (
    account_id VARCHAR(36) NOT NULL,
    role       VARCHAR(20) NOT NULL,
    CONSTRAINT pk_account_role PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_account_role CHECK (role IN ('USER', 'ADMIN'))
);

-- A channel is one broadcast. open_owner_id equals owner_id while the channel is unfinished
-- and is NULL once it ENDED: the UNIQUE constraint (not a unique index, which Derby would
-- let hold one NULL only) is what keeps a broadcaster at one unfinished channel, even under
-- concurrent requests.
CREATE TABLE channel (
    id            VARCHAR(36)   NOT NULL,
    owner_id      VARCHAR(36)   NOT NULL,
    open_owner_id VARCHAR(36),
    title         VARCHAR(400)  NOT NULL,
    description   VARCHAR(8000) NOT NULL,
    visibility    VARCHAR(10)   NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    started_at    TIMESTAMP,
    ended_at      TIMESTAMP,
    updated_at    TIMESTAMP     NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_channel PRIMARY KEY (id),
    CONSTRAINT fk_channel_owner FOREIGN KEY (owner_id) REFERENCES account (id),
    CONSTRAINT uq_channel_open_owner UNIQUE (open_owner_id),
    CONSTRAINT ck_channel_state CHECK (state IN ('CREATED', 'LIVE', 'RECONNECTING', 'ENDED')),
    CONSTRAINT ck_channel_visibility CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    CONSTRAINT ck_channel_open_owner CHECK (
        (state = 'ENDED' AND open_owner_id IS NULL AND ended_at IS NOT NULL)
        OR (state <> 'ENDED' AND open_owner_id IS NOT NULL AND open_owner_id = owner_id AND ended_at IS NULL))
);

CREATE INDEX ix_channel_owner ON channel (owner_id);
CREATE INDEX ix_channel_state ON channel (state, created_at);

-- One stream key per broadcaster. The secret is never stored: only its SHA-256 (to check a
-- publish) and the random salt it is derived from (to show it again to its owner).
CREATE TABLE stream_key (
    account_id   VARCHAR(36) NOT NULL,
    public_name  VARCHAR(64) NOT NULL,
    salt         VARCHAR(64) NOT NULL,
    secret_hash  VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP   NOT NULL,
    rotated_at   TIMESTAMP   NOT NULL,
    version      BIGINT      NOT NULL,
    CONSTRAINT pk_stream_key PRIMARY KEY (account_id),
    CONSTRAINT fk_stream_key_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_stream_key_public_name UNIQUE (public_name)
);
