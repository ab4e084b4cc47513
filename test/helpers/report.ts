import { fieldOptions, getReportType, type FieldDef } from '../../src/report/reportTypes/steps';
import { localDateTime } from '../../src/report/flow/validation';
import type { ReportTypeId } from '../../src/report/types';
import { cardTexts, teamsMessage, type Recorded } from './channel';
import { actionData, type Harness } from './app';

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
