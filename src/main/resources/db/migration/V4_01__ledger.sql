-- Double-entry ledger (总账). A journal entry's postings sum to zero; amounts are signed fen (debit +, credit -).
-- (kind, reference) is unique: posting the same business event twice is impossible.
CREATE TABLE journal_entry (
  id         UUID                     NOT NULL PRIMARY KEY,
  kind       VARCHAR(40)              NOT NULL,
  reference  VARCHAR(100)             NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT journal_entry_event_uk UNIQUE (kind, reference)
);

CREATE TABLE posting (
  entry_id   UUID         NOT NULL,
  line       INT          NOT NULL,
  account    VARCHAR(80)  NOT NULL,
  amount_fen BIGINT       NOT NULL,
  PRIMARY KEY (entry_id, line)
);
CREATE INDEX posting_account_idx ON posting (account);

-- Maintained balance per ledger account, updated in the posting's transaction; a check proves it equals
-- the sum of the postings.
CREATE TABLE ledger_balance (
  account     VARCHAR(80) NOT NULL PRIMARY KEY,
  balance_fen BIGINT      NOT NULL
);
