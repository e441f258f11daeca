-- Merchants (商户). The legal representative's ID number is stored encrypted, with a keyed fingerprint.
CREATE TABLE merchant (
  id                   UUID                     NOT NULL PRIMARY KEY,
  merchant_no          VARCHAR(15)              NOT NULL,
  kind                 VARCHAR(16)              NOT NULL,
  name                 VARCHAR(200)             NOT NULL,
  legal_name           VARCHAR(100)             NOT NULL,
  legal_id_cipher      VARCHAR(512)             NOT NULL,
  legal_id_fingerprint VARCHAR(64)              NOT NULL,
  contact_phone        VARCHAR(11)              NOT NULL,
  mcc                  VARCHAR(4)               NOT NULL,
  status               VARCHAR(16)              NOT NULL,
  settlement_mode      VARCHAR(4)               NOT NULL,
  fee_plan             VARCHAR(32)              NOT NULL,
  language             VARCHAR(8)               NOT NULL,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  version              BIGINT                   NOT NULL,
  CONSTRAINT merchant_no_uk UNIQUE (merchant_no),
  CONSTRAINT merchant_kind_ck CHECK (kind IN ('INDIVIDUAL', 'ENTERPRISE')),
  CONSTRAINT merchant_status_ck CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
  CONSTRAINT merchant_mode_ck CHECK (settlement_mode IN ('D0', 'T1'))
);
