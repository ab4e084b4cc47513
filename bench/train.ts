/**
 * Trains the learned ranker and writes src/search/rankerModel.ts. One command, deterministic:
 *   npm run train            (then npm run calibrate to see how well its confidence is calibrated)
 * Trained on the knowledge base's own example questions (each asked of an index without it), our
 * own evaluation set and the tuning half of the held-out set. Never on eval/heldout/dev.jsonl (decisions are checked on it) nor eval/heldout/test.jsonl (reported only).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/loader';
import { buildRows, fit, modelSource } from './rankerData';

export const TRAINING_FILES = ['eval/kb.jsonl', 'eval/heldout/tune.jsonl'];

function main(): void {
  const started = Date.now();
  const { kb } = loadKnowledge('knowledge');
  const rows = buildRows(kb, TRAINING_FILES);
  const model = fit(rows);
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
