-- Purchases paid by managed wallets (marketplace-api/README.md). The primary key is the caller's
-- idempotency key: a retry, a double click or a second tab finds the first purchase's row and gets
-- its receipt. The ledger nonce is derived from the same key (first 8 bytes of
-- SHA-256(subject ‖ idempotencyKey)), so even two requests racing past the lookup are charged once:
-- the ledger refuses the second transaction (NONCE_ALREADY_USED / TX_ALREADY_EXECUTED).
CREATE TABLE purchase (
    subject          varchar(255) NOT NULL,
    idempotency_key  varchar(128) NOT NULL,
    nonce            bigint       NOT NULL,
    buyer            varchar(66)  NOT NULL,
    listing_id       varchar(66)  NOT NULL,
    kind             varchar(8)   NOT NULL,
    tx_digest        varchar(128) NOT NULL,
    access_id        varchar(66),
    expires_at_ms    bigint,
    receipt          text         NOT NULL,
    created_ms       bigint       NOT NULL,
    PRIMARY KEY (subject, idempotency_key)
);

CREATE INDEX purchase_subject_idx ON purchase (subject, created_ms);
