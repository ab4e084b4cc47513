/**
 * Trains the learned ranker and writes src/search/rankerModel.ts. One command, deterministic:
 *   npm run train            (then npm run calibrate to see how well its confidence is calibrated)
 * Trained on the knowledge base's own questions and examples (each asked of an index without it,
 * 5-fold) and our own evaluation set; then the doubt model (src/search/doubt.ts) on the ranker's
 * answers to the same questions. Never on the held-out sets (eval/heldout/): tune.jsonl and
 * dev.jsonl check the decisions, test.jsonl is reported only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/loader';
import { answeredOf, buildRows, fit, fitDoubt, modelSource, predict } from './rankerData';

/**
 * Question files besides the knowledge base's own questions and examples (TRAIN_FILES=a,b to try
 * others). The held-out sets are not among them: tune.jsonl and dev.jsonl check the decisions.
 */
export const TRAINING_FILES = process.env.TRAIN_FILES?.split(',') ?? ['eval/kb.jsonl'];

function main(): void {
  const started = Date.now();
  const { kb } = loadKnowledge('knowledge');
  const rows = buildRows(kb, TRAINING_FILES);
  const ranker = fit(rows);
  // The doubt model learns when the fitted ranker's top answer is wrong, from its answers to the
  // same rows (the knowledge base's own questions each asked of an index without it).
  const model = { ...ranker, doubt: fitDoubt(answeredOf(rows.map((row) => predict(row, ranker)))) };
  const out = join(__dirname, '..', 'src', 'search', 'rankerModel.ts');
  writeFileSync(
    out,
    modelSource(
      model,
      `Fitted on ${rows.length} questions (${TRAINING_FILES.join(', ')} and the knowledge base's own).`,
    ),
  );
  console.log(JSON.stringify({ rows: rows.length, ms: Date.now() - started, model }));
}

if (require.main === module) main();
