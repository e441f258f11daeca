-- A refund or reversal sent with an Idempotency-Key: the same key again answers the first result.
CREATE TABLE transaction_undo_key (
  idempotency_key VARCHAR(64)              NOT NULL PRIMARY KEY,
  reference       VARCHAR(64)              NOT NULL,
  kind            VARCHAR(16)              NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
