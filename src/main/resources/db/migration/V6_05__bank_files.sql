-- The ISO 20022 file channel: each payout handed to the bank as a transfer in a pain.001 batch, and what the
-- bank answered (pain.002 status, camt.054 booking); every file exchanged, kept once (by its hash).
CREATE TABLE bank_transfer (
  payout_id        UUID                     NOT NULL PRIMARY KEY,
  amount_fen       BIGINT                   NOT NULL,
  creditor_name    VARCHAR(200)             NOT NULL,
  account_cipher   VARCHAR(512)             NOT NULL,
  status           VARCHAR(16)              NOT NULL,
  reason           VARCHAR(300),
  bank_reference   VARCHAR(100),
  sent_in          UUID,
  return_collected BOOLEAN                  DEFAULT FALSE NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT bank_transfer_status_ck CHECK (status IN ('PENDING', 'SENT', 'ACCEPTED', 'REJECTED', 'BOOKED', 'RETURNED'))
);
CREATE INDEX bank_transfer_status_idx ON bank_transfer (status);

CREATE TABLE bank_message (
  id         UUID                     NOT NULL PRIMARY KEY,
  direction  VARCHAR(3)               NOT NULL,
  type       VARCHAR(16)              NOT NULL,
  name       VARCHAR(200)             NOT NULL,
  sha256     VARCHAR(64)              NOT NULL,
  content    TEXT                     NOT NULL,
  status     VARCHAR(16)              NOT NULL,
  note       VARCHAR(300),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT bank_message_direction_ck CHECK (direction IN ('OUT', 'IN')),
  CONSTRAINT bank_message_uk UNIQUE (direction, sha256)
);
CREATE INDEX bank_message_created_idx ON bank_message (created_at);
