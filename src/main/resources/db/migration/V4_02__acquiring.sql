-- Card and QR transactions posted by the acquiring gateway, idempotent on the retrieval reference.
CREATE TABLE card_transaction (
  id            UUID                     NOT NULL PRIMARY KEY,
  reference     VARCHAR(64)              NOT NULL,
  merchant_id   UUID                     NOT NULL,
  terminal_sn   VARCHAR(32)              NOT NULL,
  channel       VARCHAR(20)              NOT NULL,
  card_kind     VARCHAR(10)              NOT NULL,
  amount_fen    BIGINT                   NOT NULL,
  fee_fen       BIGINT                   NOT NULL,
  net_fen       BIGINT                   NOT NULL,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  captured_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  business_date DATE                     NOT NULL,
  status        VARCHAR(12)              NOT NULL,
  CONSTRAINT card_transaction_reference_uk UNIQUE (reference),
  CONSTRAINT card_transaction_amount_ck CHECK (amount_fen > 0 AND fee_fen >= 0 AND net_fen = amount_fen - fee_fen),
  CONSTRAINT card_transaction_status_ck CHECK (status IN ('CAPTURED', 'REFUNDED', 'REVERSED'))
);
CREATE INDEX card_transaction_merchant_idx ON card_transaction (merchant_id, business_date);
