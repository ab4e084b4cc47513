/**
 * `npm run kb:drafts [-- --out DIR]`: writes every waiting "Föreslå som kunskap" draft as
 * <knowledge>/drafts/<id>.yaml for a content owner to complete and commit, then checks them with the
 * same rules kb:check uses. Drafts hold a real person's question: read them before committing.
 */
import { loadConfig } from '../config';
import { formatIssue } from '../knowledge/loader';
import { checkDrafts, writeDrafts } from '../questions/kbDrafts';
import { openQuestionRepository } from '../questions/open';
import { option } from './args';

async function main(): Promise<void> {
  const config = loadConfig();
  const knowledgeDir = option('out') ?? config.knowledgeDir;
  const repository = await openQuestionRepository(config);
  try {
    const drafts = await repository.listDrafts();
    const written = writeDrafts(knowledgeDir, drafts);
    await repository.markDraftsWritten(
      drafts.map((d) => d.id),
      new Date(),
    );
    for (const file of written) console.log(`skrev ${file}`);
    const issues = checkDrafts(knowledgeDir);
    for (const issue of issues) console.log(formatIssue(issue));
    console.log(
      `kb:drafts: ${written.length} nya utkast; ${issues.length} fel. Ta bort allt som kan peka ut en person innan du committar.`,
    );
    process.exitCode = issues.length > 0 ? 1 : 0;
  } finally {
    await repository.close();
  }
}

main().catch((err: unknown) => {
  console.error(`kb:drafts misslyckades: ${(err as Error).message}`);
  process.exit(1);
});
