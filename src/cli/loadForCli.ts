import { loadConfig } from '../config';
import { hasErrors, loadCheckedKnowledge } from '../knowledge/checks';
import { formatIssue, type KnowledgeBase } from '../knowledge/loader';
import { SearchService } from '../search/service';

/** Loads configuration and the knowledge base for a command-line tool; exits with the errors if broken. */
export function loadForCli(): { kb: KnowledgeBase; search: SearchService } {
  const config = loadConfig();
  const { kb, issues } = loadCheckedKnowledge(config.knowledgeDir, { contactsFile: config.contactsFile });
  if (hasErrors(issues)) {
    for (const i of issues.filter((x) => x.severity === 'error')) console.error(formatIssue(i));
    console.error('Kunskapsbasen har fel: kör npm run kb:check.');
    process.exit(2);
  }
  return { kb, search: new SearchService(kb, config.search) };
}
