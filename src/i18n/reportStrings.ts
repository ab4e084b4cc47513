/**
 * Everything the report feature says to people, one definition each, Swedish first and English
 * second. The report types' own questions and receipt duties stay with each type (report/reportTypes/).
 */

/** A text in both languages: Swedish first, English second. */
export interface Bilingual {
  sv: string;
  en: string;
}

const L = (sv: string, en: string): Bilingual => ({ sv, en });

/** What the report use cases say to people (report/useCases.ts). */
export const REPORT_SERVICE_TEXT = {
  sv: {
    notAllowedTitle: 'Det går inte',
    notAllowed: 'Den här funktionen är bara för säkerhetsfunktionen.',
    notFound: 'Rapporten finns inte, eller så har du inte behörighet att se den.',
    myReports: 'Mina rapporter',
    allReports: 'Alla rapporter',
    saveFailedTitle: 'Rapporten kunde inte sparas just nu',
    saveFailed:
      'Inget har gått förlorat: ditt utkast finns kvar. Försök att skicka igen om en liten stund. Är någon i fara: ring 112.',
    retry: 'Skicka igen',
    badStatus: 'Den statusändringen går inte att göra.',
    registered: 'Klart. Nya rapporter aviseras i den här konversationen.',
    privateOnlyTitle: 'Rapporter hanteras i en privat chatt',
    privateOnly:
      'Här kan andra läsa med, så jag visar inga rapporter i gruppchattar och kanaler. Öppna en privat chatt med Säkerhetsguiden och skriv "rapportera", "mina rapporter" eller "öppna" följt av referensnumret.',
  },
  en: {
    notAllowedTitle: 'Not available',
    notAllowed: 'This is only for the security function.',
    notFound: 'The report does not exist, or you are not allowed to see it.',
    myReports: 'My reports',
    allReports: 'All reports',
    saveFailedTitle: 'The report could not be saved right now',
    saveFailed:
      'Nothing is lost: your draft is still here. Please try sending again shortly. If anyone is in danger: call 112.',
    retry: 'Send again',
    badStatus: 'That status change is not possible.',
    registered: 'Done. New reports will be announced in this conversation.',
    privateOnlyTitle: 'Reports are handled in a private chat',
    privateOnly:
      'Others can read along here, so I show no reports in group chats or channels. Open a private chat with Säkerhetsguiden and type "report", "my reports" or "open" followed by the reference number.',
  },
};

/** The guided report's cards (report/flow/flow.ts). */
export const REPORT_FLOW_TEXT = {
  next: L('Nästa', 'Next'),
  back: L('Tillbaka', 'Back'),
  cancel: L('Avbryt', 'Cancel'),
  submit: L('Skicka', 'Send'),
  edit: L('Ändra', 'Change'),
  choose: L('Välj', 'Choose'),
  startOver: L('Börja om', 'Start over'),
  resumeReport: L('Fortsätt rapporten', 'Continue the report'),
  optional: L('kan hoppas över', 'can be skipped'),
  safetyTitle: L('Är någon i fara just nu?', 'Is anyone in danger right now?'),
  safetyText: L(
    'Innan vi börjar: om någon är i fara går säkerheten först. Rapporten kan vänta.',
    'Before we start: if anyone is in danger, safety comes first. The report can wait.',
  ),
  safetyYes: L('Ja, någon är i fara', 'Yes, someone is in danger'),
  safetyNo: L('Nej, ingen är i fara just nu', 'No, no one is in danger right now'),
  safetyInvalid: L('Svara ja eller nej med knapparna.', 'Please answer yes or no with the buttons.'),
  dangerEmergency: L(
    'Ring 112 om någon är i fara eller om det är akut.',
    'Call 112 if anyone is in danger or if it is urgent.',
  ),
  dangerSafetyFirst: L('Ta dig i säkerhet först.', 'Get to safety first.'),
  dangerPolice: L('Är det inte akut? Ring polisen på 114 14.', 'Not urgent? Call the police on 114 14.'),
  dangerLater: L(
    'Rapporten är sparad som utkast. Fortsätt här när du är i säkerhet.',
    'Your report is saved as a draft. Continue here once you are safe.',
  ),
  typeTitle: L('Vad vill du rapportera?', 'What would you like to report?'),
  typeText: L('Välj det som passar bäst.', 'Choose the one that fits best.'),
  typeInvalid: L('Välj en av typerna nedan.', 'Please choose one of the types below.'),
  stepErrors: L(
    'Något behöver rättas – se markeringarna nedan.',
    'Something needs fixing – see the notes below.',
  ),
  summaryTitle: L('Kontrollera och skicka', 'Check and send'),
  summaryText: L(
    'Så här ser din rapport ut. Ändra det som behövs och tryck sedan på Skicka.',
    'This is your report. Change anything that needs changing, then press Send.',
  ),
  summaryEmpty: L('Inga svar ännu.', 'No answers yet.'),
  resumeTitle: L('Du har ett påbörjat utkast', 'You have a draft in progress'),
  resumeContinue: L('Fortsätt', 'Continue'),
  resumeDiscard: L('Släng utkastet', 'Discard the draft'),
  confirmDiscardTitle: L('Vill du slänga rapporten?', 'Do you want to discard the report?'),
  confirmDiscardText: L(
    'Det du har skrivit raderas och kan inte tas tillbaka.',
    'What you have written is deleted and cannot be undone.',
  ),
  confirmDiscardYes: L('Ja, släng rapporten', 'Yes, discard it'),
  cancelledTitle: L('Rapporten är avbruten', 'The report is cancelled'),
  cancelledText: L(
    'Rapporten är avbruten och utkastet raderat.',
    'The report is cancelled and the draft deleted.',
  ),
  discardedTitle: L('Utkastet är raderat', 'The draft is deleted'),
  discardedText: L(
    'Utkastet är raderat. Du kan börja en ny rapport när du vill.',
    'The draft is deleted. You can start a new report whenever you like.',
  ),
  cancelledHelp: L('Om någon är i fara: ring 112.', 'If anyone is in danger: call 112.'),
  staleTitle: L('Det här formuläret är inte längre aktivt', 'This form is no longer active'),
  staleText: L(
    'Det här formuläret är inte längre aktivt. Om du redan har skickat rapporten har du fått ett referensnummer. Du kan börja om när du vill.',
    'This form is no longer active. If you already sent the report, you got a reference number. You can start over whenever you like.',
  ),
  outOfStepText: L(
    'Det här kortet hör till ett tidigare steg och är inte längre aktivt. Fortsätt där du var.',
    'This card belongs to an earlier step and is no longer active. Continue where you were.',
  ),
  unknownTitle: L('Det där förstod jag inte', "I didn't understand that"),
  unknownText: L(
    'Knappen kunde inte kopplas till något i rapporten. Försök igen.',
    'That button could not be matched to anything in the report. Please try again.',
  ),
  submittingTitle: L('Rapporten skickas', 'Sending the report'),
  submittingText: L('Ett ögonblick, din rapport sparas.', 'One moment, your report is being saved.'),
  unreadableDraftTitle: L('Utkastet kunde inte läsas', 'The draft could not be read'),
  unreadableDraftText: L(
    'Ett tidigare utkast kunde inte läsas. Börja gärna en ny rapport.',
    'An earlier draft could not be read. Please start a new report.',
  ),
};

/** The flow's sentences with a number or a name in them. */
export const REPORT_FLOW_SENTENCES = {
  sv: {
    maxLength: (max: string) => `Högst ${max} tecken.`,
    tooLong: (length: string, max: string) =>
      `Texten är ${length} tecken lång; högst ${max} tecken får plats. Korta texten lite.`,
    /** `about` is the report type inside a sentence, `stamp` the last change; either may be ''. */
    resume: (about: string, stamp: string) =>
      `Du har påbörjat en rapport${about ? ` om ${about}` : ''}${stamp ? ` (senast ändrad ${stamp})` : ''}. Vill du fortsätta där du slutade?`,
  },
  en: {
    maxLength: (max: string) => `At most ${max} characters.`,
    tooLong: (length: string, max: string) =>
      `The text is ${length} characters long; at most ${max} characters fit. Please shorten it a little.`,
    resume: (about: string, stamp: string) =>
      `You started a report${about ? ` about ${about}` : ''}${stamp ? ` (last changed ${stamp})` : ''}. Would you like to continue where you left off?`,
  },
};

/** What a report field says when its answer cannot be taken (report/flow/validation.ts). */
export const REPORT_FIELD_ERRORS = {
  required: { sv: 'Fyll i det här fältet.', en: 'Please fill in this field.' },
  requiredChoice: { sv: 'Välj ett alternativ.', en: 'Please choose an option.' },
  notString: {
    sv: 'Svaret kunde inte läsas. Fyll i fältet igen.',
    en: 'The answer could not be read. Please fill in the field again.',
  },
  unknownChoice: {
    sv: 'Välj ett av alternativen i listan.',
    en: 'Please choose one of the options in the list.',
  },
  badDate: {
    sv: 'Datumet kunde inte läsas. Välj ett datum i kalendern (ÅÅÅÅ-MM-DD).',
    en: 'The date could not be read. Pick a date in the calendar (YYYY-MM-DD).',
  },
  futureDate: {
    sv: 'Datumet ligger i framtiden. Välj dagens datum eller ett tidigare.',
    en: 'The date is in the future. Choose today or an earlier date.',
  },
  badTime: {
    sv: 'Tiden kunde inte läsas. Skriv tiden som TT:MM, till exempel 14:30.',
    en: 'The time could not be read. Write it as HH:MM, for example 14:30.',
  },
  futureTime: {
    sv: 'Den tiden har inte varit än i dag. Välj en tidigare tid.',
    en: 'That time has not come yet today. Choose an earlier time.',
  },
} satisfies Record<string, Bilingual>;

/** The report cards after submit: receipt, notification, list, detail, status change. */
export const REPORT_VIEW_TEXT = {
  purged: L(
    'Innehållet är raderat enligt gallringsregeln.',
    'The contents have been deleted under the retention rule.',
  ),
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
