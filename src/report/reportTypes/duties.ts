/**
 * What the reporter's receipt says still needs doing outside the bot (police, Arbetsmiljöverket,
 * KIA, IMY, the manager) and where to get support, per report type. The switch is exhaustive: a new
 * report type does not compile until its duties are decided here.
 */
import type { Report, ReportTypeId } from '../types';
import type { LocalizedText } from './steps';

const L = (sv: string, en: string): LocalizedText => ({ sv, en });

const TEXT = {
  policeTitle: L('Polisanmälan', 'Police report'),
  policeText: L(
    'Den här rapporten är ingen polisanmälan. Polisanmäl på polisen.se eller ring 114 14. Ring 112 om någon är i fara.',
    'This report is not a police report. Report to the police at polisen.se or call 114 14. Call 112 if anyone is in danger.',
  ),
  theftTitle: L('Stulen enhet', 'Stolen device'),
  theftText: L(
    'Har enheten stulits: polisanmäl stölden på polisen.se eller ring 114 14.',
    'If the device was stolen: report the theft at polisen.se or call 114 14.',
  ),
  avTitle: L('Arbetsmiljöverket', 'Swedish Work Environment Authority'),
  avText: L(
    'Är händelsen ett allvarligt tillbud ska chefen anmäla den till Arbetsmiljöverket utan dröjsmål, helst samma dag (anmalarbetsskada.se).',
    'If the incident is a serious incident, the manager must report it to the Work Environment Authority without delay, preferably the same day (anmalarbetsskada.se).',
  ),
  kiaTitle: L('KIA', 'KIA'),
  kiaText: L(
    'Registrera också händelsen i KIA, stadens system för att rapportera händelser, enligt er lokala rutin.',
    "Also register the incident in KIA, the city's incident reporting system, under your local routine.",
  ),
  imyTitle: L('Personuppgiftsincident – 72 timmar', 'Personal data breach – 72 hours'),
  imyText: L(
    'Berörs personuppgifter ska en personuppgiftsincident anmälas till IMY inom 72 timmar från att den upptäcktes. Kontakta dataskyddsombudet direkt.',
    'If personal data is involved, a personal data breach must be reported to IMY within 72 hours of discovery. Contact the data protection officer right away.',
  ),
  managerTitle: L('Din chef', 'Your manager'),
  managerText: L(
    'Berätta för din chef om du inte redan har gjort det.',
    'Tell your manager if you have not already done so.',
  ),
  ohsTitle: L('Företagshälsovården', 'Occupational health'),
  crisisTitle: L('Krisstöd', 'Crisis support'),
  careTitle: L('1177', '1177'),
  careText: L(
    'Ring 1177 för sjukvårdsrådgivning dygnet runt.',
    'Call 1177 for healthcare advice around the clock.',
  ),
};

/** Builds one shown item from its texts and an optional contact key (knowledge/contacts.yaml). */
export type DutyItem<T> = (title: LocalizedText, text: LocalizedText | undefined, contactKey?: string) => T;

function answer(report: Report, key: string): string {
  return report.answers?.[key] ?? '';
}

/** The receipt's duties and support for a stored report (purged answers count as unknown). */
export function receiptDuties<T>(report: Report, item: DutyItem<T>): { duties: T[]; support: T[] } {
  const duties: T[] = [];
  const type: ReportTypeId = report.type;
  switch (type) {
    case 'hot-och-vald':
      duties.push(item(TEXT.policeTitle, TEXT.policeText));
      duties.push(item(TEXT.avTitle, TEXT.avText));
      duties.push(item(TEXT.kiaTitle, TEXT.kiaText, 'kia'));
      return { duties, support: personSupport(item) };
    case 'otillaten-paverkan':
      duties.push(item(TEXT.policeTitle, TEXT.policeText));
      if (answer(report, 'chefInformerad') !== 'ja') duties.push(item(TEXT.managerTitle, TEXT.managerText));
      return { duties, support: personSupport(item) };
    case 'informationssakerhet': {
      const personalData = ['ja', 'vet-inte'].includes(answer(report, 'personuppgifter'));
      // Purged answers are unknown: the 72-hour reminder is safer shown than missed.
      if (personalData || report.answers === null)
        duties.push(item(TEXT.imyTitle, TEXT.imyText, 'dataskyddsombud'));
      if (answer(report, 'handelse') === 'enhet') duties.push(item(TEXT.theftTitle, TEXT.theftText));
      return { duties, support: [] };
    }
    default: {
      const unhandled: never = type;
      throw new Error(`report type without receipt duties: ${String(unhandled)}`);
    }
  }
}

/** Support for a person who was threatened or pressured. */
function personSupport<T>(item: DutyItem<T>): T[] {
  return [
    item(TEXT.ohsTitle, undefined, 'foretagshalsovard'),
    item(TEXT.crisisTitle, undefined, 'krisstod'),
    item(TEXT.careTitle, TEXT.careText),
  ];
}
