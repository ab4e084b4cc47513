/**
 * Accuracy floors: a little below the figures measured with `npm run eval` (see the README), so a
 * change that makes the search or the roles router worse fails CI instead of shipping.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { loadKnowledge } from '../src/knowledge/loader';
import { RolesService } from '../src/roles/service';
import { evaluateRoles, type RoleEvalCase } from '../src/roles/evaluation';
import { evaluateDanger, parseDangerLines } from '../src/search/dangerEvaluation';
import { evaluate, parseEvalLines, parseJsonLines } from '../src/search/evaluation';
import { SearchService } from '../src/search/service';

const ROOT = join(__dirname, '..');
const { kb } = loadKnowledge(join(ROOT, 'knowledge'));
// The shipped default thresholds, exactly as the service reads them.
const search = new SearchService(kb, loadConfig({}).search);
const run = (file: string) => evaluate(search, parseEvalLines(readFileSync(file, 'utf8'))).summary;

test('our own evaluation set (eval/kb.jsonl) stays above its floor', () => {
  const s = run(join(ROOT, 'eval', 'kb.jsonl'));
  expect(s.inScope).toBeGreaterThanOrEqual(300);
  expect(s.oosN).toBeGreaterThanOrEqual(40);
  expect(s.top1).toBeGreaterThanOrEqual(FLOOR.own.top1);
  expect(s.top3).toBeGreaterThanOrEqual(FLOOR.own.top3);
  expect(s.oosRejected).toBeGreaterThanOrEqual(FLOOR.own.oosRejected);
  expect(s.falseRejections).toBeLessThanOrEqual(FLOOR.own.falseRejections);
  expect(s.usefulFirstReply).toBeGreaterThanOrEqual(FLOOR.own.usefulFirstReply);
  expect(s.wrongAnswers).toBeLessThanOrEqual(FLOOR.own.wrongAnswers);
});

test('the shared dev set stays above its floor', () => {
  const s = run(join(process.env.SHARED_DIR ?? join(ROOT, '..', 'shared'), 'eval', 'dev.jsonl'));
  expect(s.top1).toBeGreaterThanOrEqual(FLOOR.dev.top1);
  expect(s.top3).toBeGreaterThanOrEqual(FLOOR.dev.top3);
  expect(s.oosRejected).toBeGreaterThanOrEqual(FLOOR.dev.oosRejected);
  expect(s.falseRejections).toBeLessThanOrEqual(FLOOR.dev.falseRejections);
});

// The held-out sets (written blind, never trained on): tune.jsonl chose thresholds, dev.jsonl decisions.
test.each([
  ['tune.jsonl', () => FLOOR.tune],
  ['dev.jsonl', () => FLOOR.heldoutDev],
])('the held-out set eval/heldout/%s stays above its floor', (file, floor) => {
  const s = run(join(ROOT, 'eval', 'heldout', file));
  const f = floor();
  expect(s.top1).toBeGreaterThanOrEqual(f.top1);
  expect(s.usefulFirstReply).toBeGreaterThanOrEqual(f.usefulFirstReply);
  expect(s.wrongAnswers).toBeLessThanOrEqual(f.wrongAnswers);
  expect(s.oosAnswered).toBeLessThanOrEqual(f.oosAnswered);
  expect(s.dangerRecall).toBeGreaterThanOrEqual(f.dangerRecall);
});

// The danger-now check as the bot runs it (rules, learned model, search) on the blind danger corpora:
// trained or tuned on (the first six) and reported only (the last four, never trained on).
test.each([
  ['tune.jsonl', 'trained'],
  ['tune2.jsonl', 'trained'],
  ['train-w1.jsonl', 'trained'],
  ['train-w2.jsonl', 'trained'],
  ['train-w3.jsonl', 'trained'],
  ['train-w4.jsonl', 'trained'],
  ['test.jsonl', 'reported'],
  ['check.jsonl', 'reported'],
  ['final-a.jsonl', 'reported'],
  ['final-b.jsonl', 'reported'],
] as const)('the danger-now check on eval/danger/%s (%s) stays above its floor', (file, kind) => {
  const cases = parseDangerLines(readFileSync(join(ROOT, 'eval', 'danger', file), 'utf8'));
  const { summary } = evaluateDanger((q) => search.dangerNow(q), cases);
  expect(summary.recall).toBeGreaterThanOrEqual(FLOOR.danger[kind].recall);
  expect(summary.falseAlarms).toBeLessThanOrEqual(FLOOR.danger[kind].falseAlarms);
});

test('the roles router stays above its floor on eval/roles.jsonl', () => {
  const cases = parseJsonLines<RoleEvalCase>(readFileSync(join(ROOT, 'eval', 'roles.jsonl'), 'utf8'));
  expect(cases.length).toBeGreaterThanOrEqual(60);
  expect(evaluateRoles(new RolesService(kb), cases).summary.top1).toBeGreaterThanOrEqual(FLOOR.roles.top1);
});

/** Measured figures minus a small margin; raise them when the measured figures rise. */
const FLOOR = {
  // measured 2026-12-02 07:45 (the term classifier, blind rounds 1–14; answer at 0.6 or a clear
  // leader): own top1 0.990 / top3 1.0 / oosRejected 1.0 / falseRejections 0.003 / wrong 0.008 (the
  // ranker trains on eval/kb.jsonl and the classifier learns its lines, so it flatters);
  // tune top1 0.992 / useful 0.994 / wrong 0.003 / oosAnswered 0 / danger recall 1;
  // held-out dev top1 0.972 / useful 0.989 / wrong 0.006 / oosAnswered 0.017 / danger recall 1;
  // shared dev top1 0.946 / top3 1.0 / oosRejected 1.0 / falseRejections 0.036; roles 0.99
  own: {
    top1: 0.96,
    top3: 0.98,
    oosRejected: 0.95,
    falseRejections: 0.03,
    usefulFirstReply: 0.97,
    wrongAnswers: 0.025,
  },
  tune: { top1: 0.96, usefulFirstReply: 0.975, wrongAnswers: 0.02, oosAnswered: 0.06, dangerRecall: 0.95 },
  heldoutDev: {
    top1: 0.94,
    usefulFirstReply: 0.965,
    wrongAnswers: 0.025,
    oosAnswered: 0.06,
    dangerRecall: 0.95,
  },
  // top-3 was 0.96 while blind round 13 put "strömmen har gått i hela stadsdelen vad gör vi på
  // äldreboendet" (labelled the crisis topic) fourth; with the term classifier every one of the 56
  // is in the top three again.
  dev: { top1: 0.91, top3: 0.97, oosRejected: 0.8, falseRejections: 0.07 },
  roles: { top1: 0.95 },
  // measured 2026-12-01 with the learned danger model: trained-on corpora recall 1.0, false alarms
  // 0–0.089; reported-only: test 0.988 / 0.081, check 0.962 / 0.086, final-a 0.991 / 0.056,
  // final-b 0.973 / 0.067
  danger: {
    trained: { recall: 0.99, falseAlarms: 0.1 },
    reported: { recall: 0.95, falseAlarms: 0.1 },
  },
};
