-- Sign-in: identities at providers, pending authorization requests, refresh-token sessions,
-- and the login history with its notices. Runs unchanged on Derby 10.16 and PostgreSQL 15.

-- Who an account is at a provider. The identity key is (provider, subject): an e-mail address
-- is never used to join identities, so nobody takes over an account by claiming an address.
CREATE TABLE account_identity (
    provider     VARCHAR(40)  NOT NULL,
    subject      VARCHAR(255) NOT NULL,
    account_id   VARCHAR(36)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    CONSTRAINT pk_account_identity PRIMARY KEY (provider, subject),
    CONSTRAINT fk_account_identity_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- An authorization request on its way through the provider: one row per `state`, which is
-- stored hashed, consumed (deleted) by the callback, and worthless after expires_at.
-- browser_hash binds it to the browser that started it (a cookie only that browser holds).
CREATE TABLE sign_in_request (
    state_hash    VARCHAR(64)   NOT NULL,
    provider      VARCHAR(40)   NOT NULL,
    browser_hash  VARCHAR(64)   NOT NULL,
    code_verifier VARCHAR(128)  NOT NULL,
    nonce         VARCHAR(128)  NOT NULL,
    redirect_uri  VARCHAR(2000) NOT NULL,
    return_to     VARCHAR(2000) NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    CONSTRAINT pk_sign_in_request PRIMARY KEY (state_hash)
);

CREATE INDEX ix_sign_in_request_expiry ON sign_in_request (expires_at);

-- Refresh tokens, stored as SHA-256 only. A family is one sign-in: every refresh rotates the
-- token within it; presenting a rotated one (used_at set) revokes the whole family.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64) NOT NULL,
    family_id   VARCHAR(36) NOT NULL,
    account_id  VARCHAR(36) NOT NULL,
    issued_at   TIMESTAMP   NOT NULL,
    expires_at  TIMESTAMP   NOT NULL,
    used_at     TIMESTAMP,
    revoked_at  TIMESTAMP,
    CONSTRAINT pk_refresh_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_refresh_token_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);

-- Every sign-in attempt, successful or not. account_id is NULL when the attempt failed before
-- an account was known. The id is the attempt's own, so an attempt can never be recorded twice.
CREATE TABLE login_attempt (
    id           VARCHAR(36)  NOT NULL,
    account_id   VARCHAR(36),
    provider     VARCHAR(40)  NOT NULL,
    attempted_at TIMESTAMP    NOT NULL,
    ip           VARCHAR(45),
    user_agent   VARCHAR(512),
    device_key   VARCHAR(64),
    network      VARCHAR(64),
    outcome      VARCHAR(10)  NOT NULL,
    reason       VARCHAR(60),
    CONSTRAINT pk_login_attempt PRIMARY KEY (id),
    CONSTRAINT fk_login_attempt_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_login_attempt_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE'))
);

CREATE INDEX ix_login_attempt_account ON login_attempt (account_id, attempted_at);
CREATE INDEX ix_login_attempt_time ON login_attempt (attempted_at);
-- "Has this account signed in from this device / network before?" is a probe, not a scan.
CREATE INDEX ix_login_attempt_device ON login_attempt (account_id, device_key);
CREATE INDEX ix_login_attempt_network ON login_attempt (account_id, network);

-- "You signed in from a device or network we had not seen": one per such sign-in.
CREATE TABLE login_notice (
    id           VARCHAR(36)  NOT NULL,
    account_id   VARCHAR(36)  NOT NULL,
    attempt_id   VARCHAR(36)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    provider     VARCHAR(40)  NOT NULL,
    ip           VARCHAR(45),
    user_agent   VARCHAR(512),
    new_device   BOOLEAN      NOT NULL,
    new_network  BOOLEAN      NOT NULL,
    CONSTRAINT pk_login_notice PRIMARY KEY (id),
    CONSTRAINT uq_login_notice_attempt UNIQUE (attempt_id),
    CONSTRAINT fk_login_notice_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX ix_login_notice_account ON login_notice (account_id, created_at);
