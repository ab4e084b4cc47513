/**
 * `npm run questions:export -- [--format csv|json] [--out FILE] [--excel]`: every question for
 * authorised handling, from the configured store. The file holds personal data: owner-readable only.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { questionsToCsv, questionsToJson } from '../questions/exportQuestions';
import { openQuestionRepository } from '../questions/open';
import { option } from './args';

async function main(): Promise<void> {
  const config = loadConfig();
  const format = option('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new Error('--format must be csv or json');
  const repository = await openQuestionRepository(config);
  try {
    const questions = await repository.listAll({ limit: 1000 });
    const excel = process.argv.includes('--excel');
    const text =
      format === 'csv'
        ? questionsToCsv(questions, { bom: excel, delimiter: excel ? ';' : ',' })
        : questionsToJson(questions);
    const out = option('out') ?? `fragor-${new Date().toISOString().slice(0, 10)}.${format}`;
    writeFileSync(out, text, { mode: 0o600 });
    console.log(
      `${questions.length} frågor skrivna till ${out} (innehåller personuppgifter: hantera filen därefter).`,
    );
  } finally {
    await repository.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Exporten misslyckades: ${(err as Error).message}`);
  process.exit(1);
});
