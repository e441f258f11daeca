-- A reconciliation run reads either the bank's result file or its camt.053 end-of-day statement.
ALTER TABLE recon_run ADD COLUMN format VARCHAR(16) DEFAULT 'RESULT_FILE' NOT NULL;
ALTER TABLE recon_run ADD CONSTRAINT recon_run_format_ck CHECK (format IN ('RESULT_FILE', 'CAMT053'));
