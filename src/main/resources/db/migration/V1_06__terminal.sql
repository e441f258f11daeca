-- POS terminals (终端) and their binding to a merchant and its settlement account (终端绑定).
CREATE TABLE terminal (
  id                    UUID                     NOT NULL PRIMARY KEY,
  serial_no             VARCHAR(32)              NOT NULL,
  merchant_id           UUID,
  settlement_account_id UUID,
  model                 VARCHAR(60)              NOT NULL,
  install_address       VARCHAR(300),
  status                VARCHAR(16)              NOT NULL,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  version               BIGINT                   NOT NULL,
  CONSTRAINT terminal_serial_uk UNIQUE (serial_no),
  CONSTRAINT terminal_status_ck CHECK (status IN ('IN_STOCK', 'SHIPPED', 'ACTIVE', 'LOCKED', 'RETIRED'))
);
CREATE INDEX terminal_merchant_idx ON terminal (merchant_id);
