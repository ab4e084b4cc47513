-- Reports, their status history and the notification outbox.
-- answers and reporter_conversation are TEXT, not JSONB: the JSON is kept byte for byte as written
-- (JSONB reorders keys and rejects \u0000 escapes).

CREATE TABLE report_sequences (
  year INTEGER PRIMARY KEY,
  last_value INTEGER NOT NULL
);

CREATE TABLE reports (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('mottagen', 'under-utredning', 'avslutad')),
  -- Reporter identity is nulled by the retention purge together with the answers.
  reporter_user_id TEXT,
  reporter_aad_object_id TEXT,
  reporter_name TEXT,
  organisation_id TEXT,
  answers TEXT,
  reporter_conversation TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  purged_at TIMESTAMPTZ
);

CREATE INDEX reports_by_reporter ON reports (reporter_user_id, created_at DESC);
CREATE INDEX reports_by_status ON reports (status, created_at DESC);
CREATE INDEX reports_by_created ON reports (created_at);

CREATE TABLE report_status_history (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_aad_object_id TEXT,
  changed_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX report_status_history_by_report ON report_status_history (report_id);

CREATE TABLE outbox (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  channel TEXT NOT NULL CHECK (channel IN ('teams', 'webhook', 'reporter')),
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  lease_until TIMESTAMPTZ,
  last_error TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  delivered_at TIMESTAMPTZ
);

CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
