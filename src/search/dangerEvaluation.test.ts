import { evaluateDanger, parseDangerLines } from './dangerEvaluation';

describe('danger evaluation', () => {
  const lines = [
    '{"q": "a", "danger": true, "lang": "sv", "style": "plain"}',
    '{"q": "b", "danger": true, "lang": "en", "style": "english"}',
    '{"q": "c", "danger": false, "lang": "sv", "style": "plain"}',
    '{"q": "d", "danger": false, "lang": "sv", "style": "slang"}',
  ].join('\n');

  test('recall and false alarms are counted overall, by language and by style, with each miss listed', () => {
    const flagged = new Set(['a', 'c']);
    const { summary, misses } = evaluateDanger((q) => flagged.has(q), parseDangerLines(lines));
    expect(summary).toMatchObject({ n: 4, dangerN: 2, recall: 0.5, falseAlarms: 0.5 });
    expect(summary.byLang.sv).toEqual({ n: 3, dangerN: 1, recall: 1, falseAlarms: 0.5 });
    expect(summary.byLang.en).toEqual({ n: 1, dangerN: 1, recall: 0, falseAlarms: 0 });
    expect(summary.byStyle.slang).toEqual({ n: 1, dangerN: 0, recall: 1, falseAlarms: 0 });
    expect(misses.map((m) => [m.kind, m.case.q])).toEqual([
      ['missed', 'b'],
      ['false-alarm', 'c'],
    ]);
  });

  test('a line without a boolean "danger" is an error naming the line', () => {
    expect(() => parseDangerLines('{"q": "x"}')).toThrow(/line 1/);
  });
});
