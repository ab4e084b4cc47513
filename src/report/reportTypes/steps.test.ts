import { TOPIC_REPORT_TYPES } from '../../knowledge/schema';
import type { FieldDef } from './steps';
import {
  allFields,
  describeAnswers,
  displayValue,
  fieldOptions,
  getReportType,
  isReportTypeId,
  RESERVED_DATA_KEYS,
  REPORT_TYPES,
  totalSteps,
} from './steps';
import { REPORT_TYPE_IDS } from '../types';
import { checkStep, cleanText, localDateTime, textLength } from '../flow/validation';

test('the report types a knowledge topic may point to are exactly the declared report types', () => {
  expect([...TOPIC_REPORT_TYPES].sort()).toEqual([...REPORT_TYPE_IDS].sort());
});

describe('the step table', () => {
  test('every report type id in types.ts has exactly one definition', () => {
    expect(REPORT_TYPES.map((t) => t.id).sort()).toEqual([...REPORT_TYPE_IDS].sort());
  });

  describe.each(REPORT_TYPES.map((t) => [t.id, t] as const))('%s', (_id, type) => {
    const fields = allFields(type);

    test('field ids are unique, safe as input ids and never collide with the keys the cards use', () => {
      const ids = fields.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) {
        expect(id).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
        expect(RESERVED_DATA_KEYS).not.toContain(id);
      }
    });

    test('each step has 1–4 fields and a title in both languages', () => {
      for (const step of type.steps) {
        expect(step.fields.length).toBeGreaterThanOrEqual(1);
        expect(step.fields.length).toBeLessThanOrEqual(4);
        expect(step.title.sv).not.toBe('');
        expect(step.title.en).not.toBe('');
      }
    });

    test('choice fields have options without commas, and every label exists in Swedish and English', () => {
      for (const field of fields) {
        expect(field.label.sv).not.toBe('');
        expect(field.label.en).not.toBe('');
        if (['choice', 'multichoice', 'yesno', 'toggle'].includes(field.kind)) {
          const options = fieldOptions(field);
          expect(options.length).toBeGreaterThanOrEqual(2);
          for (const option of options) {
            expect(option.value).toMatch(/^[a-z0-9-]+$/);
            expect(option.label.sv).not.toBe('');
            expect(option.label.en).not.toBe('');
          }
        }
      }
    });

    test('time fields point at a date field on the same step, and notices at an earlier step', () => {
      type.steps.forEach((step, index) => {
        for (const field of step.fields) {
          if (field.kind === 'time' && field.dateField) {
            expect(step.fields.find((f) => f.id === field.dateField)?.kind).toBe('date');
          }
        }
        if (step.notice) {
          const earlier = type.steps.slice(0, index).flatMap((s) => s.fields.map((f) => f.id));
          expect(earlier).toContain(step.notice.showIf.field);
        }
      });
    });

    test('the free-text description is required, long and carries the privacy note', () => {
      const description = fields.find((f) => f.id === 'beskrivning');
      expect(description).toMatchObject({ kind: 'text', required: true, multiline: true, maxLength: 10_000 });
      expect(description?.note?.sv).toContain('Skriv inte fler personuppgifter än som behövs');
    });
  });

  test('the counts include the summary: hot och våld has 8 cards', () => {
    expect(totalSteps(getReportType('hot-och-vald')!)).toBe(8);
    expect(isReportTypeId('hot-och-vald')).toBe(true);
    expect(isReportTypeId('HOT')).toBe(false);
    expect(getReportType(undefined)).toBeUndefined();
  });
});

describe('describeAnswers', () => {
  test('answers left over from an older table are still shown, under "Övriga uppgifter"', () => {
    const groups = describeAnswers(
      getReportType('otillaten-paverkan')!,
      { form: 'hot', gammal: 'kvar' },
      'sv',
    );
    expect(groups.at(-1)).toEqual({
      stepIndex: -1,
      title: 'Övriga uppgifter',
      items: [{ fieldId: 'gammal', label: 'gammal', value: 'kvar' }],
    });
  });

  test('an unknown code is shown as it is rather than hidden', () => {
    const field: FieldDef = {
      id: 'x',
      kind: 'choice',
      label: { sv: 'X', en: 'X' },
      required: true,
      options: [{ value: 'a', label: { sv: 'A', en: 'A' } }],
    };
    expect(displayValue(field, 'a', 'sv')).toBe('A');
    expect(displayValue(field, 'b', 'sv')).toBe('b');
  });
});

describe('validation helpers', () => {
  const now = new Date('2026-07-01T22:30:00Z');

  test('local date and time follow Europe/Stockholm, including summer time and the date change', () => {
    expect(localDateTime(now)).toEqual({ date: '2026-07-02', time: '00:30' });
    expect(localDateTime(now, 'UTC')).toEqual({ date: '2026-07-01', time: '22:30' });
  });

  test('an unknown time zone falls back to Stockholm instead of throwing', () => {
    expect(localDateTime(now, 'Mars/Olympus')).toEqual({ date: '2026-07-02', time: '00:30' });
  });

  test('a date that is already today in Stockholm but still yesterday in UTC is not the future', () => {
    const step = getReportType('hot-och-vald')!.steps[2]!;
    expect(checkStep(step, { datum: '2026-07-02', tid: '00:10' }, { now, locale: 'sv' }).ok).toBe(true);
    expect(
      checkStep(step, { datum: '2026-07-02', tid: '00:40' }, { now, locale: 'sv' }).errors.tid,
    ).toBeDefined();
  });

  test('length counts characters as people do: an emoji is one', () => {
    expect(textLength('😡a')).toBe(2);
    expect(textLength('\ud83d')).toBe(1);
  });

  test('cleanText keeps tab and newline and removes other control characters', () => {
    expect(cleanText('\u0000a\tb\nc\u001f\u0008')).toBe('a\tb\nc');
  });

  test('a multichoice is stored in the table order without duplicates', () => {
    const step = getReportType('hot-och-vald')!.steps[0]!;
    expect(checkStep(step, { handelse: ' annat, hot ,hot' }, { now, locale: 'sv' }).values.handelse).toBe(
      'hot,annat',
    );
  });

  test('messages come in English when asked', () => {
    const step = getReportType('hot-och-vald')!.steps[4]!;
    expect(checkStep(step, {}, { now, locale: 'en' }).errors.beskrivning).toBe('Please fill in this field.');
  });
});
