import { parseJsonLines } from './evaluation';

/** One line of eval/danger/*.jsonl: a message and whether it describes danger happening now. */
export interface DangerCase {
  q: string;
  danger: boolean;
  /** "sv" or "en". */
  lang?: string;
  /** How it is written (plain, sloppy, fragment, situation, slang, english). */
  style?: string;
}

/** Recall and false alarms over a group of lines. */
export interface DangerTally {
  n: number;
  /** Lines that describe danger now. */
  dangerN: number;
  /** Share of danger-now lines that got the 112 card. */
  recall: number;
  /** Share of the other lines that got a needless 112 card. */
  falseAlarms: number;
}

export interface DangerSummary extends DangerTally {
  byLang: Record<string, DangerTally>;
  byStyle: Record<string, DangerTally>;
}

export interface DangerMiss {
  /** "missed": danger now without 112; "false-alarm": 112 on a message that is not danger now. */
  kind: 'missed' | 'false-alarm';
  case: DangerCase;
}

/** Parses the corpus; every line must say `"danger": true|false`. */
export function parseDangerLines(text: string): DangerCase[] {
  return parseJsonLines<DangerCase>(text).map((c, i) => {
    if (typeof c.q !== 'string' || typeof c.danger !== 'boolean')
      throw new Error(`line ${i + 1}: expected {"q": string, "danger": boolean}`);
    return c;
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

interface Count {
  n: number;
  dangerN: number;
  caught: number;
  alarms: number;
}

const finish = (c: Count): DangerTally => ({
  n: c.n,
  dangerN: c.dangerN,
  recall: c.dangerN ? round(c.caught / c.dangerN) : 1,
  falseAlarms: c.n - c.dangerN ? round(c.alarms / (c.n - c.dangerN)) : 0,
});

/**
 * Scores a danger-now detector (in the bot: SearchService.dangerNow) on labelled lines. Takes the
 * detector as a function so the scoring is testable without a knowledge base.
 */
export function evaluateDanger(
  flag: (text: string) => boolean,
  cases: DangerCase[],
): { summary: DangerSummary; misses: DangerMiss[] } {
  const all: Count = { n: 0, dangerN: 0, caught: 0, alarms: 0 };
  const byLang = new Map<string, Count>();
  const byStyle = new Map<string, Count>();
  const group = (m: Map<string, Count>, key: string | undefined): Count | undefined => {
    if (key === undefined) return undefined;
    let c = m.get(key);
    if (!c) m.set(key, (c = { n: 0, dangerN: 0, caught: 0, alarms: 0 }));
    return c;
  };
  const misses: DangerMiss[] = [];
  for (const c of cases) {
    const flagged = flag(c.q);
    for (const t of [all, group(byLang, c.lang), group(byStyle, c.style)]) {
      if (!t) continue;
      t.n++;
      if (c.danger) {
        t.dangerN++;
        if (flagged) t.caught++;
      } else if (flagged) t.alarms++;
    }
    if (c.danger && !flagged) misses.push({ kind: 'missed', case: c });
    if (!c.danger && flagged) misses.push({ kind: 'false-alarm', case: c });
  }
  const table = (m: Map<string, Count>) =>
    Object.fromEntries(
      [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, finish(v)]),
    );
  return { summary: { ...finish(all), byLang: table(byLang), byStyle: table(byStyle) }, misses };
}
