import { renderCard } from '../../cards/renderCard';
import type { FlowContext, FlowResult, ReportDraft } from './flow';
import { isReportVerb, normaliseDraft, reduceReport, resumeOfferView, toNewReport } from './flow';
import { getReportType, REPORT_TYPES } from '../reportTypes/steps';
import type { ReportTypeId } from '../types';

// 2026-03-10 11:00 in Stockholm (UTC+1 in winter).
const NOW = new Date('2026-03-10T10:00:00Z');

function makeCtx(overrides: Partial<FlowContext> = {}): FlowContext {
  let n = 0;
  return { now: NOW, locale: 'sv', newDraftId: () => `draft-${++n}`, ...overrides };
}

type Data = Record<string, unknown>;

interface Session {
  ctx: FlowContext;
  draft: ReportDraft | undefined;
  last: FlowResult | undefined;
  /** Presses a button on the card last shown: verb + the card's own action data + typed inputs. */
  press(verb: string, inputs?: Data): FlowResult;
}

function session(ctx: FlowContext = makeCtx()): Session {
  const s: Session = {
    ctx,
    draft: undefined,
    last: undefined,
    press(verb, inputs = {}) {
      const action = s.last ? findAction(s.last, verb) : undefined;
      const data: Data = { ...(action ?? { verb }), ...inputs };
      const result = reduceReport(s.draft, { verb, data }, ctx);
      s.draft = result.draft;
      s.last = result;
      return result;
    },
  };
  return s;
}

/** Everything in the rendered card, depth first, so tests can look for elements and actions. */
function walkJson(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walkJson(child, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((child) => walkJson(child, visit));
  }
}

function render(result: FlowResult): Record<string, unknown> {
  return renderCard(result.view.template, result.view.data);
}

/** The data of the first Action.Submit in the rendered card with this verb (what the client sends). */
function findAction(result: FlowResult, verb: string, match: Data = {}): Data | undefined {
  let found: Data | undefined;
  walkJson(render(result), (n) => {
    if (found || n.type !== 'Action.Submit') return;
    const data = n.data as Data | undefined;
    if (data?.verb !== verb) return;
    if (Object.entries(match).every(([k, v]) => data[k] === v)) found = data;
  });
  return found;
}

/** The values a client sends with a submit: every input on the card as it was filled in. */
function cardValues(result: FlowResult): Data {
  const values: Data = {};
  walkJson(render(result), (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string')
      values[n.id] = typeof n.value === 'string' ? n.value : '';
  });
  return values;
}

/** The input with this id and the TextBlock that follows it in the same container, if any. */
function inputAndNext(result: FlowResult, id: string): { input?: Data; next?: Data } {
  let out: { input?: Data; next?: Data } = {};
  walkJson(render(result), (n) => {
    const items = n.items;
    if (!Array.isArray(items)) return;
    const i = items.findIndex(
      (it: Data) => typeof it.type === 'string' && it.type.startsWith('Input.') && it.id === id,
    );
    if (i >= 0) out = { input: items[i] as Data, next: items[i + 1] as Data | undefined };
  });
  return out;
}

function viewData(result: FlowResult): Data {
  return result.view.data as Data;
}

const LONG_DESCRIPTION = 'Lång beskrivning. '.repeat(600).slice(0, 10_000);

/** Valid answers for every step of every type, in step order. */
const WALKS: Record<ReportTypeId, Data[]> = {
  'hot-och-vald': [
    { handelse: 'hot,trakasserier' },
    { drabbad: 'kollega', roll: 'anstalld' },
    { datum: '2026-03-09', tid: '14:30' },
    { organisation: 'Södermalms stadsdelsförvaltning', platstyp: 'hembesok' },
    { beskrivning: LONG_DESCRIPTION },
    { garningspersonKand: 'vill-inte-svara', garningspersonBeskrivning: '' },
    { polis: 'polisanmalt', chefInformerad: 'ja', stod: 'ja' },
  ],
  'otillaten-paverkan': [
    { form: 'mutforsok' },
    { arende: 'Ett bygglovsärende.' },
    { beskrivning: 'En sökande erbjöd biljetter till en match.' },
    { datum: '2026-03-10', tid: '09:15', organisation: 'Stadsbyggnadskontoret' },
    { pagar: 'vet-inte', chefInformerad: 'nej' },
  ],
  informationssakerhet: [
    { handelse: 'felskickat' },
    { datum: '2026-03-01', tid: '', organisation: 'Utbildningsförvaltningen' },
    { personuppgifter: 'ja' },
    { system: 'E-post' },
    { beskrivning: 'Ett mejl med elevuppgifter gick till fel mottagare.' },
  ],
};

function expectedAnswers(type: ReportTypeId): Record<string, string> {
  const out: Record<string, string> = {};
  for (const step of WALKS[type]) for (const [k, v] of Object.entries(step)) if (v !== '') out[k] = String(v);
  return out;
}

/** Starts a report of `type` and answers its first `steps` steps. */
function startedAt(type: ReportTypeId, steps: number, ctx?: FlowContext): Session {
  const s = session(ctx);
  s.press('report.start');
  s.press('report.safety', { danger: 'no' });
  s.press('report.chooseType', { reportType: type });
  for (let i = 0; i < steps; i++) s.press('report.next', WALKS[type][i]);
  return s;
}

function expectCleanCard(result: FlowResult): void {
  const card = render(result);
  expect(card.version).toBe('1.5');
  expect(JSON.stringify(card)).not.toContain('${');
  const data = viewData(result);
  expect(typeof data.progress).toBe('string');
  expect(typeof data.draftId).toBe('string');
}

describe('reduceReport: whole walks', () => {
  test.each(REPORT_TYPES.map((t) => [t.id]))(
    'when a %s report is answered step by step, Skicka hands over every answer under the draft id',
    (typeId) => {
      const type = getReportType(typeId)!;
      const s = session();
      let r = s.press('report.start');
      expect(r.view.template).toBe('report-safety');
      expect(viewData(r).title).toBe('Är någon i fara just nu?');
      expectCleanCard(r);
      r = s.press('report.safety', { danger: 'no' });
      expect(r.view.template).toBe('report-type');
      expectCleanCard(r);
      r = s.press('report.chooseType', { reportType: typeId });
      const total = type.steps.length + 1;
      for (let i = 0; i < type.steps.length; i++) {
        expect(r.view.template).toBe('report-step');
        expect(viewData(r).progress).toBe(`Steg ${i + 1} av ${total}`);
        expectCleanCard(r);
        r = s.press('report.next', WALKS[typeId][i]);
      }
      expect(r.view.template).toBe('report-summary');
      expect(viewData(r).progress).toBe(`Steg ${total} av ${total}`);
      expectCleanCard(r);
      r = s.press('report.submit');
      expect(r.submit).toEqual({ draftId: 'draft-1', type: typeId, answers: expectedAnswers(typeId) });
      expect(r.draft?.phase).toBe('submitting');
      expectCleanCard(r);
    },
  );

  test('when report.start carries a valid report type, the safety answer leads straight to step 1', () => {
    const s = session();
    s.press('report.start', { reportType: 'informationssakerhet' });
    const r = s.press('report.safety', { danger: 'no' });
    expect(r.view.template).toBe('report-step');
    expect(r.draft?.type).toBe('informationssakerhet');
    expect(viewData(r).progress).toBe('Steg 1 av 6');
  });

  test('when report.start carries an unknown report type, the type choice is shown after the safety question', () => {
    const s = session();
    s.press('report.start', { reportType: 'nonsense' });
    expect(s.press('report.safety', { danger: 'no' }).view.template).toBe('report-type');
  });

  test('when a verb arrives without any draft and without a draft id, a new report starts', () => {
    const r = reduceReport(undefined, { verb: 'report.next', data: {} }, makeCtx());
    expect(r.view.template).toBe('report-safety');
    expect(r.draft?.phase).toBe('safety');
  });
});

describe('reduceReport: someone in danger', () => {
  test('when someone is in danger, the 112 card is shown and the draft is paused until resumed', () => {
    const s = session();
    s.press('report.start');
    let r = s.press('report.safety', { danger: 'yes' });
    expect(r.view.template).toBe('report-danger');
    expect(r.draft?.phase).toBe('paused');
    const texts: string[] = [];
    walkJson(render(r), (n) => {
      if (n.type === 'TextBlock') texts.push(String(n.text));
    });
    expect(texts[0]).toBe('112');
    expect(texts.join(' ')).toContain('114 14');
    expect(texts.join(' ')).toContain('Ta dig i säkerhet först');
    expect(findAction(r, 'report.resume')).toEqual({ verb: 'report.resume', draftId: 'draft-1' });
    r = s.press('report.resume');
    expect(r.view.template).toBe('report-type');
    expect(r.draft?.phase).toBe('type');
    r = s.press('report.chooseType', { reportType: 'hot-och-vald' });
    expect(r.view.template).toBe('report-step');
  });

  test('when a paused draft with a preset type is resumed, it continues at step 1', () => {
    const s = session();
    s.press('report.start', { reportType: 'hot-och-vald' });
    s.press('report.safety', { danger: 'yes' });
    const r = s.press('report.resume');
    expect(r.view.template).toBe('report-step');
    expect(r.draft?.stepIndex).toBe(0);
  });

  test('when the safety answer is neither yes nor no, the question is asked again with a message', () => {
    const s = session();
    s.press('report.start');
    const r = s.press('report.safety', { danger: 'kanske' });
    expect(r.view.template).toBe('report-safety');
    expect(viewData(r).error).toBe('Svara ja eller nej med knapparna.');
    expect(r.draft?.phase).toBe('safety');
  });
});

describe('reduceReport: an existing draft', () => {
  test('when report.start arrives while a draft has answers, the resume offer is shown and the draft is kept', () => {
    const s = startedAt('hot-och-vald', 2);
    const before = s.draft;
    const r = s.press('report.start');
    expect(r.view.template).toBe('report-resume');
    expect(viewData(r).title).toBe('Du har ett påbörjat utkast');
    expect(r.draft).toEqual(before);
    expectCleanCard(r);
    const resumed = s.press('report.resume');
    expect(resumed.view.template).toBe('report-step');
    expect(resumed.draft?.stepIndex).toBe(2);
  });

  test('when the person discards the offered draft, it is cleared and the bot confirms', () => {
    const s = startedAt('otillaten-paverkan', 1);
    s.press('report.start');
    const r = s.press('report.discard');
    expect(r.draft).toBeUndefined();
    expect(r.view.template).toBe('report-cancelled');
    expectCleanCard(r);
  });

  test('when report.start arrives while the draft has no progress yet, a fresh draft replaces it', () => {
    const s = session();
    s.press('report.start');
    const r = s.press('report.start');
    expect(r.view.template).toBe('report-safety');
    expect(r.draft?.draftId).toBe('draft-2');
  });

  test('resumeOfferView after a restart names the type and offers continue and discard', () => {
    const s = startedAt('informationssakerhet', 3);
    const view = resumeOfferView(s.draft!, makeCtx());
    expect(view.template).toBe('report-resume');
    expect((view.data as Data).text).toContain('informationssäkerhet');
    expect((view.data as Data).progress).toBe('Steg 4 av 6');
    const card = JSON.stringify(renderCard(view.template, view.data));
    expect(card).toContain('"report.discard"');
    expect(card).not.toContain('${');
  });

  test('resumeOfferView given an unreadable draft offers to start over instead of throwing', () => {
    const view = resumeOfferView({ nonsense: true } as unknown as ReportDraft, makeCtx());
    expect(view.template).toBe('report-message');
  });
});

describe('reduceReport: back and cancel', () => {
  const steps = REPORT_TYPES.flatMap((t) => t.steps.map((_, i) => [t.id, i] as const));

  test.each(steps)(
    'when the person goes back from %s step %i, the previous card is shown with its answers',
    (type, i) => {
      const s = startedAt(type, i);
      const r = s.press('report.back');
      if (i === 0) {
        expect(r.view.template).toBe('report-type');
        expect(r.draft?.phase).toBe('type');
      } else {
        expect(r.view.template).toBe('report-step');
        expect(r.draft?.stepIndex).toBe(i - 1);
        const [firstId, firstValue] = Object.entries(WALKS[type][i - 1]!)[0]!;
        expect(inputAndNext(r, firstId).input?.value).toBe(firstValue);
      }
      expect(r.draft?.answers).toEqual(s.draft?.answers);
    },
  );

  test.each(steps)(
    'when the person cancels at %s step %i, a draft with answers is kept until "Ja, släng rapporten"',
    (type, i) => {
      const s = startedAt(type, i);
      const r = s.press('report.cancel');
      if (i === 0) {
        // Nothing written yet: nothing to lose, no question.
        expect(r.draft).toBeUndefined();
        expect(r.view.template).toBe('report-cancelled');
        return;
      }
      expect(viewData(r).title).toBe('Vill du slänga rapporten?');
      expect(r.draft?.answers).toEqual(s.draft?.answers);
      expect(Object.keys(r.draft!.answers).length).toBeGreaterThan(0);
      const confirmed = s.press('report.cancel', { confirm: 'yes' });
      expect(confirmed.draft).toBeUndefined();
      expect(confirmed.view.template).toBe('report-cancelled');
      expect(viewData(confirmed).text).toBe('Rapporten är avbruten och utkastet raderat.');
    },
  );

  test('when the person cancels, then chooses "Fortsätt rapporten", the step is back with what was typed on it', () => {
    const s = startedAt('hot-och-vald', 4);
    const typed = 'En lång beskrivning som inte får försvinna.';
    s.press('report.cancel', { beskrivning: typed });
    expect(s.draft?.answers.beskrivning).toBe(typed);
    const r = s.press('report.resume');
    expect(r.view.template).toBe('report-step');
    expect(inputAndNext(r, 'beskrivning').input?.value).toBe(typed);
  });

  test('when the person presses "Tillbaka" after typing on a step, the text is kept for when they return', () => {
    const s = startedAt('hot-och-vald', 4);
    const typed = 'En lång beskrivning.\nAndra stycket, som tog tid att skriva.';
    const back = s.press('report.back', { beskrivning: typed });
    expect(back.draft?.stepIndex).toBe(3);
    const again = s.press('report.next', cardValues(back));
    expect(again.draft?.stepIndex).toBe(4);
    expect(inputAndNext(again, 'beskrivning').input?.value).toBe(typed);
  });

  test('when "Tillbaka" carries an answer that would not pass, it is kept as typed and checked at "Nästa"', () => {
    const s = startedAt('hot-och-vald', 2);
    const back = s.press('report.back', { datum: '2099-01-01' });
    const again = s.press('report.next', cardValues(back));
    expect(inputAndNext(again, 'datum').input?.value).toBe('2099-01-01');
    const refused = s.press('report.next', cardValues(again));
    expect(refused.draft?.stepIndex).toBe(2);
    expect(String(inputAndNext(refused, 'datum').next?.text)).toMatch(/framtiden/);
  });

  test('when the person cancels on the summary, the bot asks once and then clears the draft', () => {
    const s = startedAt('informationssakerhet', 5);
    expect(s.press('report.cancel').draft).toBeDefined();
    expect(s.press('report.cancel', { confirm: 'yes' }).draft).toBeUndefined();
  });

  test('when the person goes back from the summary, the last step is shown', () => {
    const s = startedAt('otillaten-paverkan', 5);
    const r = s.press('report.back');
    expect(r.view.template).toBe('report-step');
    expect(r.draft?.stepIndex).toBe(4);
  });

  test('when the person goes back to the type choice and picks another type, the old answers are dropped', () => {
    const s = startedAt('hot-och-vald', 1);
    s.press('report.back');
    s.press('report.back');
    const r = s.press('report.chooseType', { reportType: 'informationssakerhet' });
    expect(r.draft?.answers).toEqual({});
    expect(r.draft?.type).toBe('informationssakerhet');
  });

  test('when the person goes back to the type choice and picks the same type, the answers are kept', () => {
    const s = startedAt('hot-och-vald', 1);
    s.press('report.back');
    s.press('report.back');
    const r = s.press('report.chooseType', { reportType: 'hot-och-vald' });
    expect(r.draft?.answers).toEqual({ handelse: 'hot,trakasserier' });
  });
});

describe('reduceReport: editing from the summary', () => {
  test('when the person edits a step from the summary, Nästa saves it and returns to the summary', () => {
    const s = startedAt('hot-och-vald', 7);
    const edit = findAction(s.last!, 'report.edit', { step: '1' });
    expect(edit).toBeDefined();
    let r = s.press('report.edit', edit);
    expect(r.view.template).toBe('report-step');
    expect(r.draft?.editingFromSummary).toBe(true);
    expect(inputAndNext(r, 'drabbad').input?.value).toBe('kollega');
    r = s.press('report.next', { drabbad: 'fortroendevald', roll: 'fortroendevald' });
    expect(r.view.template).toBe('report-summary');
    expect(r.draft?.editingFromSummary).toBeUndefined();
    expect(r.draft?.answers.drabbad).toBe('fortroendevald');
    expect(JSON.stringify(render(r))).toContain('En förtroendevald');
  });

  test('when the person goes back from a step opened with Ändra, the summary returns without the changes', () => {
    const s = startedAt('informationssakerhet', 5);
    s.press('report.edit', findAction(s.last!, 'report.edit', { step: '0' }));
    const r = s.press('report.back');
    expect(r.view.template).toBe('report-summary');
    expect(r.draft?.answers.handelse).toBe('felskickat');
  });

  test('when report.edit names a step that does not exist, the summary is shown again', () => {
    const s = startedAt('informationssakerhet', 5);
    for (const step of ['99', '-1', 'x', 3.5, null]) {
      const r = reduceReport(
        s.draft,
        { verb: 'report.edit', data: { verb: 'report.edit', draftId: 'draft-1', step } },
        s.ctx,
      );
      expect(r.view.template).toBe('report-summary');
      expect(r.draft).toEqual(s.draft);
    }
  });

  test('the summary shows choice labels, not codes, grouped per step with an Ändra button each', () => {
    const s = startedAt('hot-och-vald', 7);
    const data = viewData(s.last!);
    const groups = data.groups as {
      title: string;
      step: string;
      items: { label: string; value: string }[];
    }[];
    expect(groups.map((g) => g.step)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(groups[0]!.items[0]).toEqual({ label: 'Vilken sorts händelse?', value: 'Hot, Trakasserier' });
    expect(groups[3]!.items[1]).toEqual({ label: 'Typ av plats', value: 'Vid hembesök' });
    expect(groups[6]!.items.map((i) => i.value)).toEqual(['Ja, polisanmält', 'Ja', 'Ja']);
  });
});

describe('reduceReport: validation on the card', () => {
  const TOO_LONG = 'x'.repeat(12_345);
  const cases: {
    name: string;
    type: ReportTypeId;
    step: number;
    inputs: Data;
    field: string;
    message: string | RegExp;
  }[] = [
    {
      name: 'a required text is empty',
      type: 'hot-och-vald',
      step: 4,
      inputs: { beskrivning: '   ' },
      field: 'beskrivning',
      message: 'Fyll i det här fältet.',
    },
    {
      name: 'a required choice is missing',
      type: 'hot-och-vald',
      step: 1,
      inputs: { roll: 'chef' },
      field: 'drabbad',
      message: 'Välj ett alternativ.',
    },
    {
      name: 'the text is too long',
      type: 'hot-och-vald',
      step: 4,
      inputs: { beskrivning: TOO_LONG },
      field: 'beskrivning',
      message: 'Texten är 12 345 tecken lång; högst 10 000 tecken får plats. Korta texten lite.',
    },
    {
      name: 'the date is in the future',
      type: 'hot-och-vald',
      step: 2,
      inputs: { datum: '2026-03-11', tid: '08:00' },
      field: 'datum',
      message: 'Datumet ligger i framtiden. Välj dagens datum eller ett tidigare.',
    },
    {
      name: 'the time today has not come yet (Stockholm time)',
      type: 'informationssakerhet',
      step: 1,
      inputs: { datum: '2026-03-10', tid: '11:30', organisation: 'Kulturförvaltningen' },
      field: 'tid',
      message: 'Den tiden har inte varit än i dag. Välj en tidigare tid.',
    },
    {
      name: 'the date is malformed',
      type: 'otillaten-paverkan',
      step: 3,
      inputs: { datum: '2026-02-30', organisation: 'Kulturförvaltningen' },
      field: 'datum',
      message: /Datumet kunde inte läsas/,
    },
    {
      name: 'the time is malformed',
      type: 'otillaten-paverkan',
      step: 3,
      inputs: { datum: '2026-03-01', tid: '25:61', organisation: 'Kulturförvaltningen' },
      field: 'tid',
      message: /Tiden kunde inte läsas/,
    },
    {
      name: 'a choice value is unknown',
      type: 'hot-och-vald',
      step: 3,
      inputs: { organisation: 'Kulturförvaltningen', platstyp: 'manen' },
      field: 'platstyp',
      message: 'Välj ett av alternativen i listan.',
    },
    {
      name: 'a multichoice holds an unknown value',
      type: 'hot-och-vald',
      step: 0,
      inputs: { handelse: 'hot,drakar' },
      field: 'handelse',
      message: 'Välj ett av alternativen i listan.',
    },
    {
      name: 'a value is not a string',
      type: 'hot-och-vald',
      step: 3,
      inputs: { organisation: { evil: true }, platstyp: 'mote' },
      field: 'organisation',
      message: 'Svaret kunde inte läsas. Fyll i fältet igen.',
    },
  ];

  test.each(cases)(
    'when $name, the step is shown again with the message under the field and the entered values kept',
    ({ type, step, inputs, field, message }) => {
      const s = startedAt(type, step);
      const before = s.draft;
      const r = s.press('report.next', inputs);
      expect(r.draft).toEqual(before);
      expect(r.view.template).toBe('report-step');
      expect(viewData(r).hasErrors).toBe(true);
      const { input, next } = inputAndNext(r, field);
      expect(next?.type).toBe('TextBlock');
      expect(next?.color).toBe('attention');
      // Swedish digit grouping uses a no-break space; compare as people read it.
      expect(String(next?.text).replace(/\u00a0/g, ' ')).toMatch(message);
      for (const [id, value] of Object.entries(inputs)) {
        if (typeof value !== 'string') continue;
        expect(inputAndNext(r, id).input?.value).toBe(value.trim());
      }
      expect(input).toBeDefined();
      expectCleanCard(r);
    },
  );

  test('when a date is today and the time has passed, the step is accepted', () => {
    const s = startedAt('informationssakerhet', 1);
    const r = s.press('report.next', {
      datum: '2026-03-10',
      tid: '10:59',
      organisation: 'Kulturförvaltningen',
    });
    expect(r.draft?.stepIndex).toBe(2);
  });

  test('date fields carry no client-side limit (the client would refuse a later date silently)', () => {
    const s = startedAt('hot-och-vald', 2);
    expect(inputAndNext(s.last!, 'datum').input).toBeDefined();
    expect(inputAndNext(s.last!, 'datum').input?.max).toBeUndefined();
  });

  test('a long text field shows its limit as "högst N tecken" and an optional field says it can be skipped', () => {
    const s = startedAt('hot-och-vald', 5);
    const fields = viewData(s.last!).fields as Data[];
    expect(fields[1]!.hint).toBe('Högst 2\u00a0000 tecken.');
    expect(fields[0]!.label).toBe('Vet du vem som låg bakom? (kan hoppas över)');
  });

  test('the privacy note is visible on the free-text step', () => {
    const s = startedAt('hot-och-vald', 4);
    expect(JSON.stringify(render(s.last!))).toContain(
      'Skriv inte fler personuppgifter än som behövs – till exempel inte personnummer.',
    );
  });

  test('when stored answers no longer pass at Skicka, the failing step opens with its message and no submit', () => {
    const s = startedAt('otillaten-paverkan', 5);
    const tampered: ReportDraft = { ...s.draft!, answers: { ...s.draft!.answers, pagar: 'kanske' } };
    const r = reduceReport(
      tampered,
      { verb: 'report.submit', data: { verb: 'report.submit', draftId: 'draft-1', at: 'summary' } },
      s.ctx,
    );
    expect(r.submit).toBeUndefined();
    expect(r.draft?.phase).toBe('step');
    expect(r.draft?.stepIndex).toBe(4);
    expect(r.draft?.editingFromSummary).toBe(true);
    expect(inputAndNext(r, 'pagar').next?.text).toBe('Välj ett av alternativen i listan.');
  });
});

describe('reduceReport: the information security reminder', () => {
  test.each([
    ['ja', true],
    ['vet-inte', true],
    ['nej', false],
  ])('when personal data involved is %s, the next card shows the IMY reminder: %s', (answer, shown) => {
    const s = startedAt('informationssakerhet', 2);
    const r = s.press('report.next', { personuppgifter: answer });
    const data = viewData(r);
    expect((data.notice as Data).show).toBe(shown);
    expect(data.contactKey).toBe(shown ? 'dataskyddsombud' : '');
    const card = JSON.stringify(render(r));
    expect(card.includes('72 timmar')).toBe(shown);
    expect(card.includes('Kontakta dataskyddsombudet')).toBe(shown);
  });

  test('when the context resolves contacts, the reminder carries the contact text', () => {
    const ctx = makeCtx({ contacts: (key) => (key === 'dataskyddsombud' ? 'dso@example.se' : '') });
    const s = startedAt('informationssakerhet', 3, ctx);
    expect(viewData(s.last!).contactText).toBe('dso@example.se');
    expect(JSON.stringify(render(s.last!))).toContain('dso@example.se');
  });
});

describe('reduceReport: stale and odd presses', () => {
  test('when a card from another draft is pressed, the stale card is shown and the current draft is untouched', () => {
    const s = startedAt('hot-och-vald', 3);
    const before = s.draft;
    for (const verb of ['report.next', 'report.cancel', 'report.submit', 'report.discard', 'report.back']) {
      const r = reduceReport(before, { verb, data: { verb, draftId: 'draft-old', beskrivning: 'x' } }, s.ctx);
      expect(r.view.template).toBe('report-stale');
      expect(viewData(r).title).toBe('Det här formuläret är inte längre aktivt');
      expect(r.draft).toEqual(before);
      expect(findAction(r, 'report.start')).toEqual({ verb: 'report.start' });
    }
  });

  test('when a card is pressed after its draft is gone, the stale card offers to start over', () => {
    const r = reduceReport(
      undefined,
      { verb: 'report.next', data: { draftId: 'draft-9', beskrivning: 'x' } },
      makeCtx(),
    );
    expect(r.draft).toBeUndefined();
    expect(r.view.template).toBe('report-stale');
    expect(viewData(r).canResume).toBe(false);
    expect(findAction(r, 'report.resume')).toBeUndefined();
    expect(findAction(r, 'report.start')).toBeDefined();
  });

  test('when an older card of the same draft is pressed, the draft is untouched and the person can continue', () => {
    const s = startedAt('hot-och-vald', 1);
    const oldCard = s.last!;
    s.press('report.next', WALKS['hot-och-vald'][1]);
    const before = s.draft;
    const data = { ...findAction(oldCard, 'report.next'), drabbad: 'annan', roll: 'chef' };
    const r = reduceReport(before, { verb: 'report.next', data }, s.ctx);
    expect(r.view.template).toBe('report-stale');
    expect(r.draft).toEqual(before);
    expect(findAction(r, 'report.resume')).toEqual({ verb: 'report.resume', draftId: 'draft-1' });
  });

  test.each([
    ['an unknown verb', { verb: 'report.explode', data: { draftId: 'draft-1' } }],
    ['a verb that is not a string', { verb: 42, data: {} }],
    ['data that is null', { verb: 'report.next', data: null }],
    ['data that is an array', { verb: 'report.safety', data: ['yes'] }],
    ['no input at all', undefined],
  ])('when the input is %s, a friendly card comes back and nothing throws', (_name, input) => {
    const s = startedAt('hot-och-vald', 2);
    const r = reduceReport(s.draft, input as never, s.ctx);
    expect(r.view.template).toMatch(/^report-/);
    expectCleanCard(r);
  });

  test.each([
    ['not an object', 'draft'],
    ['without a draft id', { phase: 'step', answers: {} }],
    ['with an unknown phase', { draftId: 'd', phase: 'flying' }],
  ])('when the stored draft is %s, it is treated as absent', (_name, state) => {
    const r = reduceReport(state as never, { verb: 'report.start', data: {} }, makeCtx());
    expect(r.view.template).toBe('report-safety');
  });

  test('a stored draft whose type left the step table asks for the type again', () => {
    const draft = normaliseDraft({
      draftId: 'd',
      phase: 'step',
      type: 'gone',
      stepIndex: 3,
      answers: { a: 'b', n: 1 },
    });
    expect(draft).toMatchObject({ phase: 'type', answers: {}, stepIndex: 0 });
  });

  test('a stored step index beyond the table is clamped rather than crashing', () => {
    const draft = normaliseDraft({
      draftId: 'd',
      phase: 'step',
      type: 'hot-och-vald',
      stepIndex: 99,
      answers: {},
    });
    expect(draft?.stepIndex).toBe(6);
  });
});

describe('reduceReport: Skicka', () => {
  test('when Skicka is pressed twice, both results carry the same submission and draft id', () => {
    const s = startedAt('informationssakerhet', 5);
    const summary = s.last!;
    const first = s.press('report.submit');
    const again = reduceReport(
      first.draft,
      { verb: 'report.submit', data: findAction(summary, 'report.submit')! },
      s.ctx,
    );
    expect(first.submit).toBeDefined();
    expect(again.submit).toEqual(first.submit);
    expect(again.draft).toEqual(first.draft);
  });

  test('when Skicka is pressed after the bot cleared the stored draft, the stale card explains it', () => {
    const s = startedAt('informationssakerhet', 5);
    const summary = s.last!;
    s.press('report.submit');
    const r = reduceReport(
      undefined,
      { verb: 'report.submit', data: findAction(summary, 'report.submit')! },
      s.ctx,
    );
    expect(r.submit).toBeUndefined();
    expect(r.view.template).toBe('report-stale');
  });

  test('when Skicka arrives before the summary, nothing is submitted', () => {
    const s = startedAt('informationssakerhet', 2);
    const r = reduceReport(s.draft, { verb: 'report.submit', data: { draftId: 'draft-1' } }, s.ctx);
    expect(r.submit).toBeUndefined();
    expect(r.draft).toEqual(s.draft);
  });

  test('toNewReport uses the draft id as idempotency key', () => {
    const s = startedAt('informationssakerhet', 5);
    const submit = s.press('report.submit').submit!;
    const report = toNewReport(submit, { userId: 'u1' }, { organisationId: 'kultur' });
    expect(report).toEqual({
      type: 'informationssakerhet',
      reporter: { userId: 'u1' },
      organisationId: 'kultur',
      answers: submit.answers,
      idempotencyKey: 'draft-1',
    });
  });
});

describe('reduceReport: user text is stored exactly as entered', () => {
  const texts: [string, string][] = [
    ['template syntax', 'Han skrev ${user.name} och {{x}} och @{y} i chatten.'],
    ['10 000 characters', 'å'.repeat(10_000)],
    ['emoji', 'Hot via sms 😡🔪👨‍👩‍👧 och 🇸🇪'],
    ['right-to-left text', 'هدد الموظف ‏שלום‏ mixed'],
    ['odd Unicode', 'Ｚｅｒｏ\u200bwidth, e\u0301, \ufeffBOM inside, tab\there, line\nbreak'],
  ];

  test.each(texts)(
    '%s survives to the submitted answers and shows literally on the summary',
    (_name, text) => {
      const s = startedAt('hot-och-vald', 4);
      s.press('report.next', { beskrivning: text });
      for (let i = 5; i < 7; i++) s.press('report.next', WALKS['hot-och-vald'][i]);
      const summary = s.last!;
      const runs: string[] = [];
      walkJson(render(summary), (n) => {
        if (n.type === 'TextRun') runs.push(String(n.text));
      });
      expect(runs).toContain(text);
      const r = s.press('report.submit');
      expect(r.submit?.answers.beskrivning).toBe(text);
    },
  );

  test('outer whitespace is trimmed and control characters other than tab and newline are removed', () => {
    const s = startedAt('hot-och-vald', 4);
    const r = s.press('report.next', {
      beskrivning: '  \r\n Rad ett\r\nRad\u0000 två\u0007\tslut \u001b \n ',
    });
    expect(r.draft?.answers.beskrivning).toBe('Rad ett\nRad två\tslut');
  });

  test('a value far beyond the limit is echoed shortened so the card still fits in Teams', () => {
    const s = startedAt('hot-och-vald', 4);
    const r = s.press('report.next', { beskrivning: 'y'.repeat(50_000) });
    const input = inputAndNext(r, 'beskrivning').input;
    expect(String(input?.value).length).toBe(20_000);
    expect(String(inputAndNext(r, 'beskrivning').next?.text)).toContain('50');
  });
});

describe('reduceReport: English', () => {
  test('when the locale is English, the cards speak English', () => {
    const s = session(makeCtx({ locale: 'en' }));
    expect(viewData(s.press('report.start')).title).toBe('Is anyone in danger right now?');
    s.press('report.safety', { danger: 'no' });
    const r = s.press('report.chooseType', { reportType: 'hot-och-vald' });
    expect(viewData(r).progress).toBe('Step 1 of 8');
    expect(viewData(r).next).toBe('Next');
  });
});

test('isReportVerb knows exactly the report verbs', () => {
  expect(isReportVerb('report.next')).toBe(true);
  expect(isReportVerb('reports.open')).toBe(false);
  expect(isReportVerb(undefined)).toBe(false);
});
