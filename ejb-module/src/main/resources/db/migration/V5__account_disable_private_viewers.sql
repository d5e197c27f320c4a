-- Safe at every edge (issue 13): accounts an admin disabled, and who may watch a private channel
-- besides its broadcaster and the admins. Runs unchanged on Apache Derby 10.16 and PostgreSQL 15.

-- When an admin disabled the account (NULL: enabled). A disabled account cannot sign in, refresh
-- or use its access tokens, and cannot publish.
ALTER TABLE account ADD COLUMN disabled_at TIMESTAMP;

-- Accounts the broadcaster of a private channel allows to watch it.
CREATE TABLE channel_viewer (
    channel_id VARCHAR(36) NOT NULL,
    account_id VARCHAR(36) NOT NULL,
    added_at   TIMESTAMP   NOT NULL,
    CONSTRAINT pk_channel_viewer PRIMARY KEY (channel_id, account_id),
    CONSTRAINT fk_channel_viewer_channel FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT fk_channel_viewer_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX ix_channel_viewer_account ON channel_viewer (account_id, channel_id);

-- A private channel's share link: whoever holds its token may watch. Stored as the token's
-- SHA-256 only; rotating replaces the row, withdrawing deletes it.
CREATE TABLE channel_share_link (
    channel_id  VARCHAR(36) NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP   NOT NULL,
    CONSTRAINT pk_channel_share_link PRIMARY KEY (channel_id),
    CONSTRAINT fk_channel_share_link_channel FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT uq_channel_share_link_token UNIQUE (token_hash)
);
