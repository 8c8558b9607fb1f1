-- Haulout embedded ledger, schema version 1. ${schema} is replaced by the configured schema.
CREATE TABLE ${schema}.accounts (
  address text PRIMARY KEY,
  balance bigint NOT NULL CHECK (balance >= 0)
);
CREATE TABLE ${schema}.objects (
  id text PRIMARY KEY,
  type text NOT NULL,
  owner text NOT NULL,
  version bigint NOT NULL CHECK (version >= 1),
  data text NOT NULL,
  blob_id text,
  listing_id text
);
CREATE INDEX objects_owner_type ON ${schema}.objects (owner, type);
CREATE INDEX objects_type ON ${schema}.objects (type);
CREATE INDEX objects_blob_id ON ${schema}.objects (blob_id) WHERE blob_id IS NOT NULL;
CREATE TABLE ${schema}.counters (
  name text PRIMARY KEY,
  value bigint NOT NULL CHECK (value >= 0)
);
-- The single sequencer row: every committing transaction locks it, so commit order = seq order.
CREATE TABLE ${schema}.chain_head (
  id int PRIMARY KEY CHECK (id = 1),
  tx_seq bigint NOT NULL,
  event_seq bigint NOT NULL,
  head_hash bytea NOT NULL
);
INSERT INTO ${schema}.chain_head VALUES (1, 0, 0, decode(repeat('00', 32), 'hex'));
CREATE TABLE ${schema}.transactions (
  seq bigint PRIMARY KEY,
  digest text NOT NULL UNIQUE,
  sender text NOT NULL,
  nonce bigint,
  kind text NOT NULL,
  tx_bytes bytea NOT NULL,
  signature text,
  timestamp_ms bigint NOT NULL,
  effects text NOT NULL,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL,
  UNIQUE (sender, nonce)
);
-- Events double as the Kafka outbox: written in the same transaction, published in seq order.
CREATE TABLE ${schema}.events (
  seq bigint PRIMARY KEY,
  tx_seq bigint NOT NULL,
  type text NOT NULL,
  object_id text NOT NULL,
  payload text NOT NULL,
  published boolean NOT NULL DEFAULT false
);
CREATE INDEX events_unpublished ON ${schema}.events (seq) WHERE NOT published;
