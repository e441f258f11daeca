-- Settlement accounts (结算账户). A bound record is never edited: a change binds a new one and unbinds
-- the old with a time. active_merchant_id equals merchant_id exactly while the account is ACTIVE, so the
-- unique constraint on it allows one active account per merchant (portable form of a partial index).
CREATE TABLE settlement_account (
  id                         UUID                     NOT NULL PRIMARY KEY,
  merchant_id                UUID                     NOT NULL,
  account_type               VARCHAR(16)              NOT NULL,
  account_name               VARCHAR(200)             NOT NULL,
  account_number_cipher      VARCHAR(512)             NOT NULL,
  account_number_fingerprint VARCHAR(64)              NOT NULL,
  account_number_masked      VARCHAR(40)              NOT NULL,
  bank_code                  VARCHAR(16)              NOT NULL,
  bank_name                  VARCHAR(100)             NOT NULL,
  bank_branch                VARCHAR(200),
  cnaps_code                 VARCHAR(12),
  holder_id_cipher           VARCHAR(512),
  reserved_phone             VARCHAR(11),
  status                     VARCHAR(16)              NOT NULL,
  active_merchant_id         UUID,
  bound_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
  unbound_at                 TIMESTAMP WITH TIME ZONE,
  CONSTRAINT settlement_account_one_active_uk UNIQUE (active_merchant_id),
  CONSTRAINT settlement_account_type_ck CHECK (account_type IN ('PERSONAL', 'CORPORATE')),
  CONSTRAINT settlement_account_state_ck CHECK (
      (status = 'ACTIVE' AND active_merchant_id = merchant_id AND unbound_at IS NULL)
      OR (status = 'UNBOUND' AND active_merchant_id IS NULL AND unbound_at IS NOT NULL))
);
CREATE INDEX settlement_account_merchant_idx ON settlement_account (merchant_id);
CREATE INDEX settlement_account_fingerprint_idx ON settlement_account (account_number_fingerprint);
