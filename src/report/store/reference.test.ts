import { formatReference, isReference, normalizeReference, REFERENCE_PATTERN } from './reference';

describe('report reference numbers', () => {
  it.each([
    [2026, 123, 'SG-2026-000123'],
    [2026, 1, 'SG-2026-000001'],
    [2027, 999999, 'SG-2027-999999'],
    [2027, 1234567, 'SG-2027-1234567'],
  ])('year %i and sequence %i format as %s, which matches the stored pattern', (year, seq, expected) => {
    expect(formatReference(year, seq)).toBe(expected);
    expect(expected).toMatch(REFERENCE_PATTERN);
  });

  it.each([
    [26, 1],
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
  ])('year %s with sequence %s is refused rather than formatted into something odd', (year, seq) => {
    expect(() => formatReference(year, seq)).toThrow(RangeError);
  });

  it.each([
    ['SG-2026-000123', true],
    ['SG-2026-1234567', true],
    ['sg-2026-000123', false],
    ['SG-2026-12', false],
    ['SG-26-000123', false],
    [' SG-2026-000123', false],
    ['SG-2026-000123; DROP TABLE reports', false],
  ])('isReference(%j) is %s', (value, expected) => {
    expect(isReference(value)).toBe(expected);
  });

  it.each([
    ['sg-2026-123', 'SG-2026-000123'],
    [' SG 2026 000123 ', 'SG-2026-000123'],
    ['SG2026-5', 'SG-2026-000005'],
    ['SG-2026-000123', 'SG-2026-000123'],
  ])('when a person types %j, the lookup uses %s', (input, expected) => {
    expect(normalizeReference(input)).toBe(expected);
  });

  it.each(['', 'hej', 'SG-2026-0', 'SG-2026-', '2026-000123', 'SG-2026-12a'])(
    'when a person types %j, it is not taken as a reference',
    (input) => {
      expect(normalizeReference(input)).toBeUndefined();
    },
  );
});
