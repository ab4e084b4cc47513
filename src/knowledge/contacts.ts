import type { Locale } from '../i18n/strings';
import type { Organisation } from '../roles/schema';
import { CONTACT_PLACEHOLDER } from './checks';
import type { Contact } from './loader';

/**
 * Contacts that differ per förvaltning or bolag: with the user's organisation known, these are
 * named as that organisation's (and take its value when organisations.yaml gives one).
 */
const ORGANISATION_SCOPED = new Set([
  'sakerhetsfunktion',
  'foretagshalsovard',
  'krisledning',
  'krisledningsplan',
  'dataskyddsombud',
  'jourhavande-chef',
  'it-sakerhet',
]);

const UNSET: Record<Locale, string> = {
  sv: 'fråga din chef om kontaktuppgifter',
  en: 'ask your manager for contact details',
};

export interface ResolvedContact {
  key: string;
  name: string;
  /** Phone, e-mail or link; undefined while the city has not filled it in. */
  value?: string;
  /** One line for a card: "säkerhetsfunktionen (08-…)" or "säkerhetsfunktionen (fråga din chef om kontaktuppgifter)". */
  text: string;
}

/** Resolves contact placeholders for one user (locale and organisation). */
export class ContactResolver {
  constructor(
    private readonly contacts: Map<string, Contact>,
    private readonly locale: Locale = 'sv',
    private readonly organisation?: Organisation,
  ) {}

  resolve(key: string): ResolvedContact {
    const c = this.contacts.get(key);
    const baseName = c ? c.name[this.locale] : key;
    const org = this.organisation && ORGANISATION_SCOPED.has(key) ? this.organisation : undefined;
    const name = org ? `${baseName} (${org.name})` : baseName;
    const value = (org?.contacts[key] ?? '').trim() || c?.value || undefined;
    const unset = c?.fallback?.[this.locale] ?? UNSET[this.locale];
    return { key, name, value, text: value ? `${name} (${value})` : `${name} (${unset})` };
  }

  /** Replaces every {kontakt:KEY} in a text; an unknown key becomes the generic security-function text. */
  fill(text: string): string {
    return text.replace(CONTACT_PLACEHOLDER, (_m, key: string) =>
      this.contacts.has(key) ? this.resolve(key).text : this.resolve('sakerhetsfunktion').text,
    );
  }
}
