/** What the report use cases say to people (the flow's and the cards' own texts live beside them). */
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
