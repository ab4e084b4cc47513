/**
 * View builders for the cards after a report is submitted: the reporter's receipt and status
 * updates, and the security team's notification, list and detail. Pure: stored reports in, plain
 * template data out (render with renderCard). Contacts arrive already resolved through ctx.
 */
import type { CardView } from '../cards/templates';
import type { Report } from './types';

export type { CardView } from '../cards/templates';
import type { Locale, LocalizedText } from './reportTypes/steps';
import { describeAnswers, getReportType, tr } from './reportTypes/steps';
import { DEFAULT_TIME_ZONE, localDateTime } from './flow/validation';
import { receiptDuties } from './reportTypes/duties';
import { allowedNextStatuses, statusExplanation, statusLabel } from './lifecycle';

/** What the post-submit views need: language, time zone and a contact resolver. */
export interface ViewContext {
  locale: Locale;
  /** IANA zone for shown times; default Europe/Stockholm. */
  timeZone?: string;
  /** Resolves a contact key from knowledge/contacts.yaml to display text (never empty ideally). */
  contacts: (key: string) => string;
}

const L = (sv: string, en: string): LocalizedText => ({ sv, en });

/**
 * Which statuses the security team can move a report to from `status`: the lifecycle table's
 * answer, the same one the reports.setStatus check uses.
 */
export const nextStatuses = allowedNextStatuses;

export { statusLabel };

/** A report type as people read it; an unknown id is shown as it is. */
export function typeLabel(type: string, locale: Locale): string {
  const def = getReportType(type);
  return def ? tr(def.title, locale) : type;
}

/** "YYYY-MM-DD HH:MM" in the view's time zone; '' for an unreadable timestamp. */
export function formatTimestamp(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const local = localDateTime(instant, timeZone);
  return `${local.date} ${local.time}`;
}

function loc(ctx: { locale: Locale }): Locale {
  return ctx.locale === 'en' ? 'en' : 'sv';
}

const PURGED = L(
  'Innehållet är raderat enligt gallringsregeln.',
  'The contents have been deleted under the retention rule.',
);

const TEXT = {
  receiptTitle: L('Tack – din rapport är mottagen', 'Thank you – your report has been received'),
  referenceLabel: L('Referensnummer', 'Reference number'),
  nextHeading: L('Vad händer nu?', 'What happens next?'),
  nextText: L(
    'Säkerhetsfunktionen läser rapporten och återkommer till dig. Du får ett meddelande här när status ändras.',
    'The security function will read the report and get back to you. You will get a message here when its status changes.',
  ),
  dutiesHeading: L('Det här behöver fortfarande göras', 'What still needs to be done'),
  supportHeading: L('Stöd', 'Support'),
  guideNote: L(
    'Säkerhetsguiden är en vägvisare, inte stadens system för ärenden eller anmälningar. Anmälningarna ovan görs i respektive system – rapporten här ersätter dem inte.',
    "Säkerhetsguiden is a guide, not the city's system of record. The reports above are made in their own systems – this report does not replace them.",
  ),
  notificationTitle: L('Ny rapport', 'New report'),
  typeLabel: L('Typ', 'Type'),
  receivedLabel: L('Inkom', 'Received'),
  whenLabel: L('Händelsen inträffade', 'Incident occurred'),
  organisationLabel: L('Organisation', 'Organisation'),
  statusLabel: L('Status', 'Status'),
  reporterLabel: L('Rapporterad av', 'Reported by'),
  open: L('Öppna', 'Open'),
  textHidden: L(
    'Fritexten visas bara för behöriga. Öppna rapporten för att läsa den.',
    'The free text is shown to authorised viewers only. Open the report to read it.',
  ),
  listEmpty: L('Inga rapporter att visa.', 'No reports to show.'),
  detailTitle: L('Rapport', 'Report'),
  setStatusHeading: L('Ändra status', 'Change status'),
  setStatusTo: L('Sätt till: ', 'Set to: '),
  statusChangedTitle: L('Din rapport har fått ny status', 'Your report has a new status'),
  unknown: L('–', '–'),
};

function answer(report: Report, key: string): string {
  return report.answers?.[key] ?? '';
}

/**
 * The reporter's receipt: the reference, what happens next, what the bot does NOT do (police,
 * Arbetsmiljöverket, KIA, IMY) and where to get support.
 */
export function receiptView(report: Report, ctx: ViewContext): CardView {
  const l = loc(ctx);
  const { duties, support } = receiptDuties(report, (title, text, contactKey) => ({
    title: tr(title, l),
    text: text ? tr(text, l) : '',
    contact: contactKey ? ctx.contacts(contactKey) : '',
  }));

  return {
    template: 'report-receipt',
    data: {
      title: tr(TEXT.receiptTitle, l),
      referenceLabel: tr(TEXT.referenceLabel, l),
      reference: report.reference,
      typeTitle: typeLabel(report.type, l),
      nextHeading: tr(TEXT.nextHeading, l),
      nextText: tr(TEXT.nextText, l),
      hasDuties: duties.length > 0,
      dutiesHeading: tr(TEXT.dutiesHeading, l),
      duties,
      hasSupport: support.length > 0,
      supportHeading: tr(TEXT.supportHeading, l),
      support,
      guideNote: tr(TEXT.guideNote, l),
    },
  };
}

interface Fact {
  label: string;
  value: string;
}

function eventWhen(report: Report): string {
  const date = answer(report, 'datum');
  const time = answer(report, 'tid');
  return [date, time].filter((s) => s !== '').join(' ');
}

function commonFacts(report: Report, ctx: ViewContext, showReporter: boolean): Fact[] {
  const l = loc(ctx);
  const tz = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const facts: Fact[] = [
    { label: tr(TEXT.referenceLabel, l), value: report.reference },
    { label: tr(TEXT.typeLabel, l), value: typeLabel(report.type, l) },
    { label: tr(TEXT.receivedLabel, l), value: formatTimestamp(report.createdAt, tz) || tr(TEXT.unknown, l) },
    { label: tr(TEXT.statusLabel, l), value: statusLabel(report.status, l) },
  ];
  if (report.answers !== null) {
    const when = eventWhen(report);
    if (when !== '') facts.push({ label: tr(TEXT.whenLabel, l), value: when });
  }
  if (showReporter) {
    facts.push({ label: tr(TEXT.reporterLabel, l), value: report.reporter.name ?? tr(TEXT.unknown, l) });
  }
  return facts;
}

/**
 * The security team's notification of a new report. The free-text answers are included only for
 * authorised viewers (`includeText`); everyone else sees that they exist and can open the report.
 */
export function notificationView(
  report: Report,
  options: { includeText: boolean; canSetStatus?: boolean },
  ctx: ViewContext,
): CardView {
  const l = loc(ctx);
  const def = getReportType(report.type);
  const purged = report.answers === null;
  const statusActions = options.canSetStatus
    ? nextStatuses(report.status).map((status) => ({
        status,
        title: `${tr(TEXT.setStatusTo, l)}${statusLabel(status, l)}`,
      }))
    : [];
  const organisation = answer(report, 'organisation') || report.organisationId || tr(TEXT.unknown, l);
  const facts = commonFacts(report, ctx, false);
  const textItems: Fact[] = [];
  if (def && report.answers !== null && options.includeText) {
    for (const step of def.steps) {
      for (const field of step.fields) {
        const value = report.answers[field.id];
        if (field.kind === 'text' && field.id !== 'organisation' && value) {
          textItems.push({ label: tr(field.label, l), value });
        }
      }
    }
  }
  return {
    template: 'report-notification',
    data: {
      title: `${tr(TEXT.notificationTitle, l)}: ${typeLabel(report.type, l)}`,
      reference: report.reference,
      facts,
      organisationLabel: tr(TEXT.organisationLabel, l),
      organisation: purged ? tr(TEXT.unknown, l) : organisation,
      purged,
      purgedText: tr(PURGED, l),
      showText: !purged && textItems.length > 0,
      textItems,
      showTextHidden: !purged && !options.includeText,
      textHidden: tr(TEXT.textHidden, l),
      open: tr(TEXT.open, l),
      canSetStatus: statusActions.length > 0,
      setStatusHeading: tr(TEXT.setStatusHeading, l),
      statusActions,
    },
  };
}

/** A list of reports (the reporter's own, or the security team's queue), each with "Öppna". */
export function reportListView(
  reports: Report[],
  options: { title: string; showReporter: boolean },
  ctx: ViewContext,
): CardView {
  const l = loc(ctx);
  const tz = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    template: 'report-list',
    data: {
      title: options.title,
      empty: reports.length === 0,
      emptyText: tr(TEXT.listEmpty, l),
      items: reports.map((r) => ({
        reference: r.reference,
        type: typeLabel(r.type, l),
        date: formatTimestamp(r.createdAt, tz),
        status: statusLabel(r.status, l),
        meta: [typeLabel(r.type, l), formatTimestamp(r.createdAt, tz), statusLabel(r.status, l)]
          .filter((s) => s !== '')
          .join(' · '),
        showReporter: options.showReporter,
        reporter: options.showReporter ? (r.reporter.name ?? tr(TEXT.unknown, l)) : '',
        open: tr(TEXT.open, l),
      })),
    },
  };
}

/**
 * One report in full: facts, every answered field with its label (choice labels, not codes) and,
 * for the security team, buttons to move it to its next statuses.
 */
export function reportDetailView(
  report: Report,
  options: { canSetStatus: boolean; showReporter?: boolean },
  ctx: ViewContext,
): CardView {
  const l = loc(ctx);
  const def = getReportType(report.type);
  const purged = report.answers === null;
  const groups =
    report.answers === null
      ? []
      : def
        ? describeAnswers(def, report.answers, l).map((g) => ({ title: g.title, items: g.items }))
        : [
            {
              title: typeLabel(report.type, l),
              items: Object.entries(report.answers).map(([label, value]) => ({ label, value })),
            },
          ];
  const statusActions = options.canSetStatus
    ? nextStatuses(report.status).map((status) => ({
        status,
        title: `${tr(TEXT.setStatusTo, l)}${statusLabel(status, l)}`,
      }))
    : [];
  return {
    template: 'report-detail',
    data: {
      title: `${tr(TEXT.detailTitle, l)} ${report.reference}`,
      reference: report.reference,
      facts: commonFacts(report, ctx, options.showReporter === true),
      purged,
      purgedText: tr(PURGED, l),
      groups,
      canSetStatus: statusActions.length > 0,
      setStatusHeading: tr(TEXT.setStatusHeading, l),
      statusActions,
    },
  };
}

/** Told to the reporter when the security team changes the status of their report. */
export function statusChangedView(report: Report, ctx: ViewContext): CardView {
  const l = loc(ctx);
  return {
    template: 'report-status-changed',
    data: {
      title: tr(TEXT.statusChangedTitle, l),
      referenceLabel: tr(TEXT.referenceLabel, l),
      reference: report.reference,
      typeTitle: typeLabel(report.type, l),
      statusHeading: tr(TEXT.statusLabel, l),
      status: statusLabel(report.status, l),
      text: statusExplanation(report.status, l),
      open: tr(TEXT.open, l),
    },
  };
}
