import type { CardView } from '../cards/templates';
import type { ButtonData } from '../cards/contracts';
import { strings, type Locale } from '../i18n/strings';
import type { ContactResolver } from '../knowledge/contacts';

export type { CardView } from '../cards/templates';

/** What every view builder needs to know about the person it speaks to. */
export interface ViewContext {
  locale: Locale;
  contacts: ContactResolver;
}

/** A button that posts back a declared verb (see cards/verbs.ts). */
export type ButtonView = ButtonData;

/** A simple titled card with paragraphs and optional buttons. */
export function messageView(title: string, paragraphs: string[], actions: ButtonView[] = []): CardView {
  return { template: 'message', data: { title, paragraphs: paragraphs.map((text) => ({ text })), actions } };
}

/** "Det där förstod jag inte" with a way on: the answer to any card action that cannot be acted on. */
export function badInputView(locale: Locale): CardView {
  const s = strings(locale);
  return messageView(
    s.badInputTitle,
    [s.badInputText],
    [{ title: s.buttonHelp, data: { verb: 'help.show' } }],
  );
}
