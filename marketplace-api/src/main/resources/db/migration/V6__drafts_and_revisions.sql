-- Draft listings (on chain before their content) and the revision history of each listing's content.
ALTER TABLE listing DROP CONSTRAINT listing_status_check;
ALTER TABLE listing ADD CONSTRAINT listing_status_check CHECK (status IN ('ACTIVE', 'DELISTED', 'DRAFT'));

-- One row per blob a listing has named, in order: revision 1 is its first content. Written in the
-- same transaction as the listing state that introduced the blob (see HibernateListingRepository).
CREATE TABLE listing_revision (
    listing_id  varchar(66)  NOT NULL REFERENCES listing (id),
    revision    integer      NOT NULL CHECK (revision >= 1),
    blob_id     varchar(64)  NOT NULL,
    size_bytes  bigint       CHECK (size_bytes >= 0),
    version     bigint       NOT NULL,
    created_ms  bigint       NOT NULL,
    PRIMARY KEY (listing_id, revision)
);
