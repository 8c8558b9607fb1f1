-- An event the outbox could not publish (over Kafka's record size, or refused by the broker as
-- invalid) is parked: marked published with the reason, and a small EventParked stub takes its
-- place on the topic, so the rows behind it flow and consumers see the gap. Query:
--   SELECT seq, type, object_id, parked_reason FROM <schema>.events WHERE parked_reason IS NOT NULL;
ALTER TABLE ${schema}.events ADD COLUMN parked_reason text;
CREATE INDEX events_parked ON ${schema}.events (seq) WHERE parked_reason IS NOT NULL;
