/**
 * `npm run ask -- "fråga"` prints what the bot would answer; `--json` prints
 * {"answer", "confidence", "candidates"} for scripts; `--debug` also shows the query terms.
 */
import { SearchService } from '../search/service';
import { loadForCli } from './loadForCli';

const args = process.argv.slice(2);
const json = args.includes('--json');
const debug = args.includes('--debug');
const question = args
  .filter((a) => !a.startsWith('--'))
  .join(' ')
  .trim();
if (!question) {
  console.error('Användning: npm run ask -- [--json] "din fråga"');
  process.exit(1);
}

const { search } = loadForCli();
const { result, decision } = search.ask(question);

if (json) {
  console.log(
    JSON.stringify({
      answer: SearchService.answerId(decision),
      confidence: result.confidence,
      candidates: result.candidates.map((c) => ({ id: c.id, score: c.score })),
    }),
  );
} else {
  const title = (id: string) => search.topic(id)?.title.sv ?? id;
  if (decision.kind === 'answer') {
    const t = search.topic(decision.topicId);
    console.log(`Svar (säkerhet ${decision.confidence}): ${title(decision.topicId)} [${decision.topicId}]`);
    t?.steps.forEach((s, i) => console.log(`  ${i + 1}. ${s}`));
    if (t)
      console.log(
        `\n${t.answer}\n\nKälla: ${t.sources.map((s) => s.title).join('; ')} (granskad ${t.reviewed})`,
      );
  } else if (decision.kind === 'clarify') {
    console.log(`Menade du… (säkerhet ${decision.confidence})`);
    decision.options.forEach((id) => console.log(`  - ${title(id)} [${id}]`));
  } else {
    console.log(
      `Vet inte (säkerhet ${decision.confidence}). Formulera om frågan eller kontakta säkerhetsfunktionen.`,
    );
  }
  console.log('\nKandidater:');
  result.candidates.forEach((c) => console.log(`  ${c.score.toFixed(3)}  ${c.id}`));
}
if (debug) console.log(JSON.stringify(result.terms));
