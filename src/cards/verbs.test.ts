import { parseAction, REPORT_FLOW_VERBS } from './verbs';

describe('card actions are checked against their verb before any handler runs', () => {
  test('a well-formed feedback press is parsed into typed data, unknown keys dropped', () => {
    expect(
      parseAction('kb.feedback', { verb: 'kb.feedback', topicId: 'is-natfiske', helpful: 'yes' }),
    ).toEqual({ ok: true, verb: 'kb.feedback', data: { topicId: 'is-natfiske', helpful: 'yes' } });
  });

  test.each<[string, unknown, Record<string, unknown>, string[]]>([
    [
      'feedback with an object for helpful',
      'kb.feedback',
      { topicId: 'x', helpful: { $gt: '' } },
      ['helpful'],
    ],
    ['a topic press without a topic', 'kb.open', {}, ['topicId']],
    ['a forged status', 'reports.setStatus', { reference: 'SG-2026-000001', status: 'raderad' }, ['status']],
    ['a reference that is not text', 'reports.open', { reference: 42 }, ['reference']],
    ['a report step whose draft id is not text', 'report.next', { draftId: { a: 1 } }, ['draftId']],
  ])('%s is malformed, naming the field but not its value', (_name, verb, data, fields) => {
    expect(parseAction(verb, data)).toEqual({ ok: false, problem: 'malformed', verb, fields });
  });

  test.each([undefined, 42, 'nope.nope', '__proto__', 'toString'])('verb %j is unknown', (verb) => {
    expect(parseAction(verb, {})).toEqual({ ok: false, problem: 'unknown-verb', fields: [] });
  });

  test('a report step keeps the inputs the client merged in, for the reducer to check', () => {
    const action = parseAction('report.next', { draftId: 'd1', at: 'step:0', beskrivning: 'Han hotade mig' });
    expect(action).toEqual({
      ok: true,
      verb: 'report.next',
      data: { draftId: 'd1', at: 'step:0', beskrivning: 'Han hotade mig' },
    });
  });

  test('the report flow verbs are exactly the report.* verbs', () => {
    expect(REPORT_FLOW_VERBS).toEqual([
      'report.start',
      'report.safety',
      'report.chooseType',
      'report.next',
      'report.back',
      'report.cancel',
      'report.edit',
      'report.submit',
      'report.resume',
      'report.discard',
    ]);
  });
});
