/**
 * Rules every card the bot can send must keep, checked on every template rendered with the whole
 * knowledge base and every report step, in Swedish and in English: button titles short enough that
 * Teams does not cut them, acronyms in capitals, and one language per card (no English contact
 * fallback or bot text on a Swedish card, and no Swedish on an English one).
 */
import { join } from 'node:path';
import { stampLanguage, MAX_ACTION_TITLE } from '../src/cards/actions';
import { renderCard } from '../src/cards/renderCard';
import { TEMPLATE_NAMES, type CardView } from '../src/cards/templates';
import { STRINGS, ROLE_STRINGS, type Locale } from '../src/i18n/strings';
import { looksEnglish, looksSwedish } from '../src/search/normalize';
import { ContactResolver } from '../src/knowledge/contacts';
import { loadKnowledge } from '../src/knowledge/loader';
import { reduceReport, resumeOfferView, type ReportDraft } from '../src/report/flow/flow';
import { REPORT_TYPES } from '../src/report/reportTypes/steps';
import type { Report } from '../src/report/types';
import {
  notificationView,
  receiptView,
  reportDetailView,
  reportListView,
  statusChangedView,
} from '../src/report/views';
import { RolesService } from '../src/roles/service';
import { badInputView, messageView } from '../src/views/common';
import {
  answerView,
  dangerNowView,
  didYouMeanView,
  fallbackView,
  helpView,
  welcomeView,
} from '../src/views/knowledgeViews';
import { areaView, browseView, checklistView, organisationChoiceView } from '../src/views/rolesViews';
import { fillField } from './helpers/report';

const { kb } = loadKnowledge(join(__dirname, '..', 'knowledge'));
const roles = new RolesService(kb);
const LOCALES: Locale[] = ['sv', 'en'];
type Json = Record<string, unknown>;

function report(locale: Locale, overrides: Partial<Report> = {}): Report {
  const type = REPORT_TYPES[0]!;
  const answers = Object.fromEntries(
    type.steps.flatMap((s) => s.fields.map((f) => [f.id, fillField(f, 'En besökare hotade mig.')])),
  );
  return {
    id: 1,
    reference: 'SG-2026-000001',
    type: type.id,
    status: 'mottagen',
    reporter: { userId: '29:a', aadObjectId: 'aad-a', name: locale === 'sv' ? 'Kim' : 'Kim' },
    answers,
    createdAt: '2026-03-10T09:30:00.000Z',
    updatedAt: '2026-03-10T09:30:00.000Z',
    ...overrides,
  };
}

/** Every view the bot can send in this language, named for the test output. */
function allViews(locale: Locale): Array<[string, CardView]> {
  const contacts = new ContactResolver(kb.contacts, locale);
  const ctx = { locale, contacts };
  const out: Array<[string, CardView]> = [];
  for (const topic of kb.topics) {
    const related = topic.related
      .map((id) => kb.topics.find((t) => t.id === id))
      .filter((t) => t !== undefined);
    out.push([`answer ${topic.id}`, answerView(topic, related, ctx)]);
  }
  for (let i = 0; i < kb.topics.length; i += 3)
    out.push([`did-you-mean ${i}`, didYouMeanView(kb.topics.slice(i, i + 3), ctx)]);
  out.push(['fallback', fallbackView(ctx)], ['welcome', welcomeView(ctx)], ['help', helpView(ctx)]);
  out.push(['danger-now', dangerNowView(ctx)]);
  out.push(['bad input', badInputView(locale)]);
  out.push(['message', messageView(STRINGS[locale].helpTitle, [STRINGS[locale].emptyText])]);
  for (const org of [undefined, roles.organisation('jarva')]) {
    for (const r of kb.responsibilities)
      out.push([`responsibility ${r.id}`, roles.responsibilityCard(r, ctx, org)]);
    for (const role of kb.roles)
      out.push([`role ${role.id}`, roles.roleCard(role.id, ctx, org?.id) as CardView]);
    for (const cl of kb.checklists) out.push([`checklist ${cl.id}`, checklistView(cl, kb, ctx, org)]);
  }
  out.push(['browse', browseView(ctx)]);
  for (const area of new Set(kb.responsibilities.map((r) => r.area)))
    out.push([`area ${area}`, areaView(area, roles.area(area), ctx)]);
  out.push([
    'org-choose',
    organisationChoiceView(roles.organisationList(), ctx, 'jarva', ROLE_STRINGS[locale].orgMissing),
  ]);

  // The report flow, every step of every type, and the cards around it.
  for (const type of REPORT_TYPES) {
    let n = 0;
    const fctx = {
      now: new Date(),
      locale,
      newDraftId: () => `d-${++n}`,
      contacts: (k: string) => contacts.resolve(k).text,
    };
    let draft: ReportDraft | undefined;
    const press = (verb: string, data: Json = {}) => {
      const r = reduceReport(draft, { verb, data: { draftId: draft?.draftId, ...data } }, fctx);
      draft = r.draft;
      out.push([`${type.id} ${verb} -> ${r.view.template}`, r.view]);
      return r;
    };
    press('report.start');
    press('report.safety', { danger: 'yes' });
    press('report.resume');
    press('report.chooseType', { reportType: type.id });
    press('report.next', {}); // refused: every required field's message
    for (const step of type.steps) {
      press('report.next', Object.fromEntries(step.fields.map((f) => [f.id, fillField(f, 'Text.')])));
    }
    out.push([`${type.id} resume offer`, resumeOfferView(draft!, fctx)]);
    press('report.cancel'); // "Vill du slänga rapporten?"
    press('report.resume');
    press('report.next', { draftId: 'old' }); // stale
    press('report.cancel', { confirm: 'yes' });
  }
  const vctx = { locale, contacts: (k: string) => contacts.resolve(k).text };
  out.push(
    ['receipt', receiptView(report(locale), vctx)],
    ['notification', notificationView(report(locale), { includeText: false }, vctx)],
    ['list', reportListView([report(locale)], { title: 'Rapporter', showReporter: true }, vctx)],
    ['detail', reportDetailView(report(locale), { canSetStatus: true, showReporter: true }, vctx)],
    ['status-changed', statusChangedView(report(locale, { status: 'avslutad' }), vctx)],
  );
  return out;
}

/** Renders as the bot does (Turn.card): the card's language stamped on it and its buttons. */
function render(view: CardView, locale: Locale): Json {
  return stampLanguage(renderCard(view.template, view.data), view.locale ?? locale);
}

function walk(node: unknown, visit: (n: Json, key: string) => void, key = ''): void {
  if (Array.isArray(node)) node.forEach((c) => walk(c, visit, key));
  else if (node && typeof node === 'object') {
    visit(node as Json, key);
    for (const [k, v] of Object.entries(node)) walk(v, visit, k);
  }
}

/** Titles of the actions a client shows as buttons (a selectAction makes a row clickable instead). */
function buttonTitles(card: Json): string[] {
  const titles: string[] = [];
  walk(card, (n, key) => {
    if (key === 'selectAction' || key === 'fallback') return;
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string')
      titles.push(n.title);
  });
  return titles;
}

/** The card's heading (its first TextBlock) and its other bold lines. */
function headings(card: Json): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' && typeof n.text === 'string' && (out.length === 0 || n.weight === 'Bolder'))
      out.push(n.text);
  });
  return out;
}

/** Visible texts of a card (what a person reads), without link targets. */
function visibleTexts(card: Json): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    for (const k of ['text', 'title', 'label', 'placeholder', 'value'] as const)
      if (typeof n[k] === 'string' && n.type !== 'Input.ChoiceSet')
        out.push(n[k].replace(/\]\([^)]*\)/g, ']'));
  });
  return out;
}

/**
 * A text that reads as the other language. Quoted phrases ("Fly – sök skydd – larma") and names
 * (Säkerhetsguiden, Stockholm Vatten och Avfall AB) are the same in both and left out; source
 * titles cite documents as they are named.
 */
function otherLanguage(text: string, cardLocale: Locale, sources: string): boolean {
  if (sources.includes(text)) return false;
  const plain = text
    .replace(/"[^"]*"|“[^”]*”|”[^”]*”/g, ' ')
    .replace(/(?<!\p{L})\p{Lu}[\p{L}\p{N}.'’-]*/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.split(' ').length < 5) return false;
  return cardLocale === 'sv' ? looksEnglish(plain) : looksSwedish(plain);
}

const LOWER_ACRONYM = /(?<![\w./@-])(imy|nis2|rsa|mcf|msb|gdpr|afs|kia|posom)(?![\w./@])/;

/** The phrases that give a card away as the other language: contact fallbacks and the bot's own texts. */
function phrasesOf(locale: Locale): string[] {
  const contacts = new ContactResolver(kb.contacts, locale);
  const other = locale === 'sv' ? 'en' : 'sv';
  const otherContacts = new ContactResolver(kb.contacts, other);
  const phrases = new Set<string>();
  for (const key of kb.contacts.keys()) {
    for (const audience of ['anstalld', 'fortroendevald'] as const) {
      const mine = contacts.forAudience(audience).resolve(key).text;
      const theirs = otherContacts.forAudience(audience).resolve(key).text;
      // Only the part in brackets is language (names like "KIA" are the same in both).
      const fallback = /\(([^)]*)\)$/.exec(mine)?.[1];
      if (fallback && mine !== theirs && !theirs.includes(fallback)) phrases.add(fallback);
    }
  }
  for (const [k, v] of Object.entries(STRINGS[locale])) {
    const theirs = (STRINGS[other] as Record<string, unknown>)[k];
    if (typeof v === 'string' && v !== theirs && v.length >= 12 && !/Säkerhetsguiden/.test(v)) phrases.add(v);
  }
  return [...phrases];
}

describe.each(LOCALES)('every card the bot can send, in %s', (locale) => {
  const views = allViews(locale);
  const rendered = views.map(([name, v]) => [name, v, render(v, locale)] as const);
  const foreign = phrasesOf(locale === 'sv' ? 'en' : 'sv');
  const own = phrasesOf(locale);

  test('the cases cover every template', () => {
    const covered = new Set(views.map(([, v]) => v.template));
    expect(TEMPLATE_NAMES.filter((t) => !covered.has(t))).toEqual([]);
  });

  test(`no button title is longer than ${MAX_ACTION_TITLE} characters (Teams cuts them)`, () => {
    const long = rendered.flatMap(([name, , card]) =>
      buttonTitles(card)
        .filter((t) => [...t].length > MAX_ACTION_TITLE)
        .map((t) => `${name}: "${t}"`),
    );
    expect(long).toEqual([]);
  });

  test('acronyms stay in capitals in titles and buttons', () => {
    const lower = rendered.flatMap(([name, , card]) => {
      return [...headings(card), ...buttonTitles(card)]
        .filter((t) => LOWER_ACRONYM.test(t))
        .map((t) => `${name}: "${t}"`);
    });
    expect(lower).toEqual([]);
  });

  test('each card is in one language: none of the other language’s fallbacks or texts', () => {
    const mixed = rendered.flatMap(([name, v, card]) => {
      const cardLocale = v.locale ?? locale;
      const texts = visibleTexts(card);
      const all = texts.join('\n');
      const wrong = cardLocale === locale ? foreign : own;
      const raw = (v.data as Json).sources;
      const sources = (typeof raw === 'string' ? raw : '').replace(/\]\([^)]*\)/g, ']');
      return [
        ...wrong.filter((p) => all.includes(p)).map((p) => `${name} (${cardLocale}): "${p}"`),
        ...texts
          .filter((t) => otherLanguage(t, cardLocale, sources))
          .map((t) => `${name} (${cardLocale}): "${t.slice(0, 80)}"`),
      ];
    });
    expect(mixed).toEqual([]);
  });

  test('each card and each of its buttons carry the card’s language', () => {
    for (const [, v, card] of rendered) {
      expect(card.lang).toBe(v.locale ?? locale);
      walk(card, (n) => {
        if (n.type !== 'Action.Submit' || !n.data || typeof n.data !== 'object') return;
        // Only "Hela svaret på svenska" on an English card opens the other language, on purpose.
        const opensSwedish = (n.data as Json).verb === 'kb.open' && n.title === STRINGS.en.inSwedish;
        expect((n.data as Json).lang).toBe(opensSwedish ? 'sv' : (v.locale ?? locale));
      });
    }
  });
});
