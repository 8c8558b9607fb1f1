-- Publications: one per uploaded file being published as a listing revision (id = the upload's id).
CREATE TABLE publication (
    id              varchar(64)  PRIMARY KEY,
    owner           varchar(255) NOT NULL,
    stage           varchar(16)  NOT NULL,
    state           varchar(16)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    listing_id      varchar(66),
    revision        integer,
    blob_id         varchar(64),
    preview_blob_id varchar(64),
    error_code      varchar(64),
    error_message   text,
    bytes_done      bigint       NOT NULL DEFAULT 0,
    bytes_total     bigint       NOT NULL DEFAULT 0,
    created_ms      bigint       NOT NULL,
    updated_ms      bigint       NOT NULL
);
CREATE INDEX publication_owner_idx ON publication (owner, created_ms DESC);
CREATE INDEX publication_running_idx ON publication (state) WHERE state = 'RUNNING';
