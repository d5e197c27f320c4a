-- Integrators (issue 15): webhooks. A subscription turns the feed's events it matches into
-- deliveries; a delivery is tried until the receiver answers 2xx or the retry period ends (a dead
-- letter), a channel's next delivery waiting for the one before it. Every attempt is kept. State
-- lives here, so deliveries survive restarts and several nodes share the work (leases on rows).
-- Runs unchanged on Apache Derby 10.16 and PostgreSQL 15.

-- secret signs deliveries (Standard Webhooks, whsec_...): it is needed to sign, so it is stored as
-- it is; previous_secret signs too until previous_until (the overlap after a rotation). position is
-- the last feed sequence this subscription has turned into deliveries. state: ACTIVE, DISABLED (it
-- failed for the disable period; its owner enables it again) or DELETED.
CREATE TABLE webhook_subscription (
    id               VARCHAR(36)   NOT NULL,
    owner_id         VARCHAR(36)   NOT NULL,
    all_channels     BOOLEAN       NOT NULL,
    url              VARCHAR(2000) NOT NULL,
    types            VARCHAR(1000) NOT NULL,
    channel_id       VARCHAR(36),
    secret           VARCHAR(100)  NOT NULL,
    previous_secret  VARCHAR(100),
    previous_until   TIMESTAMP,
    position         BIGINT        NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    disabled_reason  VARCHAR(200),
    failing_since    TIMESTAMP,
    last_success_at  TIMESTAMP,
    created_at       TIMESTAMP     NOT NULL,
    deleted_at       TIMESTAMP,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_webhook_subscription PRIMARY KEY (id),
    CONSTRAINT fk_webhook_subscription_owner FOREIGN KEY (owner_id) REFERENCES account (id)
);

CREATE INDEX ix_webhook_subscription_owner ON webhook_subscription (owner_id, created_at);

-- One event for one subscription. channel_key orders a channel's deliveries ('' for events of no
-- channel); state PENDING, DELIVERED or DEAD; lease_owner and lease_until say which node is
-- sending it now (another takes it over once the lease ran out).
CREATE TABLE webhook_delivery (
    id              VARCHAR(36)   NOT NULL,
    subscription_id VARCHAR(36)   NOT NULL,
    sequence_no     BIGINT        NOT NULL,
    event_id        VARCHAR(36)   NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    channel_key     VARCHAR(36)   NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    lease_owner     VARCHAR(36),
    lease_until     TIMESTAMP,
    finished_at     TIMESTAMP,
    CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT uq_webhook_delivery_event UNIQUE (subscription_id, sequence_no),
    CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id)
);

CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
CREATE INDEX ix_webhook_delivery_order ON webhook_delivery (subscription_id, channel_key, state, sequence_no);

-- Every try: when, the HTTP status (null when none came), how long it took, and what went wrong.
CREATE TABLE webhook_attempt (
    id           VARCHAR(36)  NOT NULL,
    delivery_id  VARCHAR(36)  NOT NULL,
    attempted_at TIMESTAMP    NOT NULL,
    status       INTEGER,
    latency_ms   BIGINT       NOT NULL,
    error        VARCHAR(300),
    CONSTRAINT pk_webhook_attempt PRIMARY KEY (id),
    CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id)
);

CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, attempted_at);
