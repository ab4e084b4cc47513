import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkKnowledge } from './checks';
import { formatIssue, loadKnowledge } from './loader';

const REPO = join(__dirname, '..', '..');
const REAL = join(REPO, 'knowledge');
/** The shared domain folder: beside the repository, or where SHARED_DIR points (git worktrees). */
const SHARED = process.env.SHARED_DIR ?? join(REPO, '..', 'shared');

const tempDirs: string[] = [];

/** A copy of the real knowledge folder with one topic changed. */
function withTopic(id: string, change: (topic: Record<string, unknown>) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'sg-kb-'));
  tempDirs.push(root);
  const dir = join(root, 'knowledge');
  cpSync(REAL, dir, { recursive: true });
  const file = join(dir, 'topics', `${id}.yaml`);
  const topic = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(topic);
  writeFileSync(file, stringify(topic));
  return dir;
}

function problems(dir: string): string[] {
  const { kb, issues } = loadKnowledge(dir);
  return [...issues, ...checkKnowledge(kb, new Date('2026-11-21'))].map(formatIssue);
}

afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

describe('the shipped knowledge base', () => {
  test('has every required topic, with no errors', () => {
    const { kb, issues } = loadKnowledge(REAL);
    const all = [...issues, ...checkKnowledge(kb)];
    expect(all.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    const required = (JSON.parse(readFileSync(join(SHARED, 'domain', 'topics.json'), 'utf8')) as Array<{ id: string }>).map((t) => t.id);
    const ids = new Set(kb.topics.map((t) => t.id));
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });

  test('the manager checklists (after a threat, undue influence, an incident at a meeting…) give every item a deadline and a basis', () => {
    const { kb } = loadKnowledge(REAL);
    const ids = kb.checklists.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['chef-efter-hot', 'chef-otillaten-paverkan', 'motesincident-fortroendevald']));
    for (const c of kb.checklists) {
      for (const item of c.items) {
        expect([c.id, item.deadline?.trim()]).toEqual([c.id, expect.stringMatching(/\S/)]);
        expect([c.id, item.basis?.trim()]).toEqual([c.id, expect.stringMatching(/\S/)]);
      }
    }
    // Elected officials are not employees: the meeting checklist never puts duties on "arbetsgivaren".
    const meeting = kb.checklists.find((c) => c.id === 'motesincident-fortroendevald');
    expect(meeting?.items.map((i) => i.text).join(' ')).not.toMatch(/arbetsgivaren (ska|måste)/i);
  });

  test('every urgent topic starts with 112 and no answer states MSB as current', () => {
    const { kb } = loadKnowledge(REAL);
    for (const t of kb.topics.filter((x) => x.urgent)) expect(t.steps[0]).toMatch(/\b112\b/);
    for (const t of kb.topics) {
      if (/\bMSB\b/.test(t.answer)) expect(t.answer).toMatch(/MCF/);
    }
  });
});

describe('kb:check names the file, the entry and the field', () => {
  test.each<[string, (t: Record<string, unknown>) => void, RegExp]>([
    ['an empty answer', (t) => (t.answer = ''), /hv-stod-efterat\.yaml › hv-stod-efterat › answer: must not be empty/],
    ['too few questions', (t) => (t.questions = ['en', 'två']), /› questions: write at least five/],
    ['no sources', (t) => (t.sources = []), /› sources: cite at least one source/],
    ['an unknown related topic', (t) => (t.related = ['finns-inte']), /› related\.0: unknown topic id "finns-inte"/],
    ['an unknown role', (t) => (t.roles = ['trollkarl']), /› roles\.0: unknown role id "trollkarl"/],
    ['a placeholder without a contacts key', (t) => (t.answer = 'Ring {kontakt:hemlig}.'), /placeholder \{kontakt:hemlig\} has no key/],
    ['a raw <placeholder>', (t) => (t.answer = 'Kontakta <säkerhetsfunktionens kontakt>.'), /raw < or > found/],
    ['an invented phone number', (t) => (t.answer = 'Ring 08-508 290 00.'), /looks like a phone number/],
    ['MSB named as current', (t) => (t.answer = 'MSB samordnar det civila försvaret.'), /msb-bytt-namn/],
    ['AFS 1993:2 as the rule', (t) => (t.answer = 'Enligt AFS 1993:2 ska arbetsgivaren…'), /afs-1993-2-upphavd/],
    ['old kommunallag paragraphs for jäv', (t) => (t.answer = 'Jäv regleras i KL 6 kap. 24–27 §§.'), /kl-1991-jav/],
    ['a stale review date', (t) => (t.reviewed = '2024-01-01'), /VARNING .*reviewed: last reviewed 2024-01-01/],
    ['a wrong date format', (t) => (t.reviewed = '21/11/2026'), /reviewed: must be a date YYYY-MM-DD/],
  ])('%s', (_name, change, expected) => {
    expect(problems(withTopic('hv-stod-efterat', change)).join('\n')).toMatch(expected);
  });

  test('an urgent topic must put 112 first', () => {
    const dir = withTopic('hv-akut-hotad-nu', (t) => (t.steps = ['Andas lugnt.', 'Ring 112.']));
    expect(problems(dir).join('\n')).toMatch(/hv-akut-hotad-nu › steps\.0: an urgent topic must start with 112/);
  });

  test('an urgent topic needs English steps, one for each Swedish step, with 112 first', () => {
    const missing = withTopic('hv-akut-hotad-nu', (t) => delete t.steps_en);
    expect(problems(missing).join('\n')).toMatch(/hv-akut-hotad-nu › steps_en: an urgent topic needs English steps/);
    const short = withTopic('hv-akut-hotad-nu', (t) => (t.steps_en = ['Call 112.']));
    expect(problems(short).join('\n')).toMatch(/hv-akut-hotad-nu › steps_en: has 1 steps but steps has \d+/);
  });

  test('an answer for elected officials must not say "arbetsgivaren ska"', () => {
    const dir = withTopic('fv-hotad-fortroendevald', (t) => (t.answer = 'Arbetsgivaren ska se till att du får stöd.'));
    expect(problems(dir).join('\n')).toMatch(/fv-hotad-fortroendevald › answer: answers for elected officials/);
  });

  test('a contact that an FV topic uses must have a fallback for elected officials (fallback_fv)', () => {
    const dir = withTopic('fv-hotad-fortroendevald', () => undefined);
    const file = join(dir, 'contacts.yaml');
    const contacts = parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    delete contacts['fortroendevald-sakerhet']?.fallback_fv;
    writeFileSync(file, stringify(contacts));
    expect(problems(dir).join('\n')).toMatch(
      /fv-hotad-fortroendevald › (steps|answer)[.\d]* › ?.*contact "fortroendevald-sakerhet" is used in a topic for elected officials but has no fallback_fv|fv-hotad-fortroendevald › [a-z_.\d]+: contact "fortroendevald-sakerhet" is used in a topic for elected officials but has no fallback_fv/,
    );
    // The same contact in a topic for employees needs no fallback_fv: "fråga din chef" helps them.
    expect(problems(dir).join('\n')).not.toMatch(/hv-[a-z-]+ › [^:]+: contact "fortroendevald-sakerhet"/);
  });

  test('a lexicon concept whose words no topic uses is an error; a word under two concepts a warning', () => {
    const dir = withTopic('hv-stod-efterat', () => undefined);
    const file = join(dir, 'lexicon.yaml');
    const lexicon = parse(readFileSync(file, 'utf8')) as { concepts: unknown[] };
    lexicon.concepts.push(
      { id: 'pafund', means: ['xyzzyord', 'qwertyterm'], words: ['knasigt'] },
      { id: 'dubbel', means: ['dator'], words: ['lappis'] },
    );
    writeFileSync(file, stringify(lexicon));
    const text = problems(dir).join('\n');
    expect(text).toMatch(/FEL knowledge\/lexicon\.yaml › pafund › means: no topic uses any of these words/);
    expect(text).toMatch(/VARNING knowledge\/lexicon\.yaml › dubbel › words: "lappis" is also listed under dator/);
  });

  test('an out-of-scope example for a category that does not exist names the file it is in', () => {
    const dir = withTopic('hv-stod-efterat', () => undefined);
    writeFileSync(join(dir, 'examples.yaml'), stringify({ examples: {}, outOfScope: { 'finns-inte': ['en fråga'] } }));
    expect(problems(dir).join('\n')).toMatch(
      /FEL knowledge\/examples\.yaml › finns-inte.*unknown out-of-scope category "finns-inte"/,
    );
  });

  test('a duplicate id is reported', () => {
    const dir = withTopic('hv-stod-efterat', () => undefined);
    writeFileSync(join(dir, 'topics', 'kopia.yaml'), readFileSync(join(dir, 'topics', 'hv-stod-efterat.yaml')));
    const text = problems(dir).join('\n');
    expect(text).toMatch(/duplicate id/);
    expect(text).toMatch(/kopia\.yaml › hv-stod-efterat › id: must equal the file name/);
  });

  test('the kb:check command exits 1 on a broken entry and 0 on the shipped knowledge', () => {
    const dir = withTopic('hv-stod-efterat', (t) => (t.answer = ''));
    const run = (knowledgeDir: string) =>
      spawnSync(process.execPath, [join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(REPO, 'src', 'cli', 'kbCheck.ts')], {
        cwd: REPO,
        env: { ...process.env, KNOWLEDGE_DIR: knowledgeDir },
        encoding: 'utf8',
      });
    const broken = run(dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/FEL .*hv-stod-efterat › answer/);
    expect(run(REAL).status).toBe(0);
  }, 60_000);
});
