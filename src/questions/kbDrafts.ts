import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { topicSchema } from '../knowledge/schema';
import type { KbIssue } from '../knowledge/loader';
import { QUESTION_AREAS, type KnowledgeDraft } from './types';

/**
 * "Föreslå som kunskap": an answered question becomes a draft knowledge entry. `npm run kb:drafts`
 * writes each waiting draft as knowledge/drafts/<id>.yaml for a content owner to complete, move to
 * knowledge/topics/ and commit; kb:check validates the drafts folder with the rules below, which are
 * the topic rules minus what only a content owner can add (more phrasings, a cited source).
 */

export const DRAFTS_FOLDER = 'drafts';

const text = z.string().trim().min(1, 'must not be empty');

export const draftTopicSchema = topicSchema.in.extend({
  questions: z.array(text).min(1, 'keep at least the question that was asked'),
  sources: z.array(z.object({ title: text, url: z.url().optional(), doc: z.string().optional() })).min(1),
  draft: z.object({
    question: z.string().regex(/^FQ-\d{4}-\d{6,}$/, 'must be the FQ id of the question'),
    created: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
});

const TITLE_CHARS = 80;

function titleOf(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}

/** The draft as a topic-shaped object (what the YAML file holds). */
export function draftTopic(draft: KnowledgeDraft): z.input<typeof draftTopicSchema> {
  const area = QUESTION_AREAS[draft.area];
  const date = draft.createdAt.slice(0, 10);
  return {
    id: draft.questionId.toLowerCase(),
    area: area.kbArea,
    title: { sv: titleOf(draft.question), en: `(translate) ${titleOf(draft.question)}` },
    summary_en: '(translate) Answer from the security function; to be reviewed.',
    audience: ['alla'],
    roles: [],
    steps: [],
    answer: draft.answer,
    questions: [draft.question.replace(/\s+/g, ' ').trim()],
    keywords: [],
    related: [],
    sources: [{ title: `Svar från säkerhetsfunktionen (${area.sv}), ${draft.questionId}` }],
    reviewed: date,
    owner: area.sv,
    draft: { question: draft.questionId, created: date },
  };
}

const HEADER = `# Utkast till kunskapsbanken, skapat från ett svar i "Fråga säkerhetsfunktionen".
# Innan det flyttas till knowledge/topics/: ta bort allt som kan peka ut en person, skriv minst fem
# sätt att ställa frågan, ange en källa (url eller doc), översätt titel och summary_en, ta bort "draft".
`;

/** The YAML text of a draft file. */
export function draftYaml(draft: KnowledgeDraft): string {
  return HEADER + stringifyYaml(draftTopic(draft), { lineWidth: 0 });
}

/** Writes the drafts into `<knowledgeDir>/drafts/`; returns the files written. An existing file is kept (it may be edited). */
export function writeDrafts(knowledgeDir: string, drafts: readonly KnowledgeDraft[]): string[] {
  const dir = join(knowledgeDir, DRAFTS_FOLDER);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const draft of drafts) {
    const file = join(dir, `${draft.questionId.toLowerCase()}.yaml`);
    if (existsSync(file)) continue;
    writeFileSync(file, draftYaml(draft), { flag: 'wx' });
    written.push(file);
  }
  return written;
}

/** kb:check's rules for the drafts folder: every file must parse and satisfy draftTopicSchema. */
export function checkDrafts(knowledgeDir: string): KbIssue[] {
  const dir = join(knowledgeDir, DRAFTS_FOLDER);
  if (!existsSync(dir)) return [];
  const issues: KbIssue[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml') && !name.endsWith('.yml')) continue;
    const file = `${DRAFTS_FOLDER}/${name}`;
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      issues.push({ severity: 'error', file, message: `not valid YAML: ${(error as Error).message}` });
      continue;
    }
    const parsed = draftTopicSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ severity: 'error', file, field: issue.path.join('.'), message: issue.message });
    }
  }
  return issues;
}
