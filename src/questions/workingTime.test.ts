import {
  easterSunday,
  isWorkingDay,
  isWorkingTime,
  stockholmIsoWeek,
  swedishHolidays,
  workingMsBetween,
} from './workingTime';

const H = 3_600_000;

describe('Swedish holidays are computed from the rules', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    const e = easterSunday(year);
    expect(`${e.year}-${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')}`).toBe(date);
  });

  it.each([
    ['2026-04-03', 'Långfredagen'],
    ['2026-04-06', 'Annandag påsk'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-05-24', 'Pingstdagen'],
    ['2026-06-19', 'Midsommarafton'],
    ['2026-06-20', 'Midsommardagen'],
    ['2026-10-31', 'Alla helgons dag'],
    ['2025-11-01', 'Alla helgons dag'],
    ['2025-06-20', 'Midsommarafton'],
    ['2027-03-26', 'Långfredagen'],
    ['2026-12-24', 'Julafton'],
    ['2026-01-06', 'Trettondedag jul'],
  ])('%s is %s', (date, name) => {
    expect(swedishHolidays(Number(date.slice(0, 4))).get(date)).toBe(name);
  });

  it.each([
    [{ year: 2026, month: 4, day: 6 }, false], // annandag påsk, a Monday
    [{ year: 2026, month: 4, day: 7 }, true],
    [{ year: 2026, month: 6, day: 6 }, false], // nationaldagen on a Saturday
    [{ year: 2026, month: 6, day: 8 }, true],
    [{ year: 2026, month: 12, day: 1 }, true],
    [{ year: 2026, month: 12, day: 5 }, false], // Saturday
  ])('%o is a working day: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('working time in Stockholm', () => {
  it.each([
    ['2026-12-01T07:30:00Z', true], // 08:30 CET Tuesday
    ['2026-12-01T06:59:00Z', false], // 07:59
    ['2026-12-01T16:00:00Z', false], // 17:00
    ['2026-06-16T06:30:00Z', true], // 08:30 CEST
    ['2026-06-16T05:30:00Z', false], // 07:30 CEST
    ['2026-12-25T10:00:00Z', false], // juldagen
    ['2026-12-05T10:00:00Z', false], // Saturday
  ])('%s is working time: %s', (iso, expected) => {
    expect(isWorkingTime(new Date(iso))).toBe(expected);
  });

  it.each([
    ['within one day', '2026-12-01T08:00:00Z', '2026-12-01T10:00:00Z', 2],
    ['over a night: 15:00–17:00 plus 08:00–10:00', '2026-12-01T14:00:00Z', '2026-12-02T09:00:00Z', 4],
    ['asked on Friday evening, Monday 10:00', '2026-12-04T19:00:00Z', '2026-12-07T09:00:00Z', 2],
    ['over Easter: Thursday 16:00 to Tuesday 09:00', '2026-04-02T14:00:00Z', '2026-04-07T07:00:00Z', 2],
    ['a whole week is five working days', '2026-11-30T07:00:00Z', '2026-12-07T07:00:00Z', 45],
    ['backwards is nothing', '2026-12-02T10:00:00Z', '2026-12-01T10:00:00Z', 0],
  ])('%s: %s → %s = %i working hours', (_name, from, to, hours) => {
    expect(workingMsBetween(new Date(from), new Date(to)) / H).toBeCloseTo(hours, 5);
  });

  it('the ISO week turns on Monday in Stockholm', () => {
    expect(stockholmIsoWeek(new Date('2026-12-06T23:30:00Z'))).toBe('2026-W50'); // Monday 00:30 local
    expect(stockholmIsoWeek(new Date('2026-12-06T12:00:00Z'))).toBe('2026-W49');
    expect(stockholmIsoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  });
});
