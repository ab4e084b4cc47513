import { QUESTION_AREAS, QUESTION_STATUSES, questionText, latestAnswer, type Question } from './types';

/**
 * Export of questions for authorised handling (the security function), like the report export:
 * one row per question with its thread's first question and latest answer; never the asker's
 * conversation reference. Purged questions export with empty texts.
 */
const COLUMNS = ['id', 'område', 'status', 'skapad', 'besvarad', 'frågat_av', 'fråga', 'svar'] as const;

function row(q: Question): string[] {
  return [
    q.id,
    QUESTION_AREAS[q.area].sv,
    QUESTION_STATUSES[q.status].sv,
    q.createdAt,
    q.answeredAt ?? '',
    q.asker.name ?? q.asker.userId,
    questionText(q) ?? '',
    latestAnswer(q)?.text ?? '',
  ];
}

function csvCell(value: string, delimiter: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet: prefix it with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\n\r]/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function questionsToCsv(
  questions: Question[],
  options: { bom?: boolean; delimiter?: string } = {},
): string {
  const d = options.delimiter ?? ',';
  const lines = [
    COLUMNS.join(d),
    ...questions.map((q) =>
      row(q)
        .map((c) => csvCell(c, d))
        .join(d),
    ),
  ];
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export function questionsToJson(questions: Question[]): string {
  return `${JSON.stringify(
    questions.map((q) => Object.fromEntries(COLUMNS.map((c, i) => [c, row(q)[i]]))),
    null,
    2,
  )}\n`;
}
