-- E-mails carry a subject; merchants choose per kind of notice which channels they want (security notices
-- always go by SMS to the registered phone).
ALTER TABLE notification_message ADD COLUMN subject VARCHAR(300);
ALTER TABLE notification_message ADD COLUMN language VARCHAR(16);

CREATE TABLE notice_preference (
  merchant_id UUID                     NOT NULL PRIMARY KEY,
  email       VARCHAR(200),
  sms_kinds   VARCHAR(200)             NOT NULL,
  email_kinds VARCHAR(200)             NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by  VARCHAR(100)             NOT NULL,
  version     BIGINT                   NOT NULL
);
