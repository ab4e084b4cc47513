import { z } from 'zod';

/** Area codes of the security programme's fields (see knowledge/README.md). */
export const AREAS = ['HV', 'FV', 'OP', 'IS', 'SS', 'KB', 'CF', 'OL', 'RAP', 'STY'] as const;
export type Area = (typeof AREAS)[number];

export const AUDIENCES = ['anstalld', 'chef', 'fortroendevald', 'alla'] as const;
export type Audience = (typeof AUDIENCES)[number];

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const localized = z.object({ sv: nonEmpty, en: nonEmpty }, { error: 'needs sv and en' });
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'));

export const sourceSchema = z
  .object({
    title: nonEmpty,
    url: z.url().optional(),
    doc: z.string().regex(/^S[0-9]$/, 'must be S0..S9').optional(),
    section: z.string().optional(),
  })
  .refine((s) => s.url !== undefined || s.doc !== undefined, { message: 'needs url or doc' });

/** The report types a topic's "Rapportera händelsen" button can start. */
export const TOPIC_REPORT_TYPES = ['hot-och-vald', 'otillaten-paverkan', 'informationssakerhet'] as const;

/**
 * One topic file (knowledge/topics/<id>.yaml). This schema is the single definition of a topic:
 * the YAML keeps the content owners' snake_case names, the transform gives the program's names,
 * and `Topic` below is derived from it, so a new field is written once.
 */
export const topicSchema = z
  .object({
    id: z.string().regex(idPattern, 'lower-case letters, digits and hyphens only'),
    area: z.enum(AREAS),
    title: localized,
    summary_en: nonEmpty,
    audience: z.array(z.enum(AUDIENCES)).min(1, 'name at least one audience'),
    roles: z.array(nonEmpty).default([]),
    urgent: z.boolean().default(false),
    report: z.enum(TOPIC_REPORT_TYPES).optional(),
    steps: z.array(nonEmpty).default([]),
    /** The steps in English, shown when the person writes English; required for urgent topics (kb:check). */
    steps_en: z.array(nonEmpty).optional(),
    answer: nonEmpty,
    questions: z.array(nonEmpty).min(5, 'write at least five alternative questions'),
    keywords: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    related: z.array(nonEmpty).default([]),
    sources: z.array(sourceSchema).min(1, 'cite at least one source'),
    reviewed: isoDate,
    owner: nonEmpty,
  })
  .transform(({ summary_en, steps_en, answer, ...rest }) => ({
    ...rest,
    summaryEn: summary_en,
    stepsEn: steps_en,
    answer: answer.trim(),
  }));

export type TopicInput = z.input<typeof topicSchema>;

/** A knowledge entry as the rest of the program sees it. */
export type Topic = z.output<typeof topicSchema> & {
  /** File the entry came from, relative to the knowledge folder (for error messages). */
  file: string;
};

export const contactSchema = z.object({
  name: localized,
  value: z.string().default(''),
  /** What to say while the value is unset, when "fråga din chef" would not help (e.g. the manager is away). */
  fallback: localized.optional(),
  /** The same for elected officials, who have no manager to ask (kb:check requires it where FV topics use the contact). */
  fallback_fv: localized.optional(),
});

/** A contact as the program sees it. */
export type Contact = Omit<z.output<typeof contactSchema>, 'fallback_fv'> & {
  key: string;
  fallbackElected?: z.output<typeof contactSchema>['fallback_fv'];
};
export const contactsFileSchema = z.record(z.string().regex(idPattern, 'contact keys: lower-case and hyphens'), contactSchema);

export const synonymsFileSchema = z.object({
  groups: z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(2, 'a group needs two words or more')),
});

/**
 * The concept lexicon (knowledge/lexicon.yaml): everyday, colloquial and English words people use,
 * mapped to the words the knowledge base itself uses. Read on the question side only.
 */
export const lexiconFileSchema = z.object({
  concepts: z.array(
    z.object({
      id: z.string().regex(idPattern, 'lower-case letters, digits and hyphens only'),
      /** Words or phrases found in the knowledge base (kb:check verifies that they are). */
      means: z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
      /** What people write instead: slang, everyday words, English, common misspellings. */
      words: z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
    }),
  ),
});
export type LexiconConcept = z.infer<typeof lexiconFileSchema>['concepts'][number];

/**
 * More ways of asking per topic (knowledge/examples.yaml): everyday descriptions, slang and
 * English, searched like the topic's own questions but never shown.
 */
const exampleLines = z.array(z.union([z.string(), z.number()]).transform(String));
export const examplesFileSchema = z.object({
  examples: z.record(z.string(), exampleLines),
  /** More out-of-scope questions, per category id of out-of-scope.yaml. */
  outOfScope: z.record(z.string(), exampleLines).optional(),
});

export const staleFileSchema = z.object({
  statements: z.array(
    z.object({
      id: nonEmpty,
      pattern: nonEmpty,
      unless: z.string().optional(),
      message: nonEmpty,
    }),
  ),
});

export const outOfScopeFileSchema = z.object({
  categories: z.array(
    z.object({
      id: z.string().regex(idPattern, 'lower-case letters, digits and hyphens only'),
      title: localized,
      redirect: localized,
      questions: z.array(z.union([z.string(), z.number()]).transform(String)).min(3, 'write at least three example questions'),
      keywords: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    }),
  ),
});

/** A kind of question the bot does not answer, with where to ask instead. */
export type OutOfScopeCategory = z.infer<typeof outOfScopeFileSchema>['categories'][number];
