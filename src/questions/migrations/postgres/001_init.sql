-- Questions to the security function, their outbox, team routes, scheduler slots and knowledge drafts.
-- thread and asker_conversation are JSON text, nulled by retention.

CREATE TABLE question_sequences (
  year INTEGER PRIMARY KEY,
  last_value INTEGER NOT NULL
);

CREATE TABLE questions (
  seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  area TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'taken', 'answered', 'resolved', 'closed')),
  asker_user_id TEXT,
  asker_aad_object_id TEXT,
  asker_name TEXT,
  asker_conversation TEXT,
  locale TEXT NOT NULL,
  thread TEXT,
  taken_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  answered_at TIMESTAMPTZ,
  reminded_at TIMESTAMPTZ,
  team_card TEXT,
  purged_at TIMESTAMPTZ
);

CREATE INDEX questions_by_asker ON questions (asker_user_id, created_at DESC);
CREATE INDEX questions_by_status ON questions (status, created_at);

CREATE TABLE question_outbox (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  question_id TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('teams', 'reporter')),
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  lease_until TIMESTAMPTZ,
  last_error TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  delivered_at TIMESTAMPTZ
);

CREATE INDEX question_outbox_due ON question_outbox (state, next_attempt_at);

CREATE TABLE question_routes (
  area TEXT PRIMARY KEY,
  conversation TEXT NOT NULL,
  registered_by TEXT NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE question_jobs (
  job TEXT PRIMARY KEY,
  slot TEXT NOT NULL,
  claimed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE knowledge_drafts (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  question_id TEXT NOT NULL UNIQUE,
  area TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  written_at TIMESTAMPTZ
);
