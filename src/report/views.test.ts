import { renderCard, templateNames } from '../cards/renderCard';
import type { FlowContext, FlowResult, ReportDraft } from './flow/flow';
import { reduceReport, resumeOfferView } from './flow/flow';
import type { Report, ReportStatus, ReportTypeId } from './types';
import { canTransition, REPORT_STATUSES } from './lifecycle';
import type { CardView, ViewContext } from './views';
import {
  nextStatuses,
  notificationView,
  receiptView,
  reportDetailView,
  reportListView,
  statusChangedView,
} from './views';

const NOW = new Date('2026-03-10T10:00:00Z');
const CONTACTS: Record<string, string> = {
  kia: 'KIA på intranätet',
  foretagshalsovard: 'Företagshälsovården, 08-123 456',
  krisstod: 'Krisstöd via POSOM',
  dataskyddsombud: 'dataskyddsombud@example.se',
};
const vctx: ViewContext = { locale: 'sv', contacts: (key) => CONTACTS[key] ?? `okänd kontakt ${key}` };
const fctx = (): FlowContext => {
  let n = 0;
  return { now: NOW, locale: 'sv', newDraftId: () => `draft-${++n}`, contacts: (k) => CONTACTS[k] ?? '' };
};

const DESCRIPTION_10K = 'Personen skrek och hotade att komma tillbaka. '.repeat(300).slice(0, 10_000);

function report(overrides: Partial<Report> = {}): Report {
  return {
    id: 123,
    reference: 'SG-2026-000123',
    type: 'hot-och-vald',
    status: 'mottagen',
    reporter: { userId: '29:abc', aadObjectId: 'aad-1', name: 'Kim Andersson' },
    answers: {
      handelse: 'hot,vald',
      drabbad: 'jag-sjalv',
      roll: 'anstalld',
      datum: '2026-03-09',
      tid: '14:30',
      organisation: 'Södermalms stadsdelsförvaltning',
      platstyp: 'arbetsplats',
      beskrivning: 'En besökare hotade mig i receptionen.',
      polis: 'nej',
      chefInformerad: 'ja',
      stod: 'ja',
    },
    createdAt: '2026-03-10T09:30:00.000Z',
    updatedAt: '2026-03-10T09:30:00.000Z',
    ...overrides,
  };
}

type Json = Record<string, unknown>;

function walkJson(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walkJson(child, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Json);
    Object.values(node).forEach((child) => walkJson(child, visit));
  }
}

function texts(card: unknown, type: 'TextBlock' | 'TextRun' = 'TextBlock'): string[] {
  const out: string[] = [];
  walkJson(card, (n) => {
    if (n.type === type) out.push(String(n.text));
  });
  return out;
}

function actions(card: unknown): Json[] {
  const out: Json[] = [];
  walkJson(card, (n) => {
    if (n.type === 'Action.Submit') out.push(n.data as Json);
  });
  return out;
}

/** Drives the flow to get realistic data for every flow template. */
function flowViews(): Record<string, CardView> {
  const ctx = fctx();
  const views: Record<string, CardView> = {};
  let draft: ReportDraft | undefined;
  const press = (verb: string, data: Json = {}): FlowResult => {
    const r = reduceReport(draft, { verb, data: { draftId: draft?.draftId, ...data } }, ctx);
    draft = r.draft;
    views[r.view.template] ??= r.view;
    return r;
  };
  press('report.start');
  press('report.safety', { danger: 'yes' });
  press('report.resume');
  press('report.chooseType', { reportType: 'informationssakerhet' });
  press('report.next', { handelse: 'enhet' });
  press('report.next', { datum: '2026-03-09', tid: '08:00', organisation: 'Kulturförvaltningen' });
  press('report.next', { personuppgifter: 'vet-inte' });
  press('report.next', { system: 'Mobil' });
  press('report.next', { beskrivning: DESCRIPTION_10K });
  views['report-resume'] = resumeOfferView(draft!, ctx);
  press('report.submit');
  const stale = reduceReport(draft, { verb: 'report.next', data: { draftId: 'other' } }, ctx);
  views[stale.view.template] = stale.view;
  press('report.cancel');
  press('report.cancel', { confirm: 'yes' });
  return views;
}

function postSubmitViews(): Record<string, CardView> {
  return {
    'report-receipt': receiptView(report(), vctx),
    'report-notification': notificationView(report(), { includeText: true }, vctx),
    'report-list': reportListView(
      [report(), report({ reference: 'SG-2026-000124', type: 'informationssakerhet', status: 'avslutad' })],
      { title: 'Rapporter att hantera', showReporter: true },
      vctx,
    ),
    'report-detail': reportDetailView(report(), { canSetStatus: true, showReporter: true }, vctx),
    'report-status-changed': statusChangedView(report({ status: 'under-utredning' }), vctx),
  };
}

describe('report card templates', () => {
  const all = { ...flowViews(), ...postSubmitViews() };
  const reportTemplates = templateNames().filter((name) => name.startsWith('report-'));

  test('every report template in cards/ is exercised with realistic data', () => {
    expect(reportTemplates.sort()).toEqual(Object.keys(all).sort());
    expect(reportTemplates).toHaveLength(14);
  });

  test.each(Object.entries(all))(
    '%s renders to a version 1.5 card with nothing left unbound',
    (template, view) => {
      expect(view.template).toBe(template);
      const card = renderCard(view.template, view.data);
      const json = JSON.stringify(card);
      expect(JSON.parse(json)).toEqual(card);
      expect(card.type).toBe('AdaptiveCard');
      expect(card.version).toBe('1.5');
      expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
      expect(json).not.toContain('${');
      expect(json).not.toContain('$when');
      expect(json).not.toContain('"$data"');
    },
  );

  test.each(Object.entries(all))(
    '%s stays under 40 KB even with a 10 000-character description',
    (_t, view) => {
      const bytes = Buffer.byteLength(JSON.stringify(renderCard(view.template, view.data)), 'utf8');
      expect(bytes).toBeLessThan(40 * 1024);
    },
  );

  test('a 10 000-character description stays under 40 KB on the step, summary, notification and detail cards', () => {
    const withLong = report({ answers: { ...report().answers, beskrivning: DESCRIPTION_10K } });
    const cards = [
      all['report-summary']!,
      notificationView(withLong, { includeText: true }, vctx),
      reportDetailView(withLong, { canSetStatus: true }, vctx),
    ];
    const ctx = fctx();
    const step = reduceReport(
      {
        draftId: 'd',
        type: 'hot-och-vald',
        phase: 'step',
        stepIndex: 4,
        answers: { beskrivning: DESCRIPTION_10K },
        startedAt: '',
        updatedAt: '',
      },
      { verb: 'report.resume', data: { draftId: 'd' } },
      ctx,
    );
    cards.push(step.view);
    for (const view of cards) {
      const json = JSON.stringify(renderCard(view.template, view.data));
      expect(json).toContain(DESCRIPTION_10K);
      expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(40 * 1024);
    }
  });

  test('on the danger card, 112 is the first text and 114 14 and "Ta dig i säkerhet först" follow', () => {
    const card = renderCard('report-danger', all['report-danger']!.data);
    const blocks = texts(card);
    expect(blocks[0]).toBe('112');
    expect(blocks.join('\n')).toMatch(/114 14/);
    expect(blocks).toContain('Ta dig i säkerhet först.');
  });

  test('every button carries a namespaced verb, and flow buttons carry the draft id', () => {
    for (const [template, view] of Object.entries(all)) {
      for (const data of actions(renderCard(view.template, view.data))) {
        expect(String(data.verb)).toMatch(/^reports?\.[a-zA-Z]+$/);
        if (String(data.verb).startsWith('report.') && data.verb !== 'report.start') {
          expect({ template, draftId: data.draftId }).toEqual({
            template,
            draftId: expect.stringMatching(/^draft-/),
          });
        }
      }
    }
  });
});

describe('user text in cards', () => {
  const evil = 'Han skrev ${x} och ${$root.draftId} och **fet** [länk](https://evil.example)';
  const evilReport = report({
    answers: { ...report().answers, beskrivning: evil, organisation: '${organisation}' },
    reporter: { userId: 'u', name: '${name}' },
  });

  test.each([
    ['notification', notificationView(evilReport, { includeText: true }, vctx)],
    ['detail', reportDetailView(evilReport, { canSetStatus: false, showReporter: true }, vctx)],
  ])('on the %s card, text with ${x} shows literally as plain text runs', (_name, view) => {
    const card = renderCard(view.template, view.data);
    const runs = texts(card, 'TextRun');
    expect(runs).toContain(evil);
    expect(runs).toContain('${organisation}');
    expect(texts(card)).not.toContain(evil);
  });

  test('the list shows a reporter name with ${...} literally', () => {
    const view = reportListView([evilReport], { title: 'Mina', showReporter: true }, vctx);
    expect(texts(renderCard(view.template, view.data), 'TextRun')).toContain('${name}');
  });
});

describe('receiptView', () => {
  function receiptText(r: Report): string {
    const view = receiptView(r, vctx);
    return texts(renderCard(view.template, view.data)).join('\n');
  }

  test('a threat report receipt has the reference, the thanks, what happens next and the duties outside the bot', () => {
    const text = receiptText(report());
    expect(text).toContain('SG-2026-000123');
    expect(text).toContain('Tack – din rapport är mottagen');
    expect(text).toContain('Säkerhetsfunktionen läser rapporten och återkommer');
    expect(text).toContain('114 14');
    expect(text).toContain('polisen.se');
    expect(text).toContain('112');
    expect(text).toContain('Arbetsmiljöverket');
    expect(text).toContain('utan dröjsmål, helst samma dag');
    expect(text).toContain('KIA på intranätet');
    expect(text).toContain('Företagshälsovården, 08-123 456');
    expect(text).toContain('Krisstöd via POSOM');
    expect(text).toContain('1177');
    expect(text).toContain('vägvisare');
    expect(text).not.toContain('IMY');
  });

  test.each<[string, ReportTypeId, Record<string, string> | null, boolean, boolean]>([
    [
      'information security with personal data',
      'informationssakerhet',
      { personuppgifter: 'ja' },
      true,
      false,
    ],
    [
      'information security, unsure about personal data',
      'informationssakerhet',
      { personuppgifter: 'vet-inte' },
      true,
      false,
    ],
    [
      'information security without personal data',
      'informationssakerhet',
      { personuppgifter: 'nej' },
      false,
      false,
    ],
    ['undue influence', 'otillaten-paverkan', { chefInformerad: 'ja' }, false, false],
    ['threats and violence', 'hot-och-vald', {}, false, true],
  ])(
    'for %s, the IMY reminder is %s and the Arbetsmiljöverket duty is %s',
    (_name, type, answers, imy, av) => {
      const text = receiptText(report({ type, answers }));
      expect(text.includes('IMY inom 72 timmar')).toBe(imy);
      expect(text.includes('dataskyddsombud@example.se')).toBe(imy);
      expect(text.includes('Arbetsmiljöverket')).toBe(av);
      expect(text).toContain('SG-2026-000123');
    },
  );

  test('a stolen device reminds the reporter to report the theft to the police', () => {
    expect(
      receiptText(
        report({ type: 'informationssakerhet', answers: { handelse: 'enhet', personuppgifter: 'nej' } }),
      ),
    ).toContain('polisanmäl stölden');
  });

  test('English receipts are in English', () => {
    const view = receiptView(report(), { ...vctx, locale: 'en' });
    expect((view.data as Json).title).toBe('Thank you – your report has been received');
  });
});

describe('notificationView', () => {
  test('with includeText, authorised viewers see the free text; without it, only that it exists', () => {
    const withText = notificationView(report(), { includeText: true }, vctx);
    const withoutText = notificationView(report(), { includeText: false }, vctx);
    const a = JSON.stringify(renderCard(withText.template, withText.data));
    const b = JSON.stringify(renderCard(withoutText.template, withoutText.data));
    expect(a).toContain('En besökare hotade mig i receptionen.');
    expect(b).not.toContain('En besökare hotade mig i receptionen.');
    expect(b).toContain('Fritexten visas bara för behöriga');
    for (const json of [a, b]) {
      expect(json).toContain('SG-2026-000123');
      expect(json).toContain('Hot och våld');
      expect(json).toContain('Södermalms stadsdelsförvaltning');
      expect(json).toContain('Mottagen');
      expect(json).toContain('2026-03-10 10:30');
      expect(json).toContain('"reports.open"');
    }
  });
});

describe('reportListView and reportDetailView', () => {
  test('the list shows reference, type, date and status with an Öppna button per report', () => {
    const view = reportListView([report()], { title: 'Mina rapporter', showReporter: false }, vctx);
    const card = renderCard(view.template, view.data);
    const text = texts(card).join('\n');
    expect(text).toContain('SG-2026-000123');
    expect(text).toContain('Hot och våld · 2026-03-10 10:30 · Mottagen');
    expect(actions(card)).toEqual([{ verb: 'reports.open', reference: 'SG-2026-000123' }]);
    expect(JSON.stringify(card)).not.toContain('Kim Andersson');
  });

  test('an empty list says there is nothing to show', () => {
    const view = reportListView([], { title: 'Mina rapporter', showReporter: false }, vctx);
    expect(texts(renderCard(view.template, view.data))).toContain('Inga rapporter att visa.');
  });

  test('the detail shows every answer with labels and offers only the next statuses when allowed', () => {
    const view = reportDetailView(report({ status: 'under-utredning' }), { canSetStatus: true }, vctx);
    const card = renderCard(view.template, view.data);
    const runs = texts(card, 'TextRun');
    expect(runs).toEqual(
      expect.arrayContaining([
        'Hot, Våld',
        'Mig själv',
        'På arbetsplatsen',
        'En besökare hotade mig i receptionen.',
      ]),
    );
    expect(texts(card)).toContain('Vem riktades händelsen mot?');
    expect(actions(card)).toEqual([
      { verb: 'reports.setStatus', reference: 'SG-2026-000123', status: 'avslutad' },
    ]);
  });

  test('the detail without the right to set status has no status buttons', () => {
    const view = reportDetailView(report(), { canSetStatus: false }, vctx);
    expect(actions(renderCard(view.template, view.data))).toEqual([]);
  });

  test('nextStatuses moves forward and allows reopening a closed report', () => {
    expect(nextStatuses('mottagen')).toEqual(['under-utredning', 'avslutad']);
    expect(nextStatuses('under-utredning')).toEqual(['avslutad']);
    expect(nextStatuses('avslutad')).toEqual(['under-utredning']);
  });

  test.each(REPORT_STATUSES.map((s) => [s]))(
    'every status button on a %s report is a move the status check accepts',
    (status) => {
      const view = reportDetailView(report({ status }), { canSetStatus: true }, vctx);
      const offered = actions(renderCard(view.template, view.data)).map((a) => a.status as ReportStatus);
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.filter((to) => !canTransition(status, to))).toEqual([]);
      expect(offered).toEqual(REPORT_STATUSES.filter((to) => canTransition(status, to)));
    },
  );
});

describe('purged reports', () => {
  const purged = report({ answers: null, purgedAt: '2027-03-10T00:00:00Z' });

  test.each([
    ['notification', notificationView(purged, { includeText: true }, vctx)],
    ['detail', reportDetailView(purged, { canSetStatus: true }, vctx)],
  ])('the %s card says the contents were deleted under the retention rule', (_name, view) => {
    const json = JSON.stringify(renderCard(view.template, view.data));
    expect(json).toContain('Innehållet är raderat enligt gallringsregeln');
    expect(json).toContain('SG-2026-000123');
    expect(json).not.toContain('${');
  });

  test('receipt, list and status cards still render for a purged report', () => {
    for (const view of [
      receiptView(purged, vctx),
      reportListView([purged], { title: 'x', showReporter: true }, vctx),
      statusChangedView(purged, vctx),
    ]) {
      expect(JSON.stringify(renderCard(view.template, view.data))).not.toContain('${');
    }
  });
});

test('statusChangedView tells the reporter the new status of their report', () => {
  const view = statusChangedView(report({ status: 'avslutad' }), vctx);
  const json = JSON.stringify(renderCard(view.template, view.data));
  expect(json).toContain('Din rapport har fått ny status');
  expect(json).toContain('Avslutad');
  expect(json).toContain('SG-2026-000123');
});
