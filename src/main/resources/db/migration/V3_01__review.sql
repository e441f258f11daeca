-- Risk and review of change requests: the level and its reasons in words, whether four eyes are needed, and
-- maker/checker with both timestamps (first and second reviewer are always different people).
ALTER TABLE card_change_request ADD COLUMN risk_level VARCHAR(8);
ALTER TABLE card_change_request ADD COLUMN risk_reasons VARCHAR(2000);
ALTER TABLE card_change_request ADD COLUMN four_eyes BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE card_change_request ADD COLUMN first_reviewer VARCHAR(64);
ALTER TABLE card_change_request ADD COLUMN first_reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE card_change_request ADD COLUMN second_reviewer VARCHAR(64);
ALTER TABLE card_change_request ADD COLUMN second_reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE card_change_request ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE card_change_request ADD COLUMN new_account_id UUID;
CREATE INDEX card_change_status_idx ON card_change_request (status, effective_at);

-- Addresses a user has signed in from: a change submitted from an address never seen before is a risk signal.
CREATE TABLE user_known_address (
  user_id    UUID                     NOT NULL,
  address    VARCHAR(64)              NOT NULL,
  first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (user_id, address)
);

-- Every re-binding of a terminal to a settlement account (终端绑定记录), kept for the regulator.
CREATE TABLE terminal_binding (
  id                    UUID                     NOT NULL PRIMARY KEY,
  terminal_id           UUID                     NOT NULL,
  merchant_id           UUID                     NOT NULL,
  settlement_account_id UUID                     NOT NULL,
  bound_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  reason                VARCHAR(100)             NOT NULL
);
CREATE INDEX terminal_binding_terminal_idx ON terminal_binding (terminal_id, bound_at);

-- In-app messages of the merchant portal (站内信), with read state.
CREATE TABLE inbox_message (
  id          UUID                     NOT NULL PRIMARY KEY,
  merchant_id UUID                     NOT NULL,
  title       VARCHAR(200)             NOT NULL,
  body        VARCHAR(2000)            NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  read_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX inbox_message_merchant_idx ON inbox_message (merchant_id, created_at);
