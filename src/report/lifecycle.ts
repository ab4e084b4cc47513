/**
 * The report lifecycle, declared once: every status, what people read for it, and where the
 * security team may move a report from it. The detail card's buttons, the bot's check of a
 * reports.setStatus press and both repositories' guard all read this table, so a button can never
 * offer a move that the check refuses.
 */
import type { Locale, LocalizedText } from './reportTypes/steps';
import { tr } from './reportTypes/steps';

/** Case status as the security team sets it; the reporter is told of every change. */
export const REPORT_STATUSES = ['mottagen', 'under-utredning', 'avslutad'] as const;

/** One of REPORT_STATUSES. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

interface StatusDef {
  label: LocalizedText;
  /** Told to the reporter when their report reaches this status. */
  explanation: LocalizedText;
  /** Statuses the security team may move a report to from this one. */
  next: readonly ReportStatus[];
}

const L = (sv: string, en: string): LocalizedText => ({ sv, en });

/**
 * mottagen → under-utredning → avslutad, or mottagen → avslutad; a closed case can be reopened
 * (avslutad → under-utredning) when something new turns up. Nothing goes back to mottagen: that
 * status means "nobody has looked yet", which is never true again.
 */
export const REPORT_LIFECYCLE: Readonly<Record<ReportStatus, StatusDef>> = {
  mottagen: {
    label: L('Mottagen', 'Received'),
    explanation: L(
      'Rapporten är mottagen. Säkerhetsfunktionen läser den och återkommer till dig.',
      'The report has been received. The security function will read it and get back to you.',
    ),
    next: ['under-utredning', 'avslutad'],
  },
  'under-utredning': {
    label: L('Under utredning', 'Under investigation'),
    explanation: L(
      'Säkerhetsfunktionen utreder nu händelsen och kan komma att kontakta dig.',
      'The security function is now looking into the incident and may contact you.',
    ),
    next: ['avslutad'],
  },
  avslutad: {
    label: L('Avslutad', 'Closed'),
    explanation: L(
      'Säkerhetsfunktionen har avslutat ärendet. Hör av dig om något händer igen.',
      'The security function has closed the case. Get in touch if anything happens again.',
    ),
    next: ['under-utredning'],
  },
};

/** Narrows an untrusted value (card data, a database row) to a status. */
export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

/** Statuses the security team may move a report to from `status`; an unknown one leads nowhere. */
export function allowedNextStatuses(status: ReportStatus): readonly ReportStatus[] {
  // Status values may arrive from card data at run time: `__proto__` and friends must not index.
  return isReportStatus(status) ? REPORT_LIFECYCLE[status].next : [];
}

/** True when a report in `from` may move to `to`. */
export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return allowedNextStatuses(from).includes(to);
}

/** A status as people read it; an unknown one is shown as it is. */
export function statusLabel(status: ReportStatus, locale: Locale): string {
  return isReportStatus(status) ? tr(REPORT_LIFECYCLE[status].label, locale) : String(status);
}

/** What the reporter is told a status means. */
export function statusExplanation(status: ReportStatus, locale: Locale): string {
  return tr(REPORT_LIFECYCLE[isReportStatus(status) ? status : 'mottagen'].explanation, locale);
}
