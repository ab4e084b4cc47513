/**
 * Reads and checks the values a step card sent. Problems are returned as Swedish (or English)
 * messages keyed by field id, so the flow can re-render the card with each message under its
 * input; nothing here throws on odd input.
 */
import { REPORT_FIELD_ERRORS as MESSAGES, REPORT_FLOW_SENTENCES } from '../../i18n/reportStrings';
import type { ReportAnswers } from '../types';
import type { FieldDef, Locale, ReportTypeDef, StepDef } from '../reportTypes/steps';
import { fieldOptions } from '../reportTypes/steps';

/** The time zone dates and times are entered in, unless the caller says otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** What checks need besides the values: "now" for the not-in-the-future rule, and the language. */
export interface ValidationContext {
  now: Date;
  locale: Locale;
  timeZone?: string;
}

/** Result of reading one step: the cleaned values (also for re-display) and any messages. */
export interface StepCheck {
  ok: boolean;
  /** Cleaned values per field id ('' when empty); what gets stored when ok. */
  values: Record<string, string>;
  /** Message per field id, only for fields with a problem. */
  errors: Record<string, string>;
}

// Strip C0 control characters (NUL included) except tab (\u0009) and newline (\u000A): they
// break storage and rendering and nobody types them on purpose. Everything else, including
// `${...}`, emoji, right-to-left text and unusual Unicode, is kept exactly as entered.
// eslint-disable-next-line no-control-regex
const C0_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F]/g;

/** Removes control characters (except tab and newline) and trims outer whitespace; nothing more. */
export function cleanText(raw: string): string {
  return raw.replace(C0_EXCEPT_TAB_NEWLINE, '').trim();
}

/** Length as people count it: code points, so an emoji counts once rather than as two UTF-16 units. */
export function textLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** A number with the locale's digit grouping ("12 345" in Swedish). */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE').format(n);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      // A misconfigured zone must not break the flow: fall back to the city's own.
      return formatterFor(DEFAULT_TIME_ZONE);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of `instant` in `timeZone`. */
export function localDateTime(
  instant: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): { date: string; time: string } {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

/** True for a real calendar date written YYYY-MM-DD (from 1900 on; earlier is surely a typo). */
export function isValidDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1900) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for HH:MM (24-hour), optionally with seconds as some clients send them. */
export function isValidTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

type MessageKey = keyof typeof MESSAGES;

function message(key: MessageKey, locale: Locale): string {
  return MESSAGES[key][locale === 'en' ? 'en' : 'sv'];
}

function tooLongMessage(length: number, max: number, locale: Locale): string {
  const n = formatCount(length, locale);
  const m = formatCount(max, locale);
  return REPORT_FLOW_SENTENCES[locale === 'en' ? 'en' : 'sv'].tooLong(n, m);
}

/** Checks one already-cleaned, non-empty value against its field; returns a message or the value to store. */
function checkValue(
  field: FieldDef,
  value: string,
  ctx: ValidationContext,
): { value: string; error?: string } {
  const locale = ctx.locale;
  switch (field.kind) {
    case 'text': {
      const length = textLength(value);
      if (field.maxLength !== undefined && length > field.maxLength) {
        return { value, error: tooLongMessage(length, field.maxLength, locale) };
      }
      return { value };
    }
    case 'choice':
    case 'yesno':
    case 'toggle': {
      const allowed = fieldOptions(field).some((o) => o.value === value);
      return allowed ? { value } : { value, error: message('unknownChoice', locale) };
    }
    case 'multichoice': {
      const codes = [
        ...new Set(
          value
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c !== ''),
        ),
      ];
      const options = fieldOptions(field);
      if (codes.some((code) => !options.some((o) => o.value === code))) {
        return { value, error: message('unknownChoice', locale) };
      }
      // Keep the table's order so the same choices always read (and compare) the same.
      const ordered = options.filter((o) => codes.includes(o.value)).map((o) => o.value);
      return { value: ordered.join(',') };
    }
    case 'date': {
      if (!isValidDate(value)) return { value, error: message('badDate', locale) };
      if (field.notFuture && value > localDateTime(ctx.now, ctx.timeZone).date) {
        return { value, error: message('futureDate', locale) };
      }
      return { value };
    }
    case 'time':
      return isValidTime(value) ? { value } : { value, error: message('badTime', locale) };
  }
}

/**
 * Reads a step's fields from a submit payload (or from stored answers), cleans and checks them.
 * Missing or null values count as empty; any other non-string is a friendly error, never a throw.
 */
export function checkStep(step: StepDef, data: Record<string, unknown>, ctx: ValidationContext): StepCheck {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of step.fields) {
    const raw = data[field.id];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      values[field.id] = '';
      errors[field.id] = message('notString', ctx.locale);
      continue;
    }
    const cleaned = typeof raw === 'string' ? cleanText(raw) : '';
    if (cleaned === '') {
      values[field.id] = '';
      if (field.required) {
        const choice = field.kind !== 'text' && field.kind !== 'date' && field.kind !== 'time';
        errors[field.id] = message(choice ? 'requiredChoice' : 'required', ctx.locale);
      }
      continue;
    }
    const checked = checkValue(field, cleaned, ctx);
    values[field.id] = checked.value;
    if (checked.error !== undefined) errors[field.id] = checked.error;
  }
  // Date and time are checked together: today at a later hour is still the future.
  for (const field of step.fields) {
    if (field.kind !== 'time' || !field.dateField || errors[field.id] !== undefined) continue;
    const time = values[field.id] ?? '';
    const date = values[field.dateField] ?? '';
    if (time === '' || errors[field.dateField] !== undefined || !isValidDate(date)) continue;
    const now = localDateTime(ctx.now, ctx.timeZone);
    if (date === now.date && time.slice(0, 5) > now.time)
      errors[field.id] = message('futureTime', ctx.locale);
  }
  return { ok: Object.keys(errors).length === 0, values, errors };
}

/**
 * Re-checks stored answers before submit (the table or the clock may have moved since each step
 * was saved). Returns the first step with a problem and its messages, or undefined when all is well.
 */
export function checkAnswers(
  type: ReportTypeDef,
  answers: ReportAnswers,
  ctx: ValidationContext,
): { stepIndex: number; check: StepCheck } | undefined {
  for (let stepIndex = 0; stepIndex < type.steps.length; stepIndex++) {
    const step = type.steps[stepIndex];
    if (!step) continue;
    const check = checkStep(step, answers, ctx);
    if (!check.ok) return { stepIndex, check };
  }
  return undefined;
}
