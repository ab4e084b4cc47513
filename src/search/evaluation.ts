import { SearchService } from './service';

export interface EvalCase {
  q: string;
  expect: string | null;
  /** How the question is written (plain, sloppy, situation, synonym, slang, english, oos, nearmiss). */
  style?: string;
  /** The question describes danger happening now: the reply must start with 112. */
  danger?: boolean;
}

export interface StyleSummary {
  n: number;
  top1: number;
  usefulFirstReply: number;
  wrongAnswers: number;
  oosAnswered: number;
}

export interface EvalSummary {
  n: number;
  inScope: number;
  top1: number;
  top3: number;
  mrr: number;
  oosN: number;
  oosRejected: number;
  falseRejections: number;
  /** In-scope questions answered (confidently) with another topic. */
  wrongAnswers: number;
  /** In-scope questions answered with "Menade du…?" whose options include the right topic. */
  clarifyHit: number;
  /** top1 + clarifyHit: the first reply leads to the right procedure. */
  usefulFirstReply: number;
  /** Out-of-scope questions that got a confident answer (1 - oosRejected). */
  oosAnswered: number;
  /** Per way of writing, when the lines carry "style". */
  byStyle?: Record<string, StyleSummary>;
  /** When lines carry "danger": share of danger-now questions the detector caught. */
  dangerRecall?: number;
  /** When lines carry "danger": share of the other questions that got a needless 112 card. */
  dangerFalseAlarms?: number;
}

export interface EvalMiss {
  q: string;
  expect: string | null;
  answer: string | null;
  confidence: number;
  candidates: string[];
}

/** Parses JSON lines; blank lines and lines starting with // are skipped. */
export function parseJsonLines<T>(text: string): T[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('//'))
    .map((l) => JSON.parse(l) as T);
}

/** The knowledge evaluation file: {"q", "expect"} per line. */
export function parseEvalLines(text: string): EvalCase[] {
  return parseJsonLines<EvalCase>(text);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

interface Tally {
  inScope: number;
  top1: number;
  clarifyHit: number;
  wrong: number;
  oosN: number;
  oosAnswered: number;
}

const tally = (): Tally => ({ inScope: 0, top1: 0, clarifyHit: 0, wrong: 0, oosN: 0, oosAnswered: 0 });

/**
 * top1: the bot answered with the expected topic. top3 and mrr: where the expected topic stands
 * among the candidates. oosRejected: out-of-scope questions that got no answer. falseRejections:
 * in-scope questions that got no answer (a "Menade du…?" counts as no answer here). The newer keys
 * say what the person saw first: the right answer, a "Menade du…?" that lists it, or a wrong one.
 */
export function evaluate(
  search: SearchService,
  cases: EvalCase[],
): { summary: EvalSummary; misses: EvalMiss[] } {
  const all = tally();
  const styles = new Map<string, Tally>();
  let top3 = 0;
  let rr = 0;
  let falseRejections = 0;
  let dangerN = 0;
  let dangerCaught = 0;
  let calmN = 0;
  let calmAlarms = 0;
  const misses: EvalMiss[] = [];
  for (const c of cases) {
    const { result, decision } = search.ask(c.q);
    const answer = SearchService.answerId(decision);
    const ids = result.candidates.map((x) => x.id);
    const miss = { q: c.q, expect: c.expect, answer, confidence: result.confidence, candidates: ids };
    const bucket = c.style ? (styles.get(c.style) ?? styles.set(c.style, tally()).get(c.style)!) : undefined;
    const count = (k: keyof Tally) => {
      all[k]++;
      if (bucket) bucket[k]++;
    };
    if (c.danger !== undefined) {
      const flagged = search.dangerNow(c.q);
      if (c.danger) {
        dangerN++;
        if (flagged) dangerCaught++;
      } else {
        calmN++;
        if (flagged) calmAlarms++;
      }
    }
    if (c.expect === null) {
      count('oosN');
      if (answer !== null) {
        count('oosAnswered');
        misses.push(miss);
      }
      continue;
    }
    count('inScope');
    const rank = ids.indexOf(c.expect);
    if (answer === c.expect) count('top1');
    else misses.push(miss);
    if (answer !== null && answer !== c.expect) count('wrong');
    if (decision.kind === 'clarify' && decision.options.includes(c.expect)) count('clarifyHit');
    if (rank >= 0 && rank < 3) top3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (answer === null) falseRejections++;
  }
  const frac = (a: number, b: number) => round(b ? a / b : 0);
  const summary: EvalSummary = {
    n: cases.length,
    inScope: all.inScope,
    top1: frac(all.top1, all.inScope),
    top3: frac(top3, all.inScope),
    mrr: frac(rr, all.inScope),
    oosN: all.oosN,
    oosRejected: frac(all.oosN - all.oosAnswered, all.oosN),
    falseRejections: frac(falseRejections, all.inScope),
    wrongAnswers: frac(all.wrong, all.inScope),
    clarifyHit: frac(all.clarifyHit, all.inScope),
    usefulFirstReply: frac(all.top1 + all.clarifyHit, all.inScope),
    oosAnswered: frac(all.oosAnswered, all.oosN),
  };
  if (styles.size > 0) {
    summary.byStyle = Object.fromEntries(
      [...styles.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([style, t]) => [
          style,
          {
            n: t.inScope + t.oosN,
            top1: frac(t.top1, t.inScope),
            usefulFirstReply: frac(t.top1 + t.clarifyHit, t.inScope),
            wrongAnswers: frac(t.wrong, t.inScope),
            oosAnswered: frac(t.oosAnswered, t.oosN),
          },
        ]),
    );
  }
  if (dangerN + calmN > 0) {
    summary.dangerRecall = frac(dangerCaught, dangerN);
    summary.dangerFalseAlarms = frac(calmAlarms, calmN);
  }
  return { summary, misses };
}
