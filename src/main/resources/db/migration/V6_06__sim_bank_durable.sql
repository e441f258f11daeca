-- The simulated bank keeps everything a bank keeps: its answer to each transfer (given again, with the same
-- reference, for a repeated payout id, also after a restart), returns it has promised, and how it is told to
-- answer for an account.
ALTER TABLE sim_bank_transfer ADD COLUMN reason VARCHAR(300);
ALTER TABLE sim_bank_transfer ADD COLUMN return_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sim_bank_transfer ADD COLUMN return_reason VARCHAR(300);
CREATE INDEX sim_bank_transfer_return_idx ON sim_bank_transfer (return_due_at);

CREATE TABLE sim_bank_script (
  fingerprint VARCHAR(64)              NOT NULL PRIMARY KEY,
  outcome     VARCHAR(12)              NOT NULL,
  reason      VARCHAR(300),
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
