-- Materials uploaded by merchants (ID photos, card photos, authorisations, account proofs).
-- Kept in the database, outside any web root; only the owning merchant and operators read them.
CREATE TABLE attachment (
  id           UUID                     NOT NULL PRIMARY KEY,
  merchant_id  UUID                     NOT NULL,
  kind         VARCHAR(20)              NOT NULL,
  content_type VARCHAR(40)              NOT NULL,
  size_bytes   BIGINT                   NOT NULL,
  sha256       VARCHAR(64)              NOT NULL,
  content      BYTEA                    NOT NULL,
  uploaded_by  VARCHAR(64)              NOT NULL,
  uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT attachment_kind_ck CHECK (kind IN ('ID_FRONT', 'ID_BACK', 'CARD_FRONT', 'AUTHORIZATION', 'ACCOUNT_PROOF')),
  CONSTRAINT attachment_size_ck CHECK (size_bytes > 0 AND size_bytes <= 5242880)
);
CREATE INDEX attachment_merchant_idx ON attachment (merchant_id);
