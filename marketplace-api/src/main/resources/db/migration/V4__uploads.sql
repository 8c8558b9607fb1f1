-- Resumable (tus) uploads: see marketplace-api/README.md. The bytes live in one file per upload
-- under haulout.upload.dir; a row holds what a restart needs to resume: the acknowledged offset
-- (raised only after the data up to it is fsynced), the owner and the expiry.
CREATE TABLE upload (
    id            varchar(64)  PRIMARY KEY,
    owner         varchar(255) NOT NULL,
    length        bigint       NOT NULL CHECK (length >= 0),
    received      bigint       NOT NULL CHECK (received >= 0 AND received <= length),
    metadata      text,
    created_ms    bigint       NOT NULL,
    expires_ms    bigint       NOT NULL,
    completed_ms  bigint
);

CREATE INDEX upload_expiry_idx ON upload (expires_ms) WHERE completed_ms IS NULL;
CREATE INDEX upload_owner_idx ON upload (owner);
