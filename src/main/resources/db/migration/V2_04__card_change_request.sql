-- Settlement card change requests (结算卡变更申请). open_merchant_id equals merchant_id while the request is
-- open (not EFFECTIVE, REJECTED or CANCELLED): its unique constraint allows one open request per merchant.
CREATE TABLE card_change_request (
  id                         UUID                     NOT NULL PRIMARY KEY,
  merchant_id                UUID                     NOT NULL,
  status                     VARCHAR(24)              NOT NULL,
  open_merchant_id           UUID,
  account_type               VARCHAR(16)              NOT NULL,
  account_name               VARCHAR(200)             NOT NULL,
  account_number_cipher      VARCHAR(512)             NOT NULL,
  account_number_fingerprint VARCHAR(64)              NOT NULL,
  account_number_masked      VARCHAR(40)              NOT NULL,
  bank_code                  VARCHAR(16)              NOT NULL,
  bank_name                  VARCHAR(100)             NOT NULL,
  bin_known                  BOOLEAN                  NOT NULL,
  bank_branch                VARCHAR(200),
  cnaps_code                 VARCHAR(12),
  holder_id_cipher           VARCHAR(512),
  holder_id_fingerprint      VARCHAR(64),
  holder_id_masked           VARCHAR(24),
  reserved_phone             VARCHAR(11),
  holder_is_legal_rep        BOOLEAN                  NOT NULL,
  previous_account_masked    VARCHAR(40),
  verification_status        VARCHAR(16)              NOT NULL,
  verification_attempts      INT                      NOT NULL,
  verification_next_at       TIMESTAMP WITH TIME ZONE,
  stop_code_hash             VARCHAR(64)              NOT NULL,
  submitted_by               VARCHAR(64)              NOT NULL,
  submitted_ip               VARCHAR(64),
  submitted_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  info_request               VARCHAR(1000),
  reject_reason              VARCHAR(1000),
  effective_at               TIMESTAMP WITH TIME ZONE,
  updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  version                    BIGINT                   NOT NULL,
  CONSTRAINT card_change_one_open_uk UNIQUE (open_merchant_id),
  CONSTRAINT card_change_stop_code_uk UNIQUE (stop_code_hash),
  CONSTRAINT card_change_status_ck CHECK (status IN ('SUBMITTED', 'PENDING_REVIEW', 'NEEDS_INFO',
      'PENDING_SECOND_REVIEW', 'APPROVED', 'SCHEDULED', 'EFFECTIVE', 'REJECTED', 'CANCELLED')),
  CONSTRAINT card_change_open_ck CHECK (
      (status IN ('EFFECTIVE', 'REJECTED', 'CANCELLED') AND open_merchant_id IS NULL)
      OR (status NOT IN ('EFFECTIVE', 'REJECTED', 'CANCELLED') AND open_merchant_id = merchant_id)),
  CONSTRAINT card_change_verification_ck CHECK (verification_status IN ('PENDING', 'MATCH', 'MISMATCH',
      'CARD_CLOSED', 'NOT_APPLICABLE'))
);
CREATE INDEX card_change_merchant_idx ON card_change_request (merchant_id, submitted_at);
CREATE INDEX card_change_verification_idx ON card_change_request (verification_status, verification_next_at);

CREATE TABLE card_change_attachment (
  request_id    UUID NOT NULL,
  attachment_id UUID NOT NULL,
  PRIMARY KEY (request_id, attachment_id)
);

-- The timeline of a request: every status it passed through, when, by whom, with an optional note.
CREATE TABLE card_change_history (
  request_id UUID                     NOT NULL,
  seq        INT                      NOT NULL,
  status     VARCHAR(24)              NOT NULL,
  at         TIMESTAMP WITH TIME ZONE NOT NULL,
  actor      VARCHAR(64)              NOT NULL,
  note       VARCHAR(1000),
  PRIMARY KEY (request_id, seq)
);

-- One row per merchant, locked while a change request of that merchant is submitted or resubmitted, so
-- that parallel submissions are decided one after the other.
CREATE TABLE card_change_guard (
  merchant_id UUID NOT NULL PRIMARY KEY
);
