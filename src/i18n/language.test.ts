import { replyLanguage } from './language';

describe('the language of a reply', () => {
  test.each([
    ['a first message that is one Swedish command word', { text: 'rapportera' }, 'sv', 'default'],
    ['a first message in English', { text: 'what do I do if someone threatens me?' }, 'en', 'typed'],
    ['a first message in Swedish', { text: 'vad gör jag om någon hotar mig?' }, 'sv', 'typed'],
    [
      'an English conversation and a word that is not clearly either',
      { text: 'help', conversation: 'en' as const },
      'en',
      'conversation',
    ],
    [
      'a Swedish conversation and an English word',
      { text: 'report', conversation: 'sv' as const },
      'sv',
      'conversation',
    ],
    [
      'an English conversation where the person now writes Swedish',
      { text: 'vem ansvarar för krisberedskapen?', conversation: 'en' as const },
      'sv',
      'typed',
    ],
    [
      'a click on a Swedish card in an English conversation',
      { text: '', cardLanguage: 'sv', conversation: 'en' as const },
      'sv',
      'card',
    ],
    [
      'a click on an English card in a Swedish conversation',
      { text: '', cardLanguage: 'en', conversation: 'sv' as const },
      'en',
      'card',
    ],
    ['a click on a card with an odd language', { text: '', cardLanguage: 'de' }, 'sv', 'default'],
    ['nothing at all', { text: '' }, 'sv', 'default'],
  ])('%s', (_name, signals, locale, source) => {
    expect(replyLanguage(signals)).toEqual({ locale, source });
  });
});
