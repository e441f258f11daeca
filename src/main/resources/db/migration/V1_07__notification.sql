-- Messages handed to a delivery provider (SMS, e-mail, in-app). The development provider's outbox.
CREATE TABLE notification_message (
  id        UUID                     NOT NULL PRIMARY KEY,
  recipient VARCHAR(100)             NOT NULL,
  channel   VARCHAR(16)              NOT NULL,
  body      VARCHAR(2000)            NOT NULL,
  sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT notification_channel_ck CHECK (channel IN ('SMS', 'EMAIL', 'IN_APP'))
);
CREATE INDEX notification_message_recipient_idx ON notification_message (recipient, sent_at);
