-- Payouts to settlement cards (出款). The destination is a snapshot of the account active when the payout was
-- created (re-pointed while not yet sent when the card changes). amount = gross - fee (the D0 surcharge).
CREATE TABLE payout (
  id                      UUID                     NOT NULL PRIMARY KEY,
  merchant_id             UUID                     NOT NULL,
  mode                    VARCHAR(4)               NOT NULL,
  gross_fen               BIGINT                   NOT NULL,
  fee_fen                 BIGINT                   NOT NULL,
  amount_fen              BIGINT                   NOT NULL,
  status                  VARCHAR(12)              NOT NULL,
  destination_account_id  UUID                     NOT NULL,
  destination_masked      VARCHAR(40)              NOT NULL,
  destination_name        VARCHAR(200)             NOT NULL,
  destination_fingerprint VARCHAR(64)              NOT NULL,
  destination_cipher      VARCHAR(512)             NOT NULL,
  bank_reference          VARCHAR(64),
  attempts                INT                      NOT NULL,
  next_attempt_at         TIMESTAMP WITH TIME ZONE,
  failure_reason          VARCHAR(300),
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_at            TIMESTAMP WITH TIME ZONE,
  paid_at                 TIMESTAMP WITH TIME ZONE,
  closed_at               TIMESTAMP WITH TIME ZONE,
  version                 BIGINT                   NOT NULL,
  CONSTRAINT payout_amount_ck CHECK (gross_fen > 0 AND fee_fen >= 0 AND amount_fen = gross_fen - fee_fen AND amount_fen > 0),
  CONSTRAINT payout_status_ck CHECK (status IN ('CREATED', 'SUBMITTED', 'PAID', 'FAILED', 'RETURNED'))
);
CREATE INDEX payout_merchant_idx ON payout (merchant_id, created_at);
CREATE INDEX payout_status_idx ON payout (status, next_attempt_at);
CREATE INDEX payout_destination_idx ON payout (destination_fingerprint, created_at);

-- Payouts to an account that failed three times in a row are held until the merchant changes the card.
CREATE TABLE payout_hold (
  merchant_id             UUID                     NOT NULL PRIMARY KEY,
  destination_fingerprint VARCHAR(64)              NOT NULL,
  held_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  reason                  VARCHAR(300)             NOT NULL
);

-- One row per merchant, locked while its balance is swept, so two sweeps (two instances) pay each fen once.
CREATE TABLE payout_sweep_guard (
  merchant_id UUID NOT NULL PRIMARY KEY
);
