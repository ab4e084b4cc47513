import { inSentence } from './text';

describe('a title inside a sentence keeps its acronyms', () => {
  test.each([
    ['Personuppgiftsincidenter och anmälan till IMY', 'personuppgiftsincidenter och anmälan till IMY'],
    ['Cybersäkerhet och cybersäkerhetslagen (NIS2)', 'cybersäkerhet och cybersäkerhetslagen (NIS2)'],
    [
      'Krisberedskap och risk- och sårbarhetsanalys (RSA)',
      'krisberedskap och risk- och sårbarhetsanalys (RSA)',
    ],
    ['IT-säkerhet i förvaltningen', 'IT-säkerhet i förvaltningen'],
    ['NIS2 och rapportering', 'NIS2 och rapportering'],
    ['MCF:s roll', 'MCF:s roll'],
    ['Hot och våld', 'hot och våld'],
    ['Ärendehantering', 'ärendehantering'],
    ['', ''],
  ])('%j becomes %j', (title, expected) => {
    expect(inSentence(title)).toBe(expected);
  });
});
