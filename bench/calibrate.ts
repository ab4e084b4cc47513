/**
 * How well calibrated the ranker's confidence is, and what the thresholds do. Two-fold
 * cross-validation over the training rows (fit on one half, predict the other), so the figures
 * are not the model grading its own homework. Prints a reliability table (confidence bins: mean
 * confidence vs share right), the expected calibration error (ECE), and a threshold sweep.
 *   npm run calibrate            (questions: see TRAINING_FILES in bench/train.ts)
 */
import { loadKnowledge } from '../src/knowledge/loader';
import { doubtOf } from '../src/search/doubt';
import {
  answeredOf,
  buildRows,
  doubtLabel,
  fit,
  fitDoubt,
  predict,
  rankedOf,
  type Prediction,
  type Row,
} from './rankerData';
import { TRAINING_FILES } from './train';

const BINS = 10;

/** "Right" for calibration: the top topic is the expected one (out of scope: never right). */
const isRight = (x: Prediction) => x.row.expect !== null && !x.refusedAsOos && x.top === x.row.expect;

/**
 * A reliability table: items binned by predicted probability, each bin's mean prediction against
 * the share of hits, and the expected calibration error (the bins' gaps weighted by their size).
 */
function reliability(
  items: Array<{ p: number; hit: boolean }>,
  header: string,
): { table: string[]; ece: number } {
  const bins = Array.from({ length: BINS }, () => ({ n: 0, p: 0, hits: 0 }));
  for (const x of items) {
    const b = bins[Math.min(BINS - 1, Math.floor(x.p * BINS))]!;
    b.n++;
    b.p += x.p;
    if (x.hit) b.hits++;
  }
  let ece = 0;
  const table = [header];
  bins.forEach((b, i) => {
    if (b.n === 0) return;
    const mean = b.p / b.n;
    const share = b.hits / b.n;
    ece += (b.n / items.length) * Math.abs(mean - share);
    table.push(
      `${(i / BINS).toFixed(1)}-${((i + 1) / BINS).toFixed(1)}    ${String(b.n).padEnd(5)} ${mean.toFixed(3)}      ${share.toFixed(3)}`,
    );
  });
  return { table, ece };
}

/** The ranker's confidence against whether its top topic was right. */
const confidence = (preds: Prediction[]) => preds.map((x) => ({ p: x.p, hit: isRight(x) }));
const CONFIDENCE_HEADER = 'confidence   n     mean conf  share right';

function sweep(preds: Prediction[]): string[] {
  const ins = preds.filter((x) => x.row.expect !== null);
  const oos = preds.filter((x) => x.row.expect === null);
  const out: string[] = [];
  for (const answer of [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    for (const suggest of [0.3, 0.4, 0.5]) {
      if (suggest > answer) continue;
      let top1 = 0;
      let wrong = 0;
      let clarify = 0;
      let oosAnswered = 0;
      for (const x of preds) {
        const answered = !x.refusedAsOos && x.p >= answer;
        const options = x.top3.filter((o) => o.p >= 0.04);
        const asked =
          !x.refusedAsOos &&
          !answered &&
          options.reduce((a, o) => a + o.p, 0) >= suggest &&
          options.length > 0;
        if (x.row.expect === null) {
          if (answered) oosAnswered++;
          continue;
        }
        if (answered && x.top === x.row.expect) top1++;
        else if (answered) wrong++;
        else if (asked && options.some((o) => o.id === x.row.expect)) clarify++;
      }
      const f = (a: number, b: number) => (b ? a / b : 0).toFixed(3);
      out.push(
        `answer ${answer.toFixed(2)} suggest ${suggest.toFixed(2)}: top1 ${f(top1, ins.length)} wrongAnswers ${f(wrong, ins.length)} ` +
          `clarifyHit ${f(clarify, ins.length)} usefulFirstReply ${f(top1 + clarify, ins.length)} oosAnswered ${f(oosAnswered, oos.length)}`,
      );
    }
  }
  return out;
}

function main(): void {
  const { kb } = loadKnowledge('knowledge');
  const rows = buildRows(kb, TRAINING_FILES);
  const a: Row[] = rows.filter((_, i) => i % 2 === 0);
  const b: Row[] = rows.filter((_, i) => i % 2 === 1);
  const [wa, wb] = [fit(a), fit(b)];
  const [predsB, predsA] = [b.map((r) => predict(r, wa)), a.map((r) => predict(r, wb))];
  const preds = [...predsB, ...predsA];
  const { table, ece } = reliability(confidence(preds), CONFIDENCE_HEADER);
  console.log(`cross-validated over ${rows.length} questions (two folds)`);
  for (const line of table) console.log(line);
  console.log(`ECE ${ece.toFixed(3)}`);
  for (const source of [...new Set(rows.map((r) => r.source))]) {
    const sub = preds.filter((x) => x.row.source === source);
    console.log(
      `ECE on ${source} (${sub.length}): ${reliability(confidence(sub), CONFIDENCE_HEADER).ece.toFixed(3)}`,
    );
  }
  console.log('thresholds (cross-validated, all rows):');
  for (const line of sweep(preds)) console.log(line);
  // Sweeps per question file given in TRAIN_FILES (the default, eval/kb.jsonl, is in the rows above).
  for (const source of TRAINING_FILES) {
    const sub = preds.filter((x) => x.row.source === source);
    if (sub.length === 0) continue;
    console.log(`thresholds (cross-validated, ${source} only):`);
    for (const line of sweep(sub)) console.log(line);
  }
  doubtReliability(predsB, predsA);
}

/**
 * The doubt model (src/search/doubt.ts) cross-validated the same way: fitted on one half's answers,
 * its probability that the top is wrong while the right topic is second or third, against how often
 * that was so on the other half.
 */
function doubtReliability(predsB: Prediction[], predsA: Prediction[]): void {
  const [ansA, ansB] = [answeredOf(predsA), answeredOf(predsB)];
  const [modelA, modelB] = [fitDoubt(ansA), fitDoubt(ansB)];
  const scored = [
    ...ansB.map((x) => ({ p: doubtOf(rankedOf(x), modelA), hit: doubtLabel(x) })),
    ...ansA.map((x) => ({ p: doubtOf(rankedOf(x), modelB), hit: doubtLabel(x) })),
  ];
  const { table, ece } = reliability(
    scored,
    'doubt (cross-validated): doubt   n     mean doubt  share wrong with the right topic 2nd or 3rd',
  );
  for (const line of table) console.log(line);
  console.log(`doubt ECE ${ece.toFixed(3)}`);
}

main();
