import type { Locale } from '../i18n/strings';
import type { Organisation } from '../roles/schema';
import type { ContactAudience } from './audience';
import { CONTACT_PLACEHOLDER } from './checks';
import type { Contact } from './schema';

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

/** What a card says for an unset contact without a fallback of its own, per audience. */
const UNSET: Record<ContactAudience, Record<Locale, string>> = {
  anstalld: { sv: 'fråga din chef om kontaktuppgifter', en: 'ask your manager for contact details' },
  // Elected officials have no manager (kb:check requires fallback_fv where FV topics use a contact).
  fortroendevald: {
    sv: 'fråga nämndsekreteraren om kontaktuppgifter',
    en: 'ask the committee secretary for contact details',
  },
};

export interface ResolvedContact {
  key: string;
  name: string;
  /** Phone, e-mail or link; undefined while the city has not filled it in. */
  value?: string;
  /** One line for a card: "säkerhetsfunktionen (08-…)" or "säkerhetsfunktionen (fråga din chef om kontaktuppgifter)". */
  text: string;
}

/** Resolves contact placeholders for one user (locale, organisation and audience). */
export class ContactResolver {
  constructor(
    private readonly contacts: Map<string, Contact>,
    readonly locale: Locale = 'sv',
    private readonly organisation?: Organisation,
    readonly audience: ContactAudience = 'anstalld',
  ) {}

  /** The same person's resolver for another audience (an FV topic's card speaks to an elected official). */
  forAudience(audience: ContactAudience): ContactResolver {
    return audience === this.audience
      ? this
      : new ContactResolver(this.contacts, this.locale, this.organisation, audience);
  }

  /** The same person's resolver in another language, so a card's contacts match the card's text. */
  inLocale(locale: Locale): ContactResolver {
    return locale === this.locale
      ? this
      : new ContactResolver(this.contacts, locale, this.organisation, this.audience);
  }

  resolve(key: string): ResolvedContact {
    const c = this.contacts.get(key);
    const baseName = c ? c.name[this.locale] : key;
    const org = this.organisation && ORGANISATION_SCOPED.has(key) ? this.organisation : undefined;
    const name = org ? `${baseName} (${org.name})` : baseName;
    const value = (org?.contacts[key] ?? '').trim() || c?.value || undefined;
    const fallback = this.audience === 'fortroendevald' ? c?.fallbackElected : c?.fallback;
    const unset = fallback?.[this.locale] ?? UNSET[this.audience][this.locale];
    return { key, name, value, text: value ? `${name} (${value})` : `${name} (${unset})` };
  }

  /** Replaces every {kontakt:KEY} in a text; an unknown key becomes the generic security-function text. */
  fill(text: string): string {
    return text.replace(CONTACT_PLACEHOLDER, (_m, key: string) =>
      this.contacts.has(key) ? this.resolve(key).text : this.resolve('sakerhetsfunktion').text,
    );
  }
}
