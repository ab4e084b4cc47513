import { SearchService } from './service';

export interface EvalCase {
  q: string;
  expect: string | null;
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

/**
 * top1: the bot answered with the expected topic. top3 and mrr: where the expected topic stands
 * among the candidates. oosRejected: out-of-scope questions that got no answer. falseRejections:
 * in-scope questions that got no answer (a "Menade du…?" counts as no answer here).
 */
export function evaluate(
  search: SearchService,
  cases: EvalCase[],
): { summary: EvalSummary; misses: EvalMiss[] } {
  let inScope = 0;
  let top1 = 0;
  let top3 = 0;
  let rr = 0;
  let oosN = 0;
  let oosRejected = 0;
  let falseRejections = 0;
  const misses: EvalMiss[] = [];
  for (const c of cases) {
    const { result, decision } = search.ask(c.q);
    const answer = SearchService.answerId(decision);
    const ids = result.candidates.map((x) => x.id);
    const miss = { q: c.q, expect: c.expect, answer, confidence: result.confidence, candidates: ids };
    if (c.expect === null) {
      oosN++;
      if (answer === null) oosRejected++;
      else misses.push(miss);
      continue;
    }
    inScope++;
    const rank = ids.indexOf(c.expect);
    if (answer === c.expect) top1++;
    else misses.push(miss);
    if (rank >= 0 && rank < 3) top3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (answer === null) falseRejections++;
  }
  return {
    summary: {
      n: cases.length,
      inScope,
      top1: round(inScope ? top1 / inScope : 0),
      top3: round(inScope ? top3 / inScope : 0),
      mrr: round(inScope ? rr / inScope : 0),
      oosN,
      oosRejected: round(oosN ? oosRejected / oosN : 0),
      falseRejections: round(inScope ? falseRejections / inScope : 0),
    },
    misses,
  };
}
