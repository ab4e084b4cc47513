/**
 * `npm run kb:check`: validates the knowledge folder (schema, cross-references, content truth
 * rules). Prints every problem as "file › entry › field: message"; exits 1 on any error.
 */
import { loadConfig } from '../config';
import { hasErrors, loadCheckedKnowledge } from '../knowledge/checks';
import { formatIssue } from '../knowledge/loader';
import { checkDrafts } from '../questions/kbDrafts';

const config = loadConfig();
const { kb, issues } = loadCheckedKnowledge(config.knowledgeDir, { contactsFile: config.contactsFile });
// Drafts from "Föreslå som kunskap" (npm run kb:drafts) are checked too, with the draft rules.
const all = [...issues, ...checkDrafts(config.knowledgeDir)];
for (const issue of all) console.log(formatIssue(issue));
const errors = all.filter((i) => i.severity === 'error').length;
const warnings = all.length - errors;
console.log(
  `kb:check: ${kb.topics.length} ämnen, ${kb.roles.length} roller, ${kb.responsibilities.length} ansvarsfrågor, ` +
    `${kb.organisations.length} organisationer, ${kb.contacts.size} kontakter; ${errors} fel, ${warnings} varningar`,
);
process.exit(hasErrors(all) ? 1 : 0);
