-- Finance operators (财务): payouts, reconciliation with the bank's result file, fee disputes.
ALTER TABLE user_account DROP CONSTRAINT user_account_role_ck;
ALTER TABLE user_account ADD CONSTRAINT user_account_role_ck CHECK (role IN ('MERCHANT_OWNER', 'MERCHANT_CASHIER',
    'REVIEWER', 'SENIOR_REVIEWER', 'AGENT', 'FINANCE', 'ADMIN', 'GATEWAY'));
