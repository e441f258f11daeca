-- Long work run in the background (后台任务): progress for the UI's bar, the produced file for download,
-- a heartbeat so that a job whose instance died is marked failed instead of running for ever.
CREATE TABLE background_job (
  id             UUID                     NOT NULL PRIMARY KEY,
  kind           VARCHAR(40)              NOT NULL,
  owner          VARCHAR(64)              NOT NULL,
  status         VARCHAR(10)              NOT NULL,
  done           BIGINT                   NOT NULL,
  total          BIGINT                   NOT NULL,
  failure_code   VARCHAR(60),
  failure_detail VARCHAR(300),
  result_name    VARCHAR(200),
  result_type    VARCHAR(100),
  result         BYTEA,
  started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  heartbeat_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT background_job_status_ck CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX background_job_owner_idx ON background_job (owner, started_at);
CREATE INDEX background_job_running_idx ON background_job (status, heartbeat_at);
