-- Managed and linked wallets (docs/commerce.md, marketplace-api/README.md). One row per OIDC
-- subject, created on first use by INSERT ... ON CONFLICT DO NOTHING (two concurrent first uses
-- make one wallet). The managed wallet's Ed25519 seed is stored only AES-256-GCM-encrypted under the
-- key-encryption key haulout.wallet.kek: seed_sealed = 12-byte nonce ‖ ciphertext ‖ 16-byte tag,
-- with subject ‖ managed_address as associated data (a row's ciphertext cannot be moved to another
-- row). linked_address, when set, is an address the user proved to hold by signing a challenge; it
-- is then the wallet the user acts with, and the managed key stays (with its funds) for later.
CREATE TABLE wallet (
    subject          varchar(255) PRIMARY KEY,
    managed_address  varchar(66)  NOT NULL UNIQUE,
    seed_sealed      bytea        NOT NULL CHECK (octet_length(seed_sealed) = 12 + 32 + 16),
    kek_id           varchar(16)  NOT NULL,
    linked_address   varchar(66),
    created_ms       bigint       NOT NULL,
    funded_ms        bigint,
    linked_ms        bigint
);

-- The last challenge issued to a subject for linkWallet; single use, short-lived.
CREATE TABLE wallet_challenge (
    subject     varchar(255) PRIMARY KEY,
    message     text         NOT NULL,
    expires_ms  bigint       NOT NULL
);
