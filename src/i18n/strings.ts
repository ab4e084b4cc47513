import { inSentence } from './text';

/**
 * Every text the bot itself says, Swedish first, English second. In knowledge answers the title,
 * summary and (where written) the steps come in English for someone who writes English; the
 * rest stays Swedish, and the card says so.
 */
export type Locale = 'sv' | 'en';

const sv = {
  welcomeTitle: 'Hej! Jag är Säkerhetsguiden',
  welcomeText:
    'Jag svarar på frågor om Stockholms stads säkerhetsarbete: hot och våld, hot mot förtroendevalda, otillåten påverkan, informationssäkerhet, säkerhetsskydd, krisberedskap, civilt försvar och att förebygga olyckor. Jag kan också visa vem som ansvarar för vad och hjälpa dig att rapportera en händelse.',
  dangerNow: 'Är någon i fara just nu? Ring 112.',
  policeNonUrgent: 'Polisen när det inte är akut: 114 14.',
  dangerNowTitle: 'Är du eller någon annan i fara nu? Ring 112.',
  dangerNowSafety:
    'Ta dig i säkerhet först: gå därifrån, sätt en låst dörr emellan och larma kollegor. Kan du inte ringa själv, be någon annan göra det.',
  helpTitle: 'Det här kan jag hjälpa till med',
  helpItems: [
    'Ställ en fråga med egna ord, t.ex. "en förälder hotade mig, vad gör jag?"',
    '"vem ansvarar för informationssäkerheten?" visar roller, ansvar och kontakter',
    '"vad måste jag göra som chef när en medarbetare hotats?" ger chefens checklista',
    '"rapportera" startar en rapport om en hot- eller våldshändelse, otillåten påverkan eller en informationssäkerhetsincident',
    '"mina rapporter" visar dina rapporter och deras status',
    '"jag jobbar på Skarpnäck" eller "byt förvaltning" ställer in din organisation',
  ],
  helpExamplesTitle: 'Prova till exempel',
  buttonReport: 'Rapportera en händelse',
  buttonRoles: 'Vem gör vad?',
  buttonMyReports: 'Mina rapporter',
  buttonOrganisation: 'Välj förvaltning',
  buttonHelp: 'Hjälp',
  stepsTitle: 'Gör så här',
  answerSwedishOnly: 'Resten av svaret finns bara på svenska.',
  inSwedish: 'Hela svaret på svenska',
  sourceLabel: 'Källa',
  reviewedLabel: 'Senast granskad',
  relatedTitle: 'Du kanske också undrar',
  reportThis: 'Rapportera händelsen',
  offerReportTitle: 'Vill du rapportera det som hänt?',
  offerReportText:
    'Jag kan hjälpa dig att rapportera händelsen steg för steg till säkerhetsfunktionen. Det tar några minuter.',
  feedbackQuestion: 'Var svaret till hjälp?',
  feedbackYes: '👍 Ja',
  feedbackNo: '👎 Nej',
  feedbackThanks: 'Tack för att du svarade! Det hjälper oss att förbättra svaren.',
  didYouMeanTitle: 'Menade du…?',
  didYouMeanText:
    'Jag är inte säker på vad du menar. Välj det som passar bäst, eller skriv frågan på ett annat sätt.',
  fallbackTitle: 'Det vet jag tyvärr inte',
  fallbackText:
    'Jag hittar inget säkert svar på det i min kunskapsbas, och jag vill inte gissa. Prova att skriva frågan på ett annat sätt, med några nyckelord.',
  fallbackContact: 'Du kan också kontakta',
  fallbackNotOurs:
    'Det där ligger utanför det jag kan svara på: jag svarar bara på frågor om stadens säkerhetsarbete.',
  fallbackOutOfScope:
    'Jag svarar bara på frågor om stadens säkerhetsarbete. Frågor om lön, IT-support eller annat hittar du på intranätet.',
  badInputTitle: 'Det där förstod jag inte',
  badInputText:
    'Något i meddelandet saknades eller såg konstigt ut. Inget har gått förlorat. Skriv din fråga eller välj "Hjälp".',
  emptyText: 'Skriv en fråga, eller "hjälp" för att se vad jag kan.',
  errorText: 'Något gick fel hos mig. Försök igen om en stund. Är det bråttom och någon är i fara: ring 112.',
  rateLimitedText:
    'Du har skickat många meddelanden på kort tid, så jag tar en kort paus. Försök igen om en minut. Är någon i fara just nu: ring 112.',
  tenantRefusedText:
    'Säkerhetsguiden är till för dig som arbetar i Stockholms stad och kan tyvärr inte användas från din organisation. Är någon i fara just nu: ring 112.',
  storageDownText:
    'Jag når inte min databas just nu, så jag kan inte spara eller visa något. Inget har gått förlorat: en rapport du håller på med finns kvar och du kan fortsätta där du var om en stund. Är någon i fara: ring 112.',
  unknownTopic: 'Det ämnet finns inte längre. Skriv din fråga igen.',
  tooLong: 'Din fråga var mycket lång, så jag har sökt på början av den.',
  swedishOnly: (summary: string) => `Kort sagt: ${summary} Vägledningen nedan finns bara på svenska.`,
};

const en: typeof sv = {
  welcomeTitle: 'Hi! I am Säkerhetsguiden',
  welcomeText:
    "I answer questions about the City of Stockholm's security work: threats and violence, threats to elected officials, undue influence, information security, protective security, crisis preparedness, civil defence and accident prevention. I can show who is responsible for what and help you report an incident. Urgent advice comes in English; most detailed answers are in Swedish only, and I say so where that is the case.",
  dangerNow: 'Is anyone in danger right now? Call 112.',
  policeNonUrgent: 'Police, non-emergency: 114 14.',
  dangerNowTitle: 'Are you or anyone else in danger now? Call 112.',
  dangerNowSafety:
    'Get to safety first: walk away, put a locked door between you and alert colleagues. If you cannot call yourself, ask someone else to.',
  helpTitle: 'What I can help with',
  helpItems: [
    'Ask in your own words, e.g. "a parent threatened me, what do I do?"',
    '"who is responsible for information security?" shows roles, duties and contacts',
    '"what must I do as a manager when an employee was threatened?" gives the manager checklist',
    '"report" starts a report of a threat or violence, undue influence or an information security incident',
    '"my reports" shows your reports and their status',
    '"I work at Skarpnäck" or "change organisation" sets your organisation',
  ],
  helpExamplesTitle: 'Try for example',
  buttonReport: 'Report an incident',
  buttonRoles: 'Who does what?',
  buttonMyReports: 'My reports',
  buttonOrganisation: 'Choose organisation',
  buttonHelp: 'Help',
  stepsTitle: 'What to do',
  answerSwedishOnly: 'The rest of this answer is available in Swedish only.',
  inSwedish: 'Full answer in Swedish',
  sourceLabel: 'Source',
  reviewedLabel: 'Last reviewed',
  relatedTitle: 'You may also want to know',
  reportThis: 'Report the incident',
  offerReportTitle: 'Would you like to report what happened?',
  offerReportText:
    'I can help you report the incident to the security function step by step. It takes a few minutes.',
  feedbackQuestion: 'Was this helpful?',
  feedbackYes: '👍 Yes',
  feedbackNo: '👎 No',
  feedbackThanks: 'Thank you! Your feedback helps us improve the answers.',
  didYouMeanTitle: 'Did you mean…?',
  didYouMeanText: 'I am not sure what you mean. Pick the closest one, or rephrase your question.',
  fallbackTitle: "Sorry, I don't know",
  fallbackText:
    "I can't find a reliable answer in my knowledge base and I don't want to guess. Try rephrasing your question with a few keywords.",
  fallbackContact: 'You can also contact',
  fallbackNotOurs:
    'That is outside what I can answer: I only answer questions about the city’s security work.',
  fallbackOutOfScope:
    'I only answer questions about the city’s security work. For pay, IT support and the like, see the intranet.',
  badInputTitle: "I didn't understand that",
  badInputText:
    'Something in the message was missing or odd. Nothing was lost. Type your question or choose "Help".',
  emptyText: 'Type a question, or "help" to see what I can do.',
  errorText: 'Something went wrong on my side. Please try again shortly. If someone is in danger: call 112.',
  rateLimitedText:
    'You have sent many messages in a short time, so I am taking a short break. Please try again in a minute. If someone is in danger right now: call 112.',
  tenantRefusedText:
    'Säkerhetsguiden is for people who work for the City of Stockholm and cannot be used from your organisation. If someone is in danger right now: call 112.',
  storageDownText:
    'I cannot reach my database right now, so I cannot save or show anything. Nothing is lost: a report you are working on is kept and you can continue where you were shortly. If someone is in danger: call 112.',
  unknownTopic: 'That topic no longer exists. Please ask again.',
  tooLong: 'Your question was very long, so I searched on its beginning.',
  swedishOnly: (summary: string) => `In short: ${summary} The guidance below is available in Swedish only.`,
};

export const STRINGS: Record<Locale, typeof sv> = { sv, en };

export type Strings = typeof sv;

/** The bot's own texts in the user's language. */
export function strings(locale: Locale): Strings {
  return STRINGS[locale];
}

/** Names of the programme's areas (codes in knowledge/README.md). */
export const AREA_NAMES: Record<string, Record<Locale, string>> = {
  HV: { sv: 'Hot och våld mot anställda', en: 'Threats and violence against employees' },
  FV: { sv: 'Förtroendevaldas säkerhet', en: 'Safety of elected officials' },
  OP: { sv: 'Otillåten påverkan, mutor och jäv', en: 'Undue influence, bribery and conflicts of interest' },
  IS: { sv: 'Informationssäkerhet och dataskydd', en: 'Information security and data protection' },
  SS: { sv: 'Säkerhetsskydd', en: 'Protective security' },
  KB: { sv: 'Krisberedskap', en: 'Crisis preparedness' },
  CF: { sv: 'Civilt försvar', en: 'Civil defence' },
  OL: { sv: 'Förebygga olyckor', en: 'Accident prevention' },
  RAP: { sv: 'Rapportering', en: 'Reporting' },
  STY: { sv: 'Styrning, program och roller', en: 'Governance, programmes and roles' },
};

/** Names of the organisational levels of a role. */
export const LEVEL_NAMES: Record<string, Record<Locale, string>> = {
  stad: { sv: 'Staden', en: 'City' },
  namnd: { sv: 'Nämnd/styrelse', en: 'Committee/board' },
  forvaltning: { sv: 'Förvaltning/bolag', en: 'Department/company' },
  enhet: { sv: 'Enhet', en: 'Unit' },
  individ: { sv: 'Individ', en: 'Individual' },
  extern: { sv: 'Extern', en: 'External' },
};

/** Texts of the roles directory and the organisation choice. */
export const ROLE_STRINGS = {
  sv: {
    whoIsResponsible: (x: string) => `Vem ansvarar för ${inSentence(x)}?`,
    dutyLabel: 'Ansvar',
    basisLabel: 'Grund',
    contactLabel: 'Kontakt',
    deadlineLabel: 'När',
    informLabel: 'Informera',
    orgShown: (org: string) => `Kontakter för ${org}.`,
    orgHint: 'Skriv "jag jobbar på …" (t.ex. Skarpnäck) så visar jag din förvaltnings kontakter.',
    browseTitle: 'Vem gör vad? Välj ett område',
    areaTitle: (area: string) => `${area}: vem gör vad`,
    areaResponsibilities: 'Ansvarsfrågor',
    areaRoles: 'Roller med ansvar i området',
    roleDuties: 'Ansvar per område',
    noteLabel: 'Obs',
    readMore: 'Läs mer',
    showMore: 'Visa mer',
    dutiesLabel: 'Det här ska du göra',
    rolesAndContacts: 'Roller och kontakter att informera',
    detailsLabel: 'När och enligt vad',
    orgChooseTitle: 'Var arbetar du?',
    orgChooseText:
      'Välj din förvaltning eller ditt bolag, så visar jag rätt kontakter. Du kan byta när som helst med "byt förvaltning".',
    orgChoosePlaceholder: 'Sök förvaltning eller bolag',
    orgUnconfirmed:
      'Namnen på fackförvaltningar och bolag är inte bekräftade mot stadens aktuella organisation; kontrollera på start.stockholm om du inte hittar din.',
    orgSave: 'Spara',
    orgSaved: (org: string) =>
      `Klart! Jag visar nu kontakter för ${org}. Skriv "byt förvaltning" om du vill ändra.`,
    orgUnknown: (phrase: string) =>
      `Jag hittar ingen förvaltning eller inget bolag som heter "${phrase}". Välj i listan i stället.`,
    orgMissing: 'Välj en förvaltning eller ett bolag i listan.',
  },
  en: {
    whoIsResponsible: (x: string) => `Who is responsible for ${inSentence(x)}?`,
    dutyLabel: 'Duty',
    basisLabel: 'Basis',
    contactLabel: 'Contact',
    deadlineLabel: 'When',
    informLabel: 'Inform',
    orgShown: (org: string) => `Contacts for ${org}.`,
    orgHint: 'Type "I work at …" (e.g. Skarpnäck) and I will show your organisation’s contacts.',
    browseTitle: 'Who does what? Choose an area',
    areaTitle: (area: string) => `${area}: who does what`,
    areaResponsibilities: 'Responsibilities',
    areaRoles: 'Roles with duties in this area',
    roleDuties: 'Duties by area',
    noteLabel: 'Note',
    readMore: 'Read more',
    showMore: 'Show more',
    dutiesLabel: 'What you must do',
    rolesAndContacts: 'Roles and contacts to inform',
    detailsLabel: 'When and on what basis',
    orgChooseTitle: 'Where do you work?',
    orgChooseText:
      'Choose your department or company and I will show the right contacts. Change it any time with "change organisation".',
    orgChoosePlaceholder: 'Search department or company',
    orgUnconfirmed:
      "The names of the departments and companies have not been confirmed against the city's current organisation; check start.stockholm if yours is missing.",
    orgSave: 'Save',
    orgSaved: (org: string) => `Done! I now show contacts for ${org}. Type "change organisation" to change.`,
    orgUnknown: (phrase: string) =>
      `I can't find a department or company called "${phrase}". Please pick one from the list.`,
    orgMissing: 'Please pick a department or company from the list.',
  },
};
