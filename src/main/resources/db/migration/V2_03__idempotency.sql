-- Idempotency-Key records: the first response to a key is kept and returned again for the same body.
CREATE TABLE idempotency_record (
  owner           VARCHAR(64)              NOT NULL,
  idempotency_key VARCHAR(64)              NOT NULL,
  request_hash    VARCHAR(64)              NOT NULL,
  response_status INT                      NOT NULL,
  response_body   VARCHAR(20000)           NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (owner, idempotency_key)
);
