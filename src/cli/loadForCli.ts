import { loadConfig } from '../config';
import { checkKnowledge, hasErrors } from '../knowledge/checks';
import { formatIssue, loadKnowledge, type KnowledgeBase } from '../knowledge/loader';
import { SearchService } from '../search/service';

/** Loads configuration and the knowledge base for a command-line tool; exits with the errors if broken. */
export function loadForCli(): { kb: KnowledgeBase; search: SearchService } {
  const config = loadConfig();
  const { kb, issues } = loadKnowledge(config.knowledgeDir, { contactsFile: config.contactsFile });
  const all = [...issues, ...checkKnowledge(kb)];
  if (hasErrors(all)) {
    for (const i of all.filter((x) => x.severity === 'error')) console.error(formatIssue(i));
    console.error('Kunskapsbasen har fel: kör npm run kb:check.');
    process.exit(2);
  }
  return { kb, search: new SearchService(kb, config.search) };
}
