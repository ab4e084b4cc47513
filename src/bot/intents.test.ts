import { classifyText } from './intents';

describe('classifying typed messages', () => {
  test.each([
    ['hjälp', 'help'],
    ['Help', 'help'],
    ['?', 'help'],
    ['HJALP!', 'help'],
    ['rapportera', 'report.start'],
    ['Anmäl ett hot', 'report.start'],
    ['mina rapporter', 'reports.mine'],
    ['alla rapporter', 'reports.all'],
    ['roller', 'roles.browse'],
    ['vem gör vad?', 'roles.browse'],
    ['byt förvaltning', 'org.choose'],
    ['registrera säkerhetskanal', 'security.register'],
    ['hej', 'greeting'],
  ])('%j is %s', (text, kind) => {
    expect(classifyText(text).kind).toBe(kind);
  });

  test('"jag jobbar på Skarpnäck" names an organisation phrase', () => {
    expect(classifyText('jag jobbar på Skarpnäck')).toEqual({ kind: 'org.set', phrase: 'skarpnack' });
  });

  test('a long sentence about work is a question, not an organisation', () => {
    expect(classifyText('jag jobbar på en förskola och en pappa hotade mig idag vad gör jag').kind).toBe(
      'question',
    );
  });

  test.each([
    ['Fråga säkerhetsfunktionen', { kind: 'question.ask' }],
    ['mina frågor', { kind: 'question.mine' }],
    ['öppna fq-2026-000012', { kind: 'question.open', id: 'FQ-2026-000012' }],
    ['registrera frågekanal hot och våld', { kind: 'question.register', phrase: 'hot och vald' }],
    ['registrera frågekanal', { kind: 'question.register', phrase: '' }],
  ])('%j is %j', (text, intent) => {
    expect(classifyText(text)).toEqual(intent);
  });

  test('a question that merely contains a command word stays a question', () => {
    expect(classifyText('hur rapporterar jag ett hot i KIA?').kind).toBe('question');
  });
});
