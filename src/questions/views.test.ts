import { renderCard } from '../cards/renderCard';
import type { CardView } from '../views/common';
import type { Question } from './types';
import {
  askView,
  closedView,
  digestView,
  followUpFormView,
  listView,
  personAnswerView,
  personDetailView,
  receiptView,
  reminderView,
  teamCardView,
  weeklyDigestView,
} from './views';

const now = new Date('2026-12-02T10:00:00Z');
const q = (over: Partial<Question> = {}): Question => ({
  id: 'FQ-2026-000007',
  area: 'hot-och-vald',
  status: 'open',
  asker: { userId: 'u1', name: 'Anna' },
  locale: 'sv',
  thread: [{ author: 'asker', text: 'Vad gör jag om en brukare hotar mig?', at: '2026-12-01T09:00:00.000Z' }],
  version: 1,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  ...over,
});
const answered = q({
  status: 'answered',
  version: 3,
  thread: [
    ...q().thread,
    { author: 'team', text: 'Ring 112 om det är akut.', at: '2026-12-01T10:00:00.000Z' },
  ],
});

const views: Array<[string, CardView]> = [
  ['ask', askView('sv', { text: 'fråga', key: 'k', retentionDays: 180 })],
  ['ask (en, error)', askView('en', { text: '', key: 'k', retentionDays: 0, error: 'x' })],
  ['receipt', receiptView('sv', q())],
  ['team (open)', teamCardView(q(), now)],
  ['team (answered)', teamCardView(answered, now)],
  ['team (forwarded away)', teamCardView(q(), now, { actionable: false, note: 'Skickad vidare' })],
  ['answer to person', personAnswerView(answered)],
  ['person detail', personDetailView(answered, 'en')],
  ['closed', closedView(q({ status: 'closed' }))],
  ['follow-up form', followUpFormView('sv', answered)],
  ['list', listView('sv', [q(), answered])],
  ['list (empty)', listView('en', [])],
  ['reminder', reminderView(q(), 8)],
  ['digest', digestView([q()], now)],
  ['weekly', weeklyDigestView({ gaps: [{ question: 'x', count: 2 }], thumbsDown: [], draftsWaiting: 1 })],
];

const actions = (view: CardView) =>
  [...JSON.stringify(renderCard(view.template, view.data)).matchAll(/"title":"([^"]+)","verb"/g)].map(
    (m) => m[1],
  );

describe('question cards', () => {
  test.each(views)('%s: no unbound ${ survives expansion', (_name, view) => {
    expect(JSON.stringify(renderCard(view.template, view.data))).not.toContain('${');
  });

  test('the team card offers what the status allows, from the one action table', () => {
    expect(actions(teamCardView(q(), now))).toEqual([
      'Svara',
      'Jag tar den',
      'Skicka vidare till annat område',
      'Stäng utan svar',
    ]);
    expect(actions(teamCardView(q({ status: 'taken', takenBy: { userId: 't', name: 'Tea' } }), now))).toEqual(
      ['Svara', 'Skicka vidare till annat område', 'Stäng utan svar'],
    );
    expect(actions(teamCardView(answered, now))).toEqual(['Föreslå som kunskap']);
    expect(actions(teamCardView(q(), now, { actionable: false }))).toEqual([]);
  });

  test('the team card shows question, area, age and status, and uses Action.Execute', () => {
    const json = JSON.stringify(renderCard('question-team', teamCardView(q(), now).data));
    for (const part of [
      'Vad gör jag om en brukare hotar mig?',
      'Hot och våld',
      '25 timmar',
      'Öppen',
      'Action.Execute',
    ])
      expect(json).toContain(part);
  });

  test('text with ${...} from the person shows literally', () => {
    const text = 'Han skrev ${process.exit()} och ${$root.title}';
    const json = JSON.stringify(
      renderCard('question-ask', askView('sv', { text, key: 'k', retentionDays: 1 }).data),
    );
    expect(json).toContain(text);
    const team = JSON.stringify(
      renderCard('question-team', teamCardView(q({ thread: [{ author: 'asker', text, at: '' }] }), now).data),
    );
    expect(team).toContain(text);
  });

  test('a purged question says so instead of showing text', () => {
    const json = JSON.stringify(
      renderCard(
        'question-team',
        teamCardView(q({ thread: [{ author: 'asker', text: null, at: '' }] }), now).data,
      ),
    );
    expect(json).toContain('raderad enligt gallringsregeln');
  });
});
