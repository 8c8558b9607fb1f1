-- Parked events: the ledger's outbox publishes a haulout.eventParked.v1 notice in place of an event
-- it could not publish (too large for Kafka); the catalog records the notice here with stage
-- 'parked' (see marketplace-api/README.md).
ALTER TABLE rejected_event DROP CONSTRAINT rejected_event_stage_check;
ALTER TABLE rejected_event ADD CONSTRAINT rejected_event_stage_check
    CHECK (stage IN ('parse', 'validation', 'store', 'parked'));
