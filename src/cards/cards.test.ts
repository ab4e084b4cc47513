import { join } from 'node:path';
import { loadKnowledge } from '../knowledge/loader';
import { ContactResolver } from '../knowledge/contacts';
import { RolesService } from '../roles/service';
import { messageView } from '../views/common';
import {
  answerView,
  dangerNowView,
  didYouMeanView,
  fallbackView,
  helpView,
  welcomeView,
} from '../views/knowledgeViews';
import { areaView, browseView, organisationChoiceView } from '../views/rolesViews';
import type { CardView } from '../views/common';
import { readFileSync } from 'node:fs';
import { renderCard, renderView, templateNames } from './renderCard';
import { TEMPLATE_NAMES } from './templates';
import { isVerb, VERBS } from './verbs';
import { VERB_HANDLERS } from '../bot/router';

/** The cards folder as renderCard finds it from the sources. */
const cardsDir = () => join(__dirname, '..', '..', 'cards');
const { kb } = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
const roles = new RolesService(kb);
const ctx = { locale: 'sv' as const, contacts: new ContactResolver(kb.contacts, 'sv') };
const topic = (id: string) => kb.topics.find((t) => t.id === id)!;

/** Every knowledge and roles view with realistic data (report views are tested in src/report). */
function views(): Array<[string, CardView]> {
  const org = roles.organisation('jarva');
  return [
    ['answer', answerView(topic('hv-akut-hotad-nu'), [topic('hv-stod-efterat')], ctx)],
    ['answer (no steps)', answerView(topic('fv-ptu-statistik'), [], { ...ctx, locale: 'en' })],
    ['did-you-mean', didYouMeanView([topic('op-jav-bedomning'), topic('op-jav-namnd')], ctx)],
    ['fallback', fallbackView(ctx)],
    ['danger-now', dangerNowView(ctx)],
    ['danger-now (en)', dangerNowView({ ...ctx, locale: 'en' })],
    ['welcome', welcomeView(ctx)],
    ['help', helpView(ctx)],
    ['message', messageView('Rubrik', ['Text'], [{ title: 'Hjälp', data: { verb: 'help.show' } }])],
    ['responsibility', roles.responsibilityCard(roles.responsibility('informationssakerhet')!, ctx, org)],
    ['role', roles.roleCard('sakerhetssamordnare', ctx, 'jarva')!],
    ['checklist', roles.answer('vad måste jag göra som chef när en medarbetare hotats?', ctx)!.view],
    ['browse', browseView(ctx)],
    ['area', areaView('IS', roles.area('IS'), ctx)],
    ['org-choose', organisationChoiceView(roles.organisationList(), ctx, 'jarva', 'Välj i listan.')],
  ];
}

describe('card templates', () => {
  test('a view must carry every field of its template contract (checked by the compiler)', () => {
    // @ts-expect-error a message card without its actions does not compile
    const missing: CardView = { template: 'message', data: { title: 'Rubrik', paragraphs: [] } };
    expect(() => renderView(missing)).not.toThrow();
  });

  test('the cards folder holds exactly the declared templates', () => {
    expect(templateNames()).toEqual([...TEMPLATE_NAMES].sort());
  });

  test('every verb a template names is declared, and every declared verb has a handler', () => {
    const named = TEMPLATE_NAMES.flatMap((name) =>
      [...readFileSync(join(cardsDir(), `${name}.json`), 'utf8').matchAll(/"verb":\s*"([^"$]+)"/g)].map(
        (m) => m[1],
      ),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((verb) => !isVerb(verb))).toEqual([]);
    expect(Object.keys(VERB_HANDLERS).sort()).toEqual([...VERBS].sort());
  });

  test('every template is Adaptive Card 1.5 or lower (what Teams renders)', () => {
    for (const name of TEMPLATE_NAMES) {
      const card = renderCard(name, {});
      expect(card.type).toBe('AdaptiveCard');
      expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    }
  });

  test.each(views())('%s: no unbound ${ survives expansion', (_name, view) => {
    const json = JSON.stringify(renderCard(view.template, view.data));
    expect(json).not.toContain('${');
    expect(json.length).toBeLessThan(28_000);
  });

  test('user text containing ${...} is shown literally, not evaluated', () => {
    const text = 'Han skrev ${process.exit()} och ${$root.title} 🙂 שלום';
    const card = renderView(messageView('Rubrik', [text]));
    expect(JSON.stringify(card)).toContain(JSON.stringify(text).slice(1, -1));
  });

  test('the answer card puts 112 first for urgent topics and names its source', () => {
    const card = JSON.stringify(renderView(answerView(topic('hv-akut-hotad-nu'), [], ctx)));
    expect(card.indexOf('112')).toBeLessThan(card.indexOf(topic('hv-akut-hotad-nu').title.sv));
    expect(card).toContain('Källa');
    expect(card).toContain('Senast granskad');
    expect(card).toContain('"verb":"report.start"');
    expect(card).toContain('"verb":"kb.feedback"');
  });

  test('unset contacts render as a clear fallback, never as a raw placeholder', () => {
    const card = JSON.stringify(renderView(answerView(topic('hv-stod-efterat'), [], ctx)));
    expect(card).not.toMatch(/\{kontakt:|<[^>]*kontakt/);
    expect(card).toContain('fråga din chef om kontaktuppgifter');
  });

  test('a card for elected officials never sends them to a manager for contact details', () => {
    const forElected = kb.topics.filter((t) => t.area === 'FV');
    expect(forElected.length).toBeGreaterThanOrEqual(9);
    for (const t of forElected) {
      const card = JSON.stringify(renderView(answerView(t, [], ctx)));
      expect(card).not.toMatch(/fråga din chef|ask your manager/);
    }
  });

  test('an employee topic asked by someone who says they are an elected official gets their fallbacks', () => {
    const asked = answerView(topic('is-incident-rapportera'), [], ctx, {
      question: 'jag är politiker och klickade på en länk i ett mejl',
    });
    const card = JSON.stringify(renderView(asked));
    expect(card).not.toContain('fråga din chef om kontaktuppgifter');
    expect(card).toContain('nämndsekreteraren');
  });

  describe('language: one language per card, contacts in the card’s language', () => {
    const en = { locale: 'en' as const, contacts: new ContactResolver(kb.contacts, 'en') };
    const view = (id: string, c: { locale: 'sv' | 'en'; contacts: ContactResolver } = en) =>
      answerView(topic(id), [], c);
    const data = (id: string, c: { locale: 'sv' | 'en'; contacts: ContactResolver } = en) =>
      view(id, c).data as {
        title: string;
        steps: Array<{ text: string }>;
        stepsNote: string;
        answerNote: string;
        inSwedishLabel: string;
        paragraphs: Array<{ text: string }>;
      };

    test('someone who writes English gets an urgent topic as an English card: title, steps and contacts', () => {
      expect(view('hv-akut-hotad-nu').locale).toBe('en');
      const d = data('hv-akut-hotad-nu');
      expect(d.title).toBe(topic('hv-akut-hotad-nu').title.en);
      expect(d.steps[0]?.text).toMatch(/^Get to safety and call 112/);
      const steps = d.steps.map((x) => x.text).join(' ');
      expect(steps).toContain(
        'the on-call or deputy manager under your local routine (see your local routine or ask a colleague)',
      );
      expect(steps).not.toMatch(/fråga|kontaktuppgifter|lokala rutin/);
    });

    test('the Swedish-only rest of the answer is not mixed in: the English card says so and offers it in Swedish', () => {
      const d = data('hv-akut-hotad-nu');
      expect(d.answerNote).toBe('The rest of this answer is available in Swedish only.');
      expect(d.paragraphs).toEqual([]);
      const answer = view('hv-akut-hotad-nu');
      const card = renderCard(answer.template, answer.data);
      expect(JSON.stringify(card)).toContain('"verb":"kb.open","topicId":"hv-akut-hotad-nu","lang":"sv"');
    });

    test('a topic without English steps is a Swedish card throughout, Swedish contacts included', () => {
      expect(view('hv-stod-efterat').locale).toBe('sv');
      const d = data('hv-stod-efterat');
      expect(d.title).toBe(topic('hv-stod-efterat').title.sv);
      expect(d.answerNote).toBe('');
      const steps = d.steps.map((x) => x.text).join(' ');
      expect(steps).not.toMatch(/ask your|the security function|occupational health/);
    });

    test('a Swedish reader gets no English text and no language notes', () => {
      const d = data('hv-akut-hotad-nu', ctx);
      expect(d.title).toBe(topic('hv-akut-hotad-nu').title.sv);
      expect(d.stepsNote).toBe('');
      expect(d.answerNote).toBe('');
      expect(JSON.stringify(d)).not.toMatch(/ask your manager|on-call|Call 112/);
    });

    test('every urgent topic has English steps', () => {
      for (const t of kb.topics.filter((x) => x.urgent)) expect(t.stepsEn?.length).toBe(t.steps.length);
    });
  });

  test("with Järva chosen, the security function is named as Järva's", () => {
    const jarva = new ContactResolver(kb.contacts, 'sv', roles.organisation('jarva'));
    expect(jarva.resolve('sakerhetsfunktion').text).toContain('Järva');
  });
});
