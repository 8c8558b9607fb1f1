-- Access checks look up a requester's passes and rentals for one listing.
CREATE INDEX objects_owner_listing ON ${schema}.objects (owner, type, listing_id) WHERE listing_id IS NOT NULL;
