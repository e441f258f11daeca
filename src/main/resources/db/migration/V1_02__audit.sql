-- Append-only, hash-chained audit log (审计日志). Each entry carries the hash of the previous one.
CREATE TABLE audit_entry (
  seq          BIGINT                   NOT NULL PRIMARY KEY,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor        VARCHAR(100)             NOT NULL,
  action       VARCHAR(100)             NOT NULL,
  target_type  VARCHAR(60),
  target_id    VARCHAR(100),
  client_ip    VARCHAR(64),
  before_state VARCHAR(8000),
  after_state  VARCHAR(8000),
  prev_hash    VARCHAR(64)              NOT NULL,
  entry_hash   VARCHAR(64)              NOT NULL
);
CREATE INDEX audit_entry_target_idx ON audit_entry (target_type, target_id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor);

-- One row: the head of the chain, locked while an entry is appended so the chain stays linear.
CREATE TABLE audit_chain_head (
  id        INT         NOT NULL PRIMARY KEY,
  last_seq  BIGINT      NOT NULL,
  last_hash VARCHAR(64) NOT NULL,
  CONSTRAINT audit_chain_head_single_row CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
