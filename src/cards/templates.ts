import type { Locale } from '../i18n/strings';

/**
 * The card templates, declared once: one name per JSON file in the top-level cards/ folder
 * (cards.test.ts checks the folder against this list), so a view naming a template that does not
 * exist fails to compile.
 */
import type { CardContracts } from './contracts';

export const TEMPLATE_NAMES = [
  'answer',
  'danger-now',
  'did-you-mean',
  'fallback',
  'help',
  'message',
  'org-choose',
  'report-cancelled',
  'report-danger',
  'report-detail',
  'report-list',
  'report-message',
  'report-notification',
  'report-receipt',
  'report-resume',
  'report-safety',
  'report-stale',
  'report-status-changed',
  'report-step',
  'report-summary',
  'report-type',
  'roles-area',
  'roles-browse',
  'roles-checklist',
  'roles-responsibility',
  'roles-role',
  'welcome',
] as const;

/** One of TEMPLATE_NAMES. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The data a template binds: its contract where one is declared (contracts.ts). */
export type CardDataOf<T extends TemplateName> = T extends keyof CardContracts ? CardContracts[T] : object;

/**
 * A card to show: a template name and the data to bind with renderCard, checked against its
 * contract; `locale` is the one language the card is written in when it differs from the
 * conversation's (an answer whose knowledge exists only in Swedish), and its buttons answer in it.
 */
export type CardView = {
  [T in TemplateName]: { template: T; data: CardDataOf<T>; locale?: Locale };
}[TemplateName];
