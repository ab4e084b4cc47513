import type { Locale } from '../i18n/strings';
import type { ContactResolver } from '../knowledge/contacts';

/** A card to send: a template name from cards/ and the data to bind. */
export interface CardView {
  template: string;
  data: object;
}

/** What every view builder needs to know about the person it speaks to. */
export interface ViewContext {
  locale: Locale;
  contacts: ContactResolver;
}

/** A button that posts back a namespaced verb (see the router's verb table). */
export interface ButtonView {
  title: string;
  data: { verb: string } & Record<string, unknown>;
}

/** A simple titled card with paragraphs and optional buttons. */
export function messageView(title: string, paragraphs: string[], actions: ButtonView[] = []): CardView {
  return { template: 'message', data: { title, paragraphs: paragraphs.map((text) => ({ text })), actions } };
}
