import { looksEnglish, looksSwedish } from '../search/normalize';
import type { Locale } from './strings';

/** What decides the language of a reply (the client's locale is deliberately not among them). */
export interface LanguageSignals {
  /** What the person typed in this message (empty for a card click). */
  text: string;
  /** The language of the card a clicked button was on (stamped into every action's data). */
  cardLanguage?: unknown;
  /** The language this conversation last wrote in. */
  conversation?: Locale;
}

/** Where a language came from; `typed` is the only one that changes the conversation's language. */
export type LanguageSource = 'typed' | 'card' | 'conversation' | 'default';

export function isLocale(v: unknown): v is Locale {
  return v === 'sv' || v === 'en';
}

/**
 * The language of the bot's reply. Swedish by default; English only when the person writes English.
 * A conversation keeps its language until the person's own text clearly changes it (a single word
 * like "rapportera" or "help" changes nothing); a button answers in the language of the card it was on.
 * Teams' `locale` (en-US for anyone whose Teams is in English, and always in the Agents Playground)
 * says nothing about the language of the conversation, so it is not an input.
 */
export function replyLanguage(signals: LanguageSignals): { locale: Locale; source: LanguageSource } {
  const text = signals.text.trim();
  if (text && looksEnglish(text)) return { locale: 'en', source: 'typed' };
  if (text && looksSwedish(text)) return { locale: 'sv', source: 'typed' };
  if (!text && isLocale(signals.cardLanguage)) return { locale: signals.cardLanguage, source: 'card' };
  if (signals.conversation) return { locale: signals.conversation, source: 'conversation' };
  return { locale: 'sv', source: 'default' };
}
