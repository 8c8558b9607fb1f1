-- Catalog read model. Written only from chain events (Kafka); see marketplace-api/README.md.
CREATE TABLE listing (
    id                          varchar(66)  PRIMARY KEY,
    version                     bigint       NOT NULL CHECK (version >= 1),
    last_event_seq              bigint       NOT NULL,
    seller                      varchar(66)  NOT NULL,
    title                       text         NOT NULL,
    description                 text         NOT NULL DEFAULT '',
    tags                        text[]       NOT NULL DEFAULT '{}',
    tags_text                   text         NOT NULL DEFAULT '',
    license                     text,
    size_bytes                  bigint       CHECK (size_bytes >= 0),
    format                      text,
    schema_summary              text,
    preview_ref                 text,
    buy_price_frost             bigint       CHECK (buy_price_frost >= 0),
    rent_price_per_period_frost bigint       CHECK (rent_price_per_period_frost >= 0),
    rent_period_ms              bigint,
    fee_bps                     integer      NOT NULL DEFAULT 0 CHECK (fee_bps BETWEEN 0 AND 10000),
    blob_id                     varchar(64),
    sealed_key_ref              text,
    status                      varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DELISTED')),
    created_ms                  bigint       NOT NULL,
    updated_ms                  bigint       NOT NULL,
    search                      tsvector GENERATED ALWAYS AS (
                                    setweight(to_tsvector('english', title), 'A') ||
                                    setweight(to_tsvector('english', tags_text), 'B') ||
                                    setweight(to_tsvector('english', description), 'C')) STORED
);

CREATE INDEX listing_search_idx ON listing USING gin (search);
CREATE INDEX listing_tags_idx ON listing USING gin (tags);
CREATE INDEX listing_newest_idx ON listing (created_ms DESC, id) WHERE status = 'ACTIVE';
CREATE INDEX listing_price_idx ON listing (buy_price_frost, id) WHERE status = 'ACTIVE';
CREATE INDEX listing_seller_idx ON listing (seller);

CREATE TABLE favorite (
    subject     varchar(255) NOT NULL,
    listing_id  varchar(66)  NOT NULL REFERENCES listing (id),
    created_ms  bigint       NOT NULL,
    PRIMARY KEY (subject, listing_id)
);
