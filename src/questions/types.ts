/**
 * "Fråga säkerhetsfunktionen": a question the bot could not answer goes to a team of people, who
 * answer it in the same chat. Plain data and the one table of statuses and actions; nothing here
 * imports an SDK or a database.
 */

/** Where a reply or a team card can be sent later (a serialisable conversation reference). */
export type ConversationRef = Record<string, unknown>;

/** Who is acting: ids the channel vouches for (never taken from card data). */
export interface QuestionActor {
  userId: string;
  aadObjectId?: string;
  name?: string;
}

/** Expert areas a question can be routed to; `ovrigt` is the fallback team. */
export const QUESTION_AREAS = {
  'hot-och-vald': {
    sv: 'Hot och våld',
    en: 'Threats and violence',
    aliases: ['hot och vald', 'hot', 'vald', 'hv'],
    kbArea: 'HV',
  },
  'otillaten-paverkan': {
    sv: 'Otillåten påverkan',
    en: 'Undue influence',
    aliases: ['otillaten paverkan', 'paverkan', 'op'],
    kbArea: 'OP',
  },
  informationssakerhet: {
    sv: 'Informationssäkerhet',
    en: 'Information security',
    aliases: ['informationssakerhet', 'infosak', 'it-sakerhet', 'is'],
    kbArea: 'IS',
  },
  'fortroendevaldas-sakerhet': {
    sv: 'Förtroendevaldas säkerhet',
    en: 'Security of elected officials',
    aliases: ['fortroendevaldas sakerhet', 'fortroendevalda', 'politiker', 'fv'],
    kbArea: 'FV',
  },
  ovrigt: {
    sv: 'Övrigt',
    en: 'Other',
    aliases: ['ovrigt', 'allmant', 'fallback', 'annat', 'alla'],
    kbArea: 'STY',
  },
} as const;

export type QuestionAreaId = keyof typeof QUESTION_AREAS;
export const QUESTION_AREA_IDS = Object.keys(QUESTION_AREAS) as QuestionAreaId[];
export const FALLBACK_AREA: QuestionAreaId = 'ovrigt';

export function isQuestionArea(value: unknown): value is QuestionAreaId {
  return typeof value === 'string' && Object.hasOwn(QUESTION_AREAS, value);
}

/** The knowledge-base area code (knowledge/schema.ts AREAS) a question area maps onto. */
export function areaFromKnowledgeArea(kbArea: string | undefined): QuestionAreaId | undefined {
  return QUESTION_AREA_IDS.find((id) => QUESTION_AREAS[id].kbArea === kbArea && id !== FALLBACK_AREA);
}

/**
 * Question statuses. `answered` waits for the person's reaction; `resolved` is "Tack, det hjälpte";
 * `closed` is "Stäng utan svar". Every status label lives here and nowhere else.
 */
export const QUESTION_STATUSES = {
  open: { sv: 'Öppen', en: 'Open', unanswered: true },
  taken: { sv: 'Någon tittar på den', en: 'Being handled', unanswered: true },
  answered: { sv: 'Besvarad', en: 'Answered', unanswered: false },
  resolved: { sv: 'Besvarad, det hjälpte', en: 'Answered, it helped', unanswered: false },
  closed: { sv: 'Stängd utan svar', en: 'Closed without answer', unanswered: false },
} as const;

export type QuestionStatus = keyof typeof QUESTION_STATUSES;
export const QUESTION_STATUS_IDS = Object.keys(QUESTION_STATUSES) as QuestionStatus[];
export const UNANSWERED_STATUSES = QUESTION_STATUS_IDS.filter((s) => QUESTION_STATUSES[s].unanswered);

export function isQuestionStatus(value: unknown): value is QuestionStatus {
  return typeof value === 'string' && Object.hasOwn(QUESTION_STATUSES, value);
}

/**
 * The one table of what can happen to a question: who may do it (the person who asked or the routed
 * team), from which statuses, and the status it leads to (`same` keeps the status).
 */
export const QUESTION_ACTIONS = {
  take: { by: 'team', from: ['open'], to: 'taken' },
  forward: { by: 'team', from: ['open', 'taken'], to: 'open' },
  answer: { by: 'team', from: ['open', 'taken'], to: 'answered' },
  close: { by: 'team', from: ['open', 'taken'], to: 'closed' },
  suggest: { by: 'team', from: ['answered', 'resolved'], to: 'same' },
  thanks: { by: 'asker', from: ['answered'], to: 'resolved' },
  followUp: { by: 'asker', from: ['answered', 'resolved'], to: 'open' },
} as const satisfies Record<
  string,
  { by: 'team' | 'asker'; from: readonly QuestionStatus[]; to: QuestionStatus | 'same' }
>;

export type QuestionAction = keyof typeof QUESTION_ACTIONS;
export const QUESTION_ACTION_IDS = Object.keys(QUESTION_ACTIONS) as QuestionAction[];

/** True when `action` may be taken on a question in `status`. */
export function canApply(action: QuestionAction, status: QuestionStatus): boolean {
  return (QUESTION_ACTIONS[action].from as readonly QuestionStatus[]).includes(status);
}

/** The status after `action` (see QUESTION_ACTIONS). */
export function statusAfter(action: QuestionAction, status: QuestionStatus): QuestionStatus {
  const to = QUESTION_ACTIONS[action].to;
  return to === 'same' ? status : to;
}

/** Longest question or answer text we keep (the card input says so too). */
export const MAX_QUESTION_CHARS = 1000;

/** One entry in a question's thread: the question, an answer, a follow-up. Text is null after retention. */
export interface ThreadEntry {
  author: 'asker' | 'team';
  text: string | null;
  at: string;
  /** The team member who wrote it (channel user id); never shown to the person. */
  byUserId?: string;
  byName?: string;
}

/** A question as stored. */
export interface Question {
  id: string;
  area: QuestionAreaId;
  status: QuestionStatus;
  /** The person who asked; userId is '' after retention purged the question. */
  asker: QuestionActor;
  /** The personal chat to deliver answers to; absent after retention. */
  askerConversation?: ConversationRef;
  locale: 'sv' | 'en';
  thread: ThreadEntry[];
  takenBy?: { userId: string; name?: string };
  /** Bumped by every change: updates are compare-and-set on it (two team members at once). */
  version: number;
  createdAt: string;
  updatedAt: string;
  answeredAt?: string;
  /** When the one SLA reminder went to the team. */
  remindedAt?: string;
  /** Where the team card was posted, to update it in place. */
  teamCard?: { conversationId: string; activityId: string };
  purgedAt?: string;
}

/** What the person submits. */
export interface NewQuestion {
  idempotencyKey: string;
  area: QuestionAreaId;
  asker: QuestionActor;
  askerConversation?: ConversationRef;
  locale: 'sv' | 'en';
  text: string;
}

/** A change computed by the use cases and written compare-and-set by the repository. */
export interface QuestionChange {
  status: QuestionStatus;
  area?: QuestionAreaId;
  /** null clears it. */
  takenBy?: { userId: string; name?: string } | null;
  append?: ThreadEntry;
  answeredAt?: string;
  /** A reopened question is reminded again after the SLA. */
  clearReminder?: boolean;
}

/** A draft knowledge entry made from an answered question ("Föreslå som kunskap"). */
export interface KnowledgeDraft {
  id: number;
  questionId: string;
  area: QuestionAreaId;
  question: string;
  answer: string;
  createdAt: string;
  /** When `npm run kb:drafts` wrote it to a file. */
  writtenAt?: string;
}

const ID_PATTERN = /^FQ-\d{4}-\d{6,}$/;
const LOOSE_ID = /^\s*fq\s*-?\s*(\d{4})\s*-?\s*(\d{1,9})\s*$/i;

/** `FQ-<year>-<sequence>`, six digits zero-padded: FQ-2026-000042. */
export function formatQuestionId(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError('year must have four digits');
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError('sequence must be a positive integer');
  return `FQ-${year}-${String(sequence).padStart(6, '0')}`;
}

export function isQuestionId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Accepts casual typing ("fq-2026-42") and returns the stored form, or undefined. */
export function normalizeQuestionId(input: string): string | undefined {
  const m = LOOSE_ID.exec(input);
  if (!m?.[1] || !m[2] || Number(m[2]) < 1) return undefined;
  return formatQuestionId(Number(m[1]), Number(m[2]));
}

/** The question text (the first thing the person wrote), or null after retention. */
export function questionText(q: Question): string | null {
  return q.thread.find((e) => e.author === 'asker')?.text ?? null;
}

/** The latest answer from the team, if any. */
export function latestAnswer(q: Question): ThreadEntry | undefined {
  return [...q.thread].reverse().find((e) => e.author === 'team');
}
