-- Bearer tokens revoked before their expiry (API logout); rows are dropped once the token has expired anyway.
CREATE TABLE revoked_token (
  jti        VARCHAR(64)              NOT NULL PRIMARY KEY,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX revoked_token_expiry_idx ON revoked_token (expires_at);

-- One-time codes are capped per phone per day.
CREATE INDEX one_time_code_phone_idx ON one_time_code (sent_to, created_at);
