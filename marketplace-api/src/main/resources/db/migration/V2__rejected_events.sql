-- Chain events the catalog could not apply and skipped (poison): see marketplace-api/README.md.
-- One row per Kafka record; a redelivered record is not recorded twice. Events are public chain
-- data; the payload itself is not kept, only its SHA-256 and size, so the record can be found again.
CREATE TABLE rejected_event (
    id              bigserial    PRIMARY KEY,
    topic           text         NOT NULL,
    kafka_partition integer      NOT NULL,
    kafka_offset    bigint       NOT NULL,
    record_key      text,
    listing_id      text,
    version         bigint,
    event_seq       bigint,
    stage           varchar(16)  NOT NULL CHECK (stage IN ('parse', 'validation', 'store')),
    reason          text         NOT NULL,
    payload_sha256  char(64)     NOT NULL,
    payload_bytes   integer      NOT NULL,
    rejected_ms     bigint       NOT NULL,
    UNIQUE (topic, kafka_partition, kafka_offset)
);
