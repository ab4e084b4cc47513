import { topicForElected } from './audience';
import { loadKnowledge, type KbIssue, type KnowledgeBase } from './loader';
import type { Topic } from './schema';
import { fold } from '../search/normalize';
import { Vocabulary } from '../search/vocabulary';

/** `{kontakt:KEY}` in answers and steps; resolved from contacts.yaml when shown. */
export const CONTACT_PLACEHOLDER = /\{kontakt:([a-z0-9-]+)\}/g;

/**
 * Numbers the bot may state: nationwide and confirmed (112, 114 14, 1177, and from the December 2026
 * brief Kvinnofridslinjen 020-50 50 50 and Brottsofferjouren 116 006).
 */
const ALLOWED_NUMBERS = new Set(['112', '11414', '1177', '020505050', '116006']);
const PHONE_LIKE = /(?<![\d:.-])(?:\+46|0)[\d\s-]{6,}\d|(?<![\d:.-])\d{3}[\s-]?\d{2}[\s-]?\d{2,}(?![\d:.§])/g;
const EMPLOYER_MUST = /\b(arbetsgivaren|din arbetsgivare)\s+(ska|måste|skall|är skyldig)/iu;
const REVIEW_MAX_AGE_DAYS = 365;

function topicTexts(t: Topic): Array<{ field: string; text: string }> {
  return [
    { field: 'title.sv', text: t.title.sv },
    { field: 'answer', text: t.answer },
    ...t.steps.map((s, i) => ({ field: `steps.${i}`, text: s })),
    { field: 'title.en', text: t.title.en },
    { field: 'summary_en', text: t.summaryEn },
    ...(t.stepsEn ?? []).map((s, i) => ({ field: `steps_en.${i}`, text: s })),
  ];
}

function daysBetween(a: Date, b: Date): number {
  return Math.floor((a.getTime() - b.getTime()) / 86_400_000);
}

/**
 * Cross-references and content truth rules beyond the schema. Errors block start-up and CI;
 * warnings (stale review dates) are printed for the content owners.
 */
export function checkKnowledge(kb: KnowledgeBase, now: Date = new Date()): KbIssue[] {
  const issues: KbIssue[] = [];
  const topicIds = new Set<string>();
  const roleIds = new Set(kb.roles.map((r) => r.id));

  for (const t of kb.topics) {
    if (topicIds.has(t.id)) issues.push({ severity: 'error', file: t.file, entry: t.id, field: 'id', message: 'duplicate id' });
    topicIds.add(t.id);
  }

  for (const t of kb.topics) {
    const at = (field: string, message: string, severity: 'error' | 'warning' = 'error') =>
      issues.push({ severity, file: t.file, entry: t.id, field, message });

    t.related.forEach((r, i) => {
      if (!topicIds.has(r)) at(`related.${i}`, `unknown topic id "${r}"`);
      if (r === t.id) at(`related.${i}`, 'a topic cannot be related to itself');
    });
    if (kb.roles.length > 0) {
      t.roles.forEach((r, i) => {
        if (!roleIds.has(r)) at(`roles.${i}`, `unknown role id "${r}" (see roles.yaml)`);
      });
      if (!roleIds.has(t.owner)) at('owner', `unknown role id "${t.owner}" (see roles.yaml)`);
    }

    const reviewed = new Date(`${t.reviewed}T00:00:00Z`);
    if (Number.isNaN(reviewed.getTime())) at('reviewed', 'not a valid date');
    else if (reviewed.getTime() > now.getTime() + 86_400_000) at('reviewed', 'date is in the future');
    else if (daysBetween(now, reviewed) > REVIEW_MAX_AGE_DAYS) {
      at('reviewed', `last reviewed ${t.reviewed}, more than 12 months ago: review the entry`, 'warning');
    }

    if (t.urgent && !/\b112\b/.test(t.steps[0] ?? '')) at('steps.0', 'an urgent topic must start with 112');
    // Someone in danger who writes English must get the steps in English, in the same order.
    if (t.urgent && !t.stepsEn) at('steps_en', 'an urgent topic needs English steps (steps_en)');
    if (t.stepsEn && t.stepsEn.length !== t.steps.length) {
      at('steps_en', `has ${t.stepsEn.length} steps but steps has ${t.steps.length}: translate them one to one`);
    }
    if (t.urgent && t.stepsEn && !/\b112\b/.test(t.stepsEn[0] ?? '')) at('steps_en.0', 'an urgent topic must start with 112');

    const forElected = topicForElected(t);

    for (const { field, text } of topicTexts(t)) {
      for (const m of text.matchAll(CONTACT_PLACEHOLDER)) {
        const contact = kb.contacts.get(m[1] ?? '');
        if (!contact) at(field, `placeholder {kontakt:${m[1]}} has no key in contacts.yaml`);
        else if (forElected && !contact.value && !contact.fallbackElected) {
          // Elected officials have no manager: the default "fråga din chef" would send them nowhere.
          at(field, `contact "${contact.key}" is used in a topic for elected officials but has no fallback_fv in contacts.yaml`);
        }
      }
      if (/[<>]/.test(text)) at(field, 'raw < or > found: write contacts as {kontakt:KEY}');
      if (text.includes('${')) at(field, 'text must not contain ${');
      if (/OVERIFIERAT/i.test(text)) at(field, 'do not show the OVERIFIERAT marker to users: write "kontrollera med …"');
      for (const m of text.matchAll(PHONE_LIKE)) {
        const digits = m[0].replace(/\D/g, '');
        if (!ALLOWED_NUMBERS.has(digits) && !/^(19|20)\d{2}/.test(digits)) {
          at(field, `looks like a phone number (${m[0].trim()}): use a {kontakt:KEY} placeholder`);
        }
      }
      for (const s of kb.staleStatements) {
        if (s.pattern.test(text) && !(s.unless && s.unless.test(text))) at(field, `${s.id}: ${s.message}`);
      }
      if (forElected && EMPLOYER_MUST.test(text)) {
        at(field, 'answers for elected officials must not say "arbetsgivaren ska/måste" (AML does not cover them the same way)');
      }
    }
  }

  checkRoles(kb, roleIds, topicIds, issues);
  checkLexicon(kb, issues);
  for (const [id, questions] of Object.entries(kb.examples)) {
    const at = (message: string) =>
      issues.push({ severity: 'error', file: 'knowledge/examples.yaml', entry: id, message });
    if (!topicIds.has(id)) at(`unknown topic id "${id}"`);
    if (questions.some((q) => q.trim() === '')) at('an empty example question');
  }
  return issues;
}

const LEXICON_FILE = 'knowledge/lexicon.yaml';

/**
 * The concept lexicon must point at words the knowledge base uses, or it helps nobody: a concept
 * none of whose `means` words occur in any topic is an error, a single unused word a warning (it
 * may wait for a topic being written). A word listed under two concepts is ambiguous: a warning.
 */
function checkLexicon(kb: KnowledgeBase, issues: KbIssue[]): void {
  const vocabulary = new Vocabulary({ synonymGroups: kb.synonymGroups });
  for (const t of kb.topics)
    for (const text of [t.title.sv, t.title.en, t.summaryEn, t.answer, ...t.steps, ...t.questions, ...t.keywords])
      vocabulary.addText(text);
  const known = (phrase: string) => {
    const stems = vocabulary.analyse(phrase, { fuzzy: false }).filter((q) => q.kind !== 'compound');
    return stems.length > 0 && stems.every((q) => vocabulary.has(q.term));
  };
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const c of kb.lexicon) {
    const at = (field: string, message: string, severity: 'error' | 'warning' = 'error') =>
      issues.push({ severity, file: LEXICON_FILE, entry: c.id, field, message });
    if (ids.has(c.id)) at('id', 'duplicate id');
    ids.add(c.id);
    const unknown = c.means.filter((m) => !known(m));
    if (unknown.length === c.means.length) at('means', `no topic uses any of these words: ${unknown.join(', ')}`);
    else for (const m of unknown) at('means', `no topic uses "${m}" (yet)`, 'warning');
    for (const w of c.words) {
      const key = fold(w).trim();
      const other = owner.get(key);
      if (other && other !== c.id) at('words', `"${w}" is also listed under ${other}`, 'warning');
      owner.set(key, c.id);
    }
  }
}

function checkRoles(kb: KnowledgeBase, roleIds: Set<string>, topicIds: Set<string>, issues: KbIssue[]): void {
  const seen = new Set<string>();
  for (const r of kb.roles) {
    if (seen.has(r.id)) issues.push({ severity: 'error', file: 'knowledge/roles.yaml', entry: r.id, field: 'id', message: 'duplicate id' });
    seen.add(r.id);
    if (r.contact && !kb.contacts.has(r.contact)) {
      issues.push({ severity: 'error', file: 'knowledge/roles.yaml', entry: r.id, field: 'contact', message: `unknown contact key "${r.contact}"` });
    }
  }
  const file = 'knowledge/responsibilities.yaml';
  const respIds = new Set<string>();
  for (const r of [...kb.responsibilities, ...kb.checklists]) {
    if (respIds.has(r.id)) issues.push({ severity: 'error', file, entry: r.id, field: 'id', message: 'duplicate id' });
    respIds.add(r.id);
    r.topics.forEach((t, i) => {
      if (!topicIds.has(t)) issues.push({ severity: 'error', file, entry: r.id, field: `topics.${i}`, message: `unknown topic id "${t}"` });
    });
  }
  for (const r of kb.responsibilities) {
    r.chain.forEach((link, i) => {
      if (!roleIds.has(link.role)) {
        issues.push({ severity: 'error', file, entry: r.id, field: `chain.${i}.role`, message: `unknown role id "${link.role}"` });
      }
    });
  }
  for (const c of kb.checklists) {
    c.inform.forEach((k, i) => {
      if (!kb.contacts.has(k) && !roleIds.has(k)) {
        issues.push({ severity: 'error', file, entry: c.id, field: `inform.${i}`, message: `"${k}" is neither a contact key nor a role id` });
      }
    });
  }
  const orgIds = new Set<string>();
  for (const o of kb.organisations) {
    if (orgIds.has(o.id)) {
      issues.push({ severity: 'error', file: 'knowledge/organisations.yaml', entry: o.id, field: 'id', message: 'duplicate id' });
    }
    orgIds.add(o.id);
    for (const key of Object.keys(o.contacts)) {
      if (!kb.contacts.has(key)) {
        issues.push({ severity: 'error', file: 'knowledge/organisations.yaml', entry: o.id, field: `contacts.${key}`, message: 'unknown contact key' });
      }
    }
  }
}

/** True when any issue is an error (warnings do not block). */
export function hasErrors(issues: KbIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * Loads the knowledge folder and runs every check: the single entry point for start-up, the CLIs
 * and `npm run kb:check`. `issues` holds schema problems and content-rule problems together.
 */
export function loadCheckedKnowledge(
  dir: string,
  options: { contactsFile?: string } = {},
): { kb: KnowledgeBase; issues: KbIssue[] } {
  const { kb, issues } = loadKnowledge(dir, options);
  return { kb, issues: [...issues, ...checkKnowledge(kb)] };
}
