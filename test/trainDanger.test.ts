/** The danger-model trainer (bench/trainDanger.ts): reading corpora, fitting and choosing a threshold. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseThreshold, fit, loadExamples, type Example } from '../bench/trainDanger';
import { DangerClassifier } from '../src/search/dangerClassifier';

const line = (q: string, danger?: boolean) => JSON.stringify(danger === undefined ? { q } : { q, danger });

test('loadExamples drops duplicates (after folding) and messages labelled both ways; unlabelled lines are not danger', () => {
  const dir = mkdtempSync(join(tmpdir(), 'danger-train-'));
  const a = join(dir, 'a.jsonl');
  const b = join(dir, 'blind-rounds-b.jsonl');
  writeFileSync(
    a,
    [line('Han har en kniv', true), line('brandövning i går', false), line('oklart', true)].join('\n'),
  );
  writeFileSync(
    b,
    [line('han har en kniv', true), line('OKLART', false), line('vem är ansvarig')].join('\n'),
  );
  const ex = loadExamples([a, b]);
  expect(ex.map((e) => [e.q, e.danger])).toEqual([
    ['Han har en kniv', true],
    ['brandövning i går', false],
    ['vem är ansvarig', false],
  ]);
  // An example round's questions are ordinary ones; a danger corpus's negatives are look-alikes.
  expect(ex.find((e) => e.q === 'vem är ansvarig')?.hard).toBe(false);
  expect(ex.find((e) => e.q === 'brandövning i går')?.hard).toBe(true);
});

function corpus(): Example[] {
  const make = (q: string, danger: boolean): Example => ({ q, danger, hard: true, source: 'toy' });
  const places = [
    'receptionen',
    'klassrummet',
    'hallen',
    'köket',
    'parken',
    'entrén',
    'biblioteket',
    'bussen',
  ];
  return places.flatMap((p) => [
    make(`en man med kniv står i ${p} nu`, true),
    make(`det brinner i ${p} just nu`, true),
    make(`vi hade en brandövning i ${p} i går`, false),
    make(`hur gör vi en riskbedömning för ${p}`, false),
  ]);
}

test('fit learns to tell danger from look-alikes on a toy corpus, deterministically', () => {
  const examples = corpus();
  const a = fit(examples);
  expect(fit(examples)).toEqual(a);
  const model = new DangerClassifier({
    about: '',
    bias: a.bias,
    threshold: 0.5,
    weights: Object.fromEntries(a.weights),
  });
  expect(model.isDangerNow('en man med kniv står i väntrummet nu')).toBe(true);
  expect(model.isDangerNow('vi hade en brandövning i väntrummet i går')).toBe(false);
});

test('chooseThreshold takes the lowest threshold whose added false alarms stay within the limit', () => {
  const examples: Example[] = [
    { q: 'a', danger: true, hard: true, source: 's' },
    { q: 'b', danger: false, hard: true, source: 's' },
    ...Array.from({ length: 99 }, (_, i) => ({ q: `n${i}`, danger: false, hard: true, source: 's' })),
  ];
  // The look-alike "b" scores 0.6: any threshold at or below 0.6 adds it (1 of 100 = 0.01 ≤ 0.04 allowed).
  const probs = [0.9, 0.6, ...Array.from({ length: 99 }, () => 0)];
  expect(
    chooseThreshold(
      examples,
      probs,
      examples.map(() => false),
    ),
  ).toBe(0.05);
  // Ten look-alikes at 0.6 are too many (0.1 > 0.04): the threshold moves above them.
  const many = probs.map((p, i) => (i >= 2 && i < 11 ? 0.6 : p));
  expect(
    chooseThreshold(
      examples,
      many,
      examples.map(() => false),
    ),
  ).toBe(0.61);
  // A false alarm the rules raise anyway is not the model's.
  expect(
    chooseThreshold(
      examples,
      many,
      examples.map((_, i) => i >= 2 && i < 11),
    ),
  ).toBe(0.05);
});
