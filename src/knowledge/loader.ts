import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  contactsFileSchema,
  examplesFileSchema,
  lexiconFileSchema,
  type LexiconConcept,
  outOfScopeFileSchema,
  type OutOfScopeCategory,
  staleFileSchema,
  synonymsFileSchema,
  topicSchema,
  type Contact,
  type Topic,
} from './schema';
import {
  checklistSchema,
  organisationSchema,
  organisationsFileSchema,
  responsibilitiesFileSchema,
  responsibilitySchema,
  roleSchema,
  rolesFileSchema,
  type Checklist,
  type Organisation,
  type Responsibility,
  type Role,
} from '../roles/schema';

/**
 * Example questions (searched, never shown): examples.yaml by hand; written blind, examples-blind.yaml
 * (rounds 1–4), examples-blind-7.yaml (round 7's near misses) and examples-blind-8.yaml to -14.yaml
 * (rounds 8 to 14 without their check parts).
 */
export const EXAMPLE_FILES = [
  'examples.yaml',
  'examples-blind.yaml',
  'examples-blind-7.yaml',
  'examples-blind-8.yaml',
  'examples-blind-9.yaml',
  'examples-blind-10.yaml',
  'examples-blind-11.yaml',
  'examples-blind-12.yaml',
  'examples-blind-13.yaml',
  'examples-blind-14.yaml',
];

/** One problem found in the knowledge files: where (file, entry, field) and what. */
export interface KbIssue {
  severity: 'error' | 'warning';
  file: string;
  entry?: string;
  field?: string;
  message: string;
}

export type { Contact } from './schema';

export interface StaleStatement {
  id: string;
  pattern: RegExp;
  unless?: RegExp;
  message: string;
}

/** Everything in the knowledge folder, validated. */
export interface KnowledgeBase {
  topics: Topic[];
  contacts: Map<string, Contact>;
  synonymGroups: string[][];
  /** Everyday words mapped to the knowledge base's concepts (knowledge/lexicon.yaml). */
  lexicon: LexiconConcept[];
  /** More ways of asking, per topic id (knowledge/examples.yaml); searched, never shown. */
  examples: Record<string, string[]>;
  staleStatements: StaleStatement[];
  roles: Role[];
  responsibilities: Responsibility[];
  checklists: Checklist[];
  organisations: Organisation[];
  outOfScope: OutOfScopeCategory[];
}

export interface LoadResult {
  kb: KnowledgeBase;
  issues: KbIssue[];
}

/** Formats an issue the way kb:check prints it: file › entry › field: message. */
export function formatIssue(issue: KbIssue): string {
  const where = [issue.file, issue.entry, issue.field].filter(Boolean).join(' › ');
  return `${issue.severity === 'error' ? 'FEL' : 'VARNING'} ${where}: ${issue.message}`;
}

function readYaml(path: string, rel: string, issues: KbIssue[]): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'), { prettyErrors: true }) as unknown;
  } catch (err) {
    issues.push({ severity: 'error', file: rel, message: `invalid YAML: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

function zodIssues(error: z.ZodError, file: string, entry: string | undefined, issues: KbIssue[]): void {
  for (const i of error.issues) {
    issues.push({ severity: 'error', file, entry, field: i.path.join('.') || undefined, message: i.message });
  }
}

/** Validates a list of entries one by one, so one broken entry does not hide the others. */
function parseEntries<T extends { id: string }>(
  raw: unknown[],
  schema: z.ZodType<T>,
  file: string,
  issues: KbIssue[],
): T[] {
  const out: T[] = [];
  raw.forEach((item, index) => {
    const rawId = (item as { id?: unknown } | null)?.id;
    const entry = typeof rawId === 'string' ? rawId : `#${index + 1}`;
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else zodIssues(parsed.error, file, entry, issues);
  });
  return out;
}

function loadTopics(dir: string, root: string, issues: KbIssue[]): Topic[] {
  const topicsDir = join(dir, 'topics');
  if (!existsSync(topicsDir)) {
    issues.push({ severity: 'error', file: 'topics/', message: 'folder missing' });
    return [];
  }
  const topics: Topic[] = [];
  for (const name of readdirSync(topicsDir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const rel = relative(root, join(topicsDir, name));
    const raw = readYaml(join(topicsDir, name), rel, issues);
    if (raw === undefined) continue;
    const parsed = topicSchema.safeParse(raw);
    const rawId = (raw as { id?: unknown } | null | undefined)?.id;
    const entry = typeof rawId === 'string' ? rawId : undefined;
    if (!parsed.success) {
      zodIssues(parsed.error, rel, entry, issues);
      continue;
    }
    const t = parsed.data;
    const fileId = basename(name).replace(/\.ya?ml$/, '');
    if (fileId !== t.id) {
      issues.push({ severity: 'error', file: rel, entry: t.id, field: 'id', message: `must equal the file name (${fileId})` });
    }
    topics.push({ ...t, file: rel });
  }
  return topics;
}

function loadContacts(path: string, rel: string, issues: KbIssue[], into: Map<string, Contact>): void {
  const raw = readYaml(path, rel, issues);
  if (raw === undefined) return;
  const parsed = contactsFileSchema.safeParse(raw ?? {});
  if (!parsed.success) return zodIssues(parsed.error, rel, undefined, issues);
  for (const [key, c] of Object.entries(parsed.data)) {
    into.set(key, { key, name: c.name, value: c.value.trim(), fallback: c.fallback, fallbackElected: c.fallback_fv });
  }
}

function compileRegex(source: string, file: string, entry: string, field: string, issues: KbIssue[]): RegExp | undefined {
  try {
    return new RegExp(source, 'iu');
  } catch {
    issues.push({ severity: 'error', file, entry, field, message: 'not a valid regular expression' });
    return undefined;
  }
}

function optionalFile<T>(
  dir: string,
  name: string,
  root: string,
  issues: KbIssue[],
  schema: z.ZodType<T>,
): T | undefined {
  const path = join(dir, name);
  const rel = relative(root, path);
  if (!existsSync(path)) {
    issues.push({ severity: 'error', file: rel, message: 'file missing' });
    return undefined;
  }
  const raw = readYaml(path, rel, issues);
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    zodIssues(parsed.error, rel, undefined, issues);
    return undefined;
  }
  return parsed.data;
}

/**
 * Reads and schema-validates the knowledge folder. Cross-reference and content rules are in
 * checks.ts; the loader only guarantees well-formed entries.
 */
export function loadKnowledge(dir: string, options: { contactsFile?: string } = {}): LoadResult {
  const issues: KbIssue[] = [];
  const root = join(dir, '..');
  const topics = loadTopics(dir, root, issues);

  const contacts = new Map<string, Contact>();
  loadContacts(join(dir, 'contacts.yaml'), relative(root, join(dir, 'contacts.yaml')), issues, contacts);
  if (options.contactsFile) {
    // An override file replaces only the keys it names; unknown keys are reported, not silently added.
    const override = new Map<string, Contact>();
    loadContacts(options.contactsFile, options.contactsFile, issues, override);
    for (const [key, c] of override) {
      if (!contacts.has(key)) {
        issues.push({ severity: 'warning', file: options.contactsFile, entry: key, message: 'key not in contacts.yaml' });
      }
      contacts.set(key, c);
    }
  }

  const synonymGroups = optionalFile(dir, 'synonyms.yaml', root, issues, synonymsFileSchema)?.groups ?? [];
  const lexicon = optionalFile(dir, 'lexicon.yaml', root, issues, lexiconFileSchema)?.concepts ?? [];
  // Hand-written examples, and the many written blind (from topic titles and the briefs only).
  const examples: Record<string, string[]> = {};
  const oosExamples: Record<string, string[]> = {};
  /** Which file named each out-of-scope category, for the error when it does not exist. */
  const oosFile: Record<string, string> = {};
  for (const file of EXAMPLE_FILES) {
    const parsed = optionalFile(dir, file, root, issues, examplesFileSchema);
    for (const [id, lines] of Object.entries(parsed?.examples ?? {})) (examples[id] ??= []).push(...lines);
    for (const [id, lines] of Object.entries(parsed?.outOfScope ?? {})) {
      (oosExamples[id] ??= []).push(...lines);
      oosFile[id] ??= relative(root, join(dir, file));
    }
  }

  const staleRaw = optionalFile(dir, 'stale-statements.yaml', root, issues, staleFileSchema)?.statements ?? [];
  const staleFile = relative(root, join(dir, 'stale-statements.yaml'));
  const staleStatements: StaleStatement[] = [];
  for (const s of staleRaw) {
    const pattern = compileRegex(s.pattern, staleFile, s.id, 'pattern', issues);
    const unless = s.unless ? compileRegex(s.unless, staleFile, s.id, 'unless', issues) : undefined;
    if (pattern) staleStatements.push({ id: s.id, pattern, unless, message: s.message });
  }

  const rolesFile = relative(root, join(dir, 'roles.yaml'));
  const roles = parseEntries(
    optionalFile(dir, 'roles.yaml', root, issues, rolesFileSchema)?.roles ?? [],
    roleSchema,
    rolesFile,
    issues,
  );
  const respFile = relative(root, join(dir, 'responsibilities.yaml'));
  const resp = optionalFile(dir, 'responsibilities.yaml', root, issues, responsibilitiesFileSchema);
  const responsibilities = parseEntries(resp?.responsibilities ?? [], responsibilitySchema, respFile, issues);
  const checklists = parseEntries(resp?.checklists ?? [], checklistSchema, respFile, issues);
  const orgFile = relative(root, join(dir, 'organisations.yaml'));
  const organisations = parseEntries(
    optionalFile(dir, 'organisations.yaml', root, issues, organisationsFileSchema)?.organisations ?? [],
    organisationSchema,
    orgFile,
    issues,
  );

  const outOfScope = (optionalFile(dir, 'out-of-scope.yaml', root, issues, outOfScopeFileSchema)?.categories ?? []).map(
    (c) => ({ ...c, questions: [...c.questions, ...(oosExamples[c.id] ?? [])] }),
  );
  for (const id of Object.keys(oosExamples)) {
    if (!outOfScope.some((c) => c.id === id)) {
      issues.push({ severity: 'error', file: oosFile[id] ?? '', entry: id, message: `unknown out-of-scope category "${id}"` });
    }
  }

  return {
    kb: { topics, contacts, synonymGroups, lexicon, examples, staleStatements, roles, responsibilities, checklists, organisations, outOfScope },
    issues,
  };
}
