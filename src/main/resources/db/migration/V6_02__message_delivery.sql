-- Messages are queued in the transaction that causes them and delivered by a dispatcher, with retries.
-- Rows written before this migration were delivered at once: they stay SENT.
ALTER TABLE notification_message ADD COLUMN template VARCHAR(100);
ALTER TABLE notification_message ADD COLUMN template_args VARCHAR(2000);
ALTER TABLE notification_message ADD COLUMN status VARCHAR(16) DEFAULT 'SENT' NOT NULL;
ALTER TABLE notification_message ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE notification_message ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification_message ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification_message ADD COLUMN last_error VARCHAR(300);
ALTER TABLE notification_message ADD COLUMN provider_reference VARCHAR(100);
ALTER TABLE notification_message ADD CONSTRAINT notification_status_ck
  CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED'));
CREATE INDEX notification_message_due_idx ON notification_message (status, next_attempt_at);
