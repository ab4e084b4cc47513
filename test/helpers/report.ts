import { fieldOptions, getReportType, type FieldDef } from '../../src/report/reportTypes/steps';
import { localDateTime } from '../../src/report/flow/validation';
import type { ReportTypeId } from '../../src/report/types';
import { cardTexts, teamsMessage, type Recorded } from './channel';
import { actionData, inputIds, type Harness } from './app';

/** A valid answer for each kind of field; `description` goes into the long free-text fields. */
export function fillField(field: FieldDef, description: string): string {
  switch (field.kind) {
    case 'text':
      // The long account goes in the field with room for it; other texts get a short answer.
      return (field.maxLength ?? 0) >= 10_000 ? description : 'Exempelgatan, receptionen';
    case 'date':
      return localDateTime(new Date()).date;
    case 'time':
      return '00:00';
    default:
      return fieldOptions(field)[0]?.value ?? '';
  }
}

export interface ReportRun {
  /** Every card the person saw, as text, in order. */
  transcript: string[][];
  reference: string;
  receipt: Recorded['activity'];
  /** The summary card with the "Skicka" button (to click it again). */
  summary: Recorded['activity'];
}

/**
 * Walks a report from "rapportera" to the receipt exactly as a person clicking the cards would:
 * each submit carries the clicked action's data plus the inputs of that card.
 */
export async function runReport(
  h: Harness,
  type: ReportTypeId,
  who: { userId: string; aadObjectId?: string; conversationId?: string },
  description = 'En besökare skrek och hotade mig vid disken.',
): Promise<ReportRun> {
  const transcript: string[][] = [];
  const send = async (options: { text?: string; value?: unknown }) => {
    const replies = await h.send(teamsMessage(h.channel.serviceUrl, { ...who, ...options }));
    replies.forEach((r) => transcript.push(cardTexts(r)));
    return replies.at(-1);
  };
  let card = await send({ text: 'rapportera' });
  card = await send({ value: actionData(card, 'report.safety', { danger: 'no' }) });
  card = await send({ value: actionData(card, 'report.chooseType', { reportType: type }) });
  for (const step of getReportType(type)!.steps) {
    const inputs = Object.fromEntries(step.fields.map((f) => [f.id, fillField(f, description)]));
    card = await send({ value: { ...actionData(card, 'report.next'), ...inputs } });
  }
  const summary = card!;
  const receipt = await send({ value: actionData(summary, 'report.submit') });
  const reference = /SG-\d{4}-\d{4,}/.exec(cardTexts(receipt!).join('\n'))?.[0];
  if (!reference)
    throw new Error(`no reference in receipt:\n${transcript.map((t) => t.join(' | ')).join('\n')}`);
  return { transcript, reference, receipt: receipt!, summary };
}

/** What the person saw while pushing a report through faults (see driveReport). */
export interface DrivenReport {
  reference: string | undefined;
  /** Turns answered "the database is not reachable, nothing is lost" (or "could not be saved, send again"). */
  friendly: number;
  /** Turns answered with the generic "something went wrong" apology. */
  apologies: number;
  /** Turns that got no reply at all, or an HTTP status other than 200. */
  silent: number;
  /** HTTP 5xx answers. */
  serverErrors: number;
  sends: number;
}

const STORAGE_DOWN = /når inte min databas|kunde inte sparas just nu/;
const APOLOGY = /Något gick fel hos mig/;

/**
 * Pushes one report to its receipt the way a patient person would while the database comes and
 * goes: answer whatever card is shown, and when the bot says it cannot reach its database (or the
 * reply does not come), send the same thing again a moment later. Bounded by `maxSends`.
 */
export async function driveReport(
  send: (options: {
    text?: string;
    value?: unknown;
  }) => Promise<{ status: number; replies: Recorded['activity'][] }>,
  type: ReportTypeId,
  description: string,
  maxSends = 80,
): Promise<DrivenReport> {
  const result: DrivenReport = {
    reference: undefined,
    friendly: 0,
    apologies: 0,
    silent: 0,
    serverErrors: 0,
    sends: 0,
  };
  const fieldsById = new Map(getReportType(type)!.steps.flatMap((s) => s.fields.map((f) => [f.id, f])));
  let next: { text?: string; value?: unknown } = { text: 'rapportera' };
  let last: { text?: string; value?: unknown } = next;
  while (result.sends < maxSends) {
    result.sends++;
    const { status, replies } = await send(next);
    if (status >= 500) result.serverErrors++;
    const card = replies.at(-1);
    const text = replies.flatMap(cardTexts).join('\n');
    const tryAgain = async () => {
      await new Promise((r) => setTimeout(r, 250));
      next = last;
    };
    if (status !== 200 || !card) {
      result.silent++;
      await tryAgain();
      continue;
    }
    if (STORAGE_DOWN.test(text)) {
      result.friendly++;
      if (/kunde inte sparas/.test(text)) {
        last = next = { value: actionData(card, 'report.submit') };
        await new Promise((r) => setTimeout(r, 250));
      } else await tryAgain();
      continue;
    }
    if (APOLOGY.test(text)) {
      result.apologies++;
      await tryAgain();
      continue;
    }
    const has = (verb: string) => {
      try {
        return actionData(card, verb);
      } catch {
        return undefined;
      }
    };
    const reference = /SG-\d{4}-\d{4,}/.exec(text)?.[0];
    const submit = has('report.submit');
    const step = has('report.next');
    const resume = has('report.resume');
    const typeChoice = (() => {
      try {
        return actionData(card, 'report.chooseType', { reportType: type });
      } catch {
        return undefined;
      }
    })();
    const safety = (() => {
      try {
        return actionData(card, 'report.safety', { danger: 'no' });
      } catch {
        return undefined;
      }
    })();
    if (reference && !submit && !step) {
      result.reference = reference;
      return result;
    }
    if (submit) next = { value: submit };
    else if (step)
      next = {
        value: {
          ...step,
          ...Object.fromEntries(
            inputIds(card)
              .filter((id) => fieldsById.has(id))
              .map((id) => [id, fillField(fieldsById.get(id)!, description)]),
          ),
        },
      };
    else if (resume) next = { value: resume };
    else if (typeChoice) next = { value: typeChoice };
    else if (safety) next = { value: safety };
    else next = { text: 'rapportera' };
    last = next;
  }
  return result;
}
