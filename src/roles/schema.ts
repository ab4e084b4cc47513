import { z } from 'zod';
import { AREAS } from '../knowledge/schema';

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const localized = z.object({ sv: nonEmpty, en: nonEmpty }, { error: 'needs sv and en' });
const words = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);

export const LEVELS = ['stad', 'namnd', 'forvaltning', 'enhet', 'individ', 'extern'] as const;
export type Level = (typeof LEVELS)[number];

export const roleSchema = z.object({
  id: z.string().regex(idPattern),
  name: localized,
  aliases: words,
  level: z.enum(LEVELS),
  summary: localized,
  duties: z
    .array(z.object({ area: z.enum(AREAS), text: nonEmpty, basis: z.string().optional() }))
    .min(1, 'list at least one duty'),
  contact: z.string().optional(),
  note: z.string().optional(),
  sources: z
    .array(z.object({ title: nonEmpty, url: z.string().optional(), doc: z.string().optional() }))
    .default([]),
});

export const responsibilitySchema = z.object({
  id: z.string().regex(idPattern),
  area: z.enum(AREAS),
  title: localized,
  aliases: words,
  chain: z
    .array(z.object({ role: nonEmpty, duty: nonEmpty, basis: z.string().optional() }))
    .min(1, 'name at least one responsible role'),
  topics: z.array(nonEmpty).default([]),
});

export const checklistSchema = z.object({
  id: z.string().regex(idPattern),
  title: localized,
  aliases: words,
  audience: z.string().default('chef'),
  items: z
    .array(z.object({ text: nonEmpty, deadline: z.string().optional(), basis: z.string().optional() }))
    .min(1, 'a checklist needs items'),
  inform: z.array(nonEmpty).default([]),
  topics: z.array(nonEmpty).default([]),
});

export const organisationSchema = z.object({
  id: z.string().regex(idPattern),
  name: nonEmpty,
  kind: z.enum(['stadsdelsforvaltning', 'fackforvaltning', 'bolag']),
  /** No source for the name yet: the choice card tells people to check the list. */
  unconfirmed: z.boolean().default(false),
  aliases: words,
  contacts: z.record(z.string(), z.string()).default({}),
});

export const rolesFileSchema = z.object({ roles: z.array(z.unknown()) });
export const responsibilitiesFileSchema = z.object({
  responsibilities: z.array(z.unknown()),
  checklists: z.array(z.unknown()).default([]),
});
export const organisationsFileSchema = z.object({ organisations: z.array(z.unknown()) });

export type Role = z.infer<typeof roleSchema>;
export type Responsibility = z.infer<typeof responsibilitySchema>;
export type Checklist = z.infer<typeof checklistSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
