-- The terminal host (ISO 8583 over TCP): batches opened by sign-on and closed by settlement, and every request
-- it answered, kept to answer a retransmission with the first answer. The PAN only masked and encrypted.
CREATE TABLE host_batch (
  terminal_id     VARCHAR(8)               NOT NULL,
  batch_no        VARCHAR(6)               NOT NULL,
  merchant_id     UUID                     NOT NULL,
  status          VARCHAR(8)               NOT NULL,
  opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at       TIMESTAMP WITH TIME ZONE,
  result_code     VARCHAR(2),
  terminal_totals VARCHAR(30),
  host_totals     VARCHAR(30),
  PRIMARY KEY (terminal_id, batch_no),
  CONSTRAINT host_batch_status_ck CHECK (status IN ('OPEN', 'CLOSED'))
);
CREATE INDEX host_batch_open_idx ON host_batch (status, opened_at);

CREATE TABLE host_message (
  id             UUID                     NOT NULL PRIMARY KEY,
  terminal_id    VARCHAR(8)               NOT NULL,
  batch_no       VARCHAR(6)               NOT NULL,
  stan           VARCHAR(6)               NOT NULL,
  mti            VARCHAR(4)               NOT NULL,
  kind           VARCHAR(12)              NOT NULL,
  request_hash   VARCHAR(64)              NOT NULL,
  response_hex   VARCHAR(1200)            NOT NULL,
  response_code  VARCHAR(2)               NOT NULL,
  rrn            VARCHAR(12),
  auth_code      VARCHAR(6),
  amount_fen     BIGINT,
  pan_masked     VARCHAR(24),
  pan_cipher     VARCHAR(512),
  entry_mode     VARCHAR(3),
  original_rrn   VARCHAR(12),
  transaction_id UUID,
  reference      VARCHAR(64),
  merchant_id    UUID,
  reversed       BOOLEAN                  NOT NULL,
  voided         BOOLEAN                  NOT NULL,
  received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT host_message_uk UNIQUE (terminal_id, batch_no, stan, mti),
  CONSTRAINT host_message_rrn_uk UNIQUE (rrn),
  CONSTRAINT host_message_kind_ck CHECK (kind IN ('PURCHASE', 'VOID', 'REVERSAL', 'SETTLEMENT'))
);
CREATE INDEX host_message_batch_idx ON host_message (terminal_id, batch_no);
CREATE INDEX host_message_transaction_idx ON host_message (transaction_id);
