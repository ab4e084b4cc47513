-- Reports, their status history and the notification outbox.
-- Times are ISO 8601 UTC strings (toISOString), which sort and compare correctly as text.

CREATE TABLE report_sequences (
  year INTEGER PRIMARY KEY,
  last_value INTEGER NOT NULL
);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  purged_at TEXT
);

CREATE INDEX reports_by_reporter ON reports (reporter_user_id, created_at DESC);
CREATE INDEX reports_by_status ON reports (status, created_at DESC);
CREATE INDEX reports_by_created ON reports (created_at);

CREATE TABLE report_status_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_aad_object_id TEXT,
  changed_at TEXT NOT NULL
);

CREATE INDEX report_status_history_by_report ON report_status_history (report_id);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  channel TEXT NOT NULL CHECK (channel IN ('teams', 'webhook', 'reporter')),
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT
);

CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
