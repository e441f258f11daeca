-- Step-up one-time codes (短信验证码): stored as a keyed hash, 5 minutes, single use, a few tries.
CREATE TABLE one_time_code (
  id          UUID                     NOT NULL PRIMARY KEY,
  user_id     UUID                     NOT NULL,
  purpose     VARCHAR(40)              NOT NULL,
  code_hash   VARCHAR(64)              NOT NULL,
  sent_to     VARCHAR(11)              NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  failed_tries INT                     NOT NULL,
  consumed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX one_time_code_user_idx ON one_time_code (user_id, purpose, created_at);
