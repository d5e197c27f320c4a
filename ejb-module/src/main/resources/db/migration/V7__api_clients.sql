-- Integrators (issue 15): API clients, OAuth 2.0 client credentials (RFC 6749 section 4.4). Runs
-- unchanged on Apache Derby 10.16 and PostgreSQL 15.

-- A broadcaster's (or an admin's) client: a program acting for its owner within its scopes.
-- The secret is stored as its SHA-256 only (it is 32 random bytes: no slow hash is needed) and is
-- shown once, at creation and at each rotation. A revoked client keeps its row (its id stays
-- taken, its history readable); its tokens stop working at the next refresh of a node's cache.
CREATE TABLE api_client (
    id                VARCHAR(36)  NOT NULL,
    account_id        VARCHAR(36)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    scopes            VARCHAR(200) NOT NULL,
    secret_hash       VARCHAR(64)  NOT NULL,
    version           BIGINT       NOT NULL,
    created_at        TIMESTAMP    NOT NULL,
    secret_rotated_at TIMESTAMP,
    last_used_at      TIMESTAMP,
    revoked_at        TIMESTAMP,
    CONSTRAINT pk_api_client PRIMARY KEY (id),
    CONSTRAINT fk_api_client_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX ix_api_client_account ON api_client (account_id, created_at);
