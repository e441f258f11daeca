-- "FAILED here, PAID at the bank": the merchant got its money back and was also paid. The most severe break.
ALTER TABLE recon_break ALTER COLUMN kind SET DATA TYPE VARCHAR(32);
ALTER TABLE recon_break DROP CONSTRAINT recon_break_kind_ck;
ALTER TABLE recon_break ADD CONSTRAINT recon_break_kind_ck CHECK (kind IN ('FAILED_HERE_PAID_AT_BANK', 'MISSING_AT_BANK',
    'UNKNOWN_AT_BANK', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH'));
