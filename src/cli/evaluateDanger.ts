/**
 * `npm run eval:danger -- FILE.jsonl [--summary]` scores the danger-now check the bot uses
 * (SearchService.dangerNow: the rules plus the search's second chance) on lines
 * {"q", "danger", "lang", "style"}. Prints each miss (missed danger, false alarm) unless
 * `--summary` is given, then as its LAST line one JSON summary. Exits 0 whatever the score.
 *
 * Use `--summary` on a reported-only set (eval/danger/test.jsonl): its misses must not be read.
 */
import { readFileSync } from 'node:fs';
import { loadForCli } from './loadForCli';
import { detectDanger } from '../search/danger';
import { evaluateDanger, parseDangerLines } from '../search/dangerEvaluation';

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Användning: npm run eval:danger -- FIL.jsonl [--summary]');
  process.exit(1);
}
const summaryOnly = process.argv.includes('--summary');
const { search } = loadForCli();
const cases = parseDangerLines(readFileSync(file, 'utf8'));
const { summary, misses } = evaluateDanger((q) => search.dangerNow(q), cases);
if (!summaryOnly) {
  for (const m of misses) {
    // Which part flagged a false alarm (or, for a miss, what the rules said) helps to fix it.
    const rules = detectDanger(m.case.q);
    const via = rules.danger ? `rules:${rules.reason ?? ''}` : m.kind === 'false-alarm' ? 'search' : '-';
    console.log(
      `${m.kind === 'missed' ? 'MISSED' : 'FALSE ALARM'} ${m.case.lang ?? '?'}/${m.case.style ?? '?'} ` +
        `via=${via} ${JSON.stringify(m.case.q)}`,
    );
  }
}
console.log(JSON.stringify(summary));
