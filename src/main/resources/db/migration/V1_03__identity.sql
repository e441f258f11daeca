-- Users of the merchant portal, the operations console and the API.
CREATE TABLE user_account (
  id                  UUID                     NOT NULL PRIMARY KEY,
  username            VARCHAR(64)              NOT NULL,
  password_hash       VARCHAR(200)             NOT NULL,
  display_name        VARCHAR(100)             NOT NULL,
  role                VARCHAR(32)              NOT NULL,
  merchant_id         UUID,
  enabled             BOOLEAN                  NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT                   NOT NULL,
  CONSTRAINT user_account_username_uk UNIQUE (username),
  CONSTRAINT user_account_role_ck CHECK (role IN ('MERCHANT_OWNER', 'MERCHANT_CASHIER', 'REVIEWER',
      'SENIOR_REVIEWER', 'AGENT', 'ADMIN', 'GATEWAY')),
  CONSTRAINT user_account_merchant_ck CHECK (
      (role IN ('MERCHANT_OWNER', 'MERCHANT_CASHIER') AND merchant_id IS NOT NULL)
      OR (role NOT IN ('MERCHANT_OWNER', 'MERCHANT_CASHIER') AND merchant_id IS NULL))
);
CREATE INDEX user_account_merchant_idx ON user_account (merchant_id);

-- Failed-login throttle per username (also for names that do not exist, so a lock reveals nothing).
CREATE TABLE login_throttle (
  username          VARCHAR(64)              NOT NULL PRIMARY KEY,
  failures          INT                      NOT NULL,
  window_started_at TIMESTAMP WITH TIME ZONE,
  locked_until      TIMESTAMP WITH TIME ZONE
);
