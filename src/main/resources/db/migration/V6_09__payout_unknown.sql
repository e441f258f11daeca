-- A payout whose hand-over to the bank ended without a definite answer is UNKNOWN until the bank is asked.
ALTER TABLE payout DROP CONSTRAINT payout_status_ck;
ALTER TABLE payout ADD CONSTRAINT payout_status_ck
  CHECK (status IN ('CREATED', 'SUBMITTED', 'UNKNOWN', 'PAID', 'FAILED', 'RETURNED'));
