import type { Report } from '../types';

/**
 * Export of reports for the security team (the CLI wrapper writes the text to a file). Pure: takes
 * reports, returns text. The conversation reference is left out: it is routing data, not case data.
 */

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads å, ä, ö and emoji correctly. */
  bom?: boolean;
  /** Field separator; Swedish Excel expects ';' when a file is double-clicked. Default ','. */
  delimiter?: ',' | ';';
}

const FIXED_COLUMNS = [
  'reference',
  'type',
  'status',
  'createdAt',
  'updatedAt',
  'purgedAt',
  'organisationId',
  'reporterUserId',
  'reporterAadObjectId',
  'reporterName',
] as const;

const ANSWER_PREFIX = 'answer.';

/** Cells a spreadsheet would run as a formula (OWASP CSV injection: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell inert: a leading apostrophe stops formula evaluation in Excel and LibreOffice. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: cells with the delimiter, quotes or line breaks are quoted, quotes doubled. */
export function quoteCell(value: string, delimiter: ',' | ';' = ','): string {
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

function fixedCells(report: Report): string[] {
  return [
    report.reference,
    report.type,
    report.status,
    report.createdAt,
    report.updatedAt,
    report.purgedAt ?? '',
    report.organisationId ?? '',
    report.reporter.userId,
    report.reporter.aadObjectId ?? '',
    report.reporter.name ?? '',
  ];
}

/**
 * One row per report: fixed columns, then one `answer.<fieldId>` column per answer field seen (in
 * order of first appearance; report types ask different questions). CRLF line ends, as RFC 4180 says.
 */
export function toCsv(reports: readonly Report[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const answerKeys: string[] = [];
  const seen = new Set<string>();
  for (const report of reports) {
    for (const key of Object.keys(report.answers ?? {})) {
      if (!seen.has(key)) {
        seen.add(key);
        answerKeys.push(key);
      }
    }
  }
  const header = [...FIXED_COLUMNS, ...answerKeys.map((k) => `${ANSWER_PREFIX}${k}`)];
  const rows = reports.map((report) => [
    ...fixedCells(report),
    ...answerKeys.map((key) => report.answers?.[key] ?? ''),
  ]);
  const lines = [header, ...rows].map((cells) =>
    cells.map((cell) => quoteCell(guardFormula(cell), delimiter)).join(delimiter),
  );
  return `${options.bom ? '\uFEFF' : ''}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** Reports as pretty JSON (an array), without conversation references. */
export function toJson(reports: readonly Report[]): string {
  const exported = reports.map((report) => {
    const copy: Partial<Report> = { ...report };
    delete copy.reporterConversation;
    return copy;
  });
  return `${JSON.stringify(exported, null, 2)}\n`;
}
