import type { AdaptiveCardJson } from './renderCard';
import { MAX_REFRESH_USERS, stampLanguage, toUniversalActions, withRefresh } from './actions';

const card = (): AdaptiveCardJson => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'Container', selectAction: { type: 'Action.Submit', data: { verb: 'kb.open', topicId: 't' } } },
  ],
  actions: [
    { type: 'Action.Submit', title: 'Nästa', data: { verb: 'report.next', draftId: 'd' } },
    { type: 'Action.ToggleVisibility', title: 'Visa mer', targetElements: ['x'] },
    { type: 'Action.Submit', title: 'In Swedish', data: { verb: 'kb.open', topicId: 't', lang: 'sv' } },
  ],
});

test('a refresh lists at most 60 users, without duplicates or empty ids', () => {
  const ids = ['', ...Array.from({ length: 70 }, (_, i) => `29:user-${i}`), '29:user-0'];
  const refreshed = withRefresh(card(), 'reports.card', { reference: 'SG-2026-000001' }, ids);
  const refresh = refreshed.refresh as { userIds: string[]; action: Record<string, unknown> };
  expect(refresh.userIds).toHaveLength(MAX_REFRESH_USERS);
  expect(MAX_REFRESH_USERS).toBe(60);
  expect(new Set(refresh.userIds).size).toBe(60);
  expect(refresh.action).toEqual({
    type: 'Action.Execute',
    verb: 'reports.card',
    data: { verb: 'reports.card', reference: 'SG-2026-000001' },
  });
});

test('with no known users there is no refresh at all', () => {
  expect(withRefresh(card(), 'reports.card', {}, []).refresh).toBeUndefined();
});

test('flow buttons become Action.Execute with the Action.Submit as fallback; other actions stay', () => {
  const c = toUniversalActions(card());
  const [next, toggle] = c.actions as Array<Record<string, unknown>>;
  expect(next).toMatchObject({ type: 'Action.Execute', verb: 'report.next', title: 'Nästa' });
  expect(next!.fallback).toEqual({
    type: 'Action.Submit',
    title: 'Nästa',
    data: { verb: 'report.next', draftId: 'd' },
  });
  expect(toggle!.type).toBe('Action.ToggleVisibility');
});

test('the card language goes on the card and every button, except one that names its own', () => {
  const c = stampLanguage(card(), 'en');
  expect(c.lang).toBe('en');
  const actions = c.actions as Array<{ data?: Record<string, unknown> }>;
  expect(actions[0]!.data!.lang).toBe('en');
  expect(actions[2]!.data!.lang).toBe('sv');
  const select = (c.body as Array<{ selectAction: { data: Record<string, unknown> } }>)[0]!.selectAction;
  expect(select.data.lang).toBe('en');
});
