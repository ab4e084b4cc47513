import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDrafts, draftYaml, writeDrafts } from './kbDrafts';
import type { KnowledgeDraft } from './types';

const draft: KnowledgeDraft = {
  id: 1,
  questionId: 'FQ-2026-000042',
  area: 'informationssakerhet',
  question: 'Hur krypterar jag ett USB-minne med ${secret}?',
  answer: 'Använd BitLocker To Go. Fråga IT-supporten om du saknar behörighet.',
  createdAt: '2026-12-01T10:00:00.000Z',
};

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sg-drafts-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('knowledge drafts', () => {
  it('a written draft passes the drafts check and keeps the texts literally', () => {
    const [file] = writeDrafts(dir, [draft]);
    expect(file).toMatch(/drafts\/fq-2026-000042\.yaml$/);
    const text = readFileSync(file!, 'utf8');
    expect(text).toContain('BitLocker To Go');
    expect(text).toContain('${secret}');
    expect(text).toMatch(/^# Utkast/);
    expect(checkDrafts(dir)).toEqual([]);
  });

  it('an existing draft file is not overwritten (a content owner may be editing it)', () => {
    writeDrafts(dir, [draft]);
    expect(writeDrafts(dir, [{ ...draft, answer: 'annat' }])).toEqual([]);
  });

  it('a broken draft is reported with file and field', () => {
    writeDrafts(dir, [draft]);
    const file = join(dir, 'drafts', 'fq-2026-000042.yaml');
    writeFileSync(file, draftYaml(draft).replace(/^answer: .*$/m, 'answer: ""'));
    writeFileSync(join(dir, 'drafts', 'bad.yaml'), 'id: [');
    const issues = checkDrafts(dir);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'drafts/fq-2026-000042.yaml', field: 'answer' }),
        expect.objectContaining({ file: 'drafts/bad.yaml' }),
      ]),
    );
  });

  it('no drafts folder is no problem', () => {
    expect(checkDrafts(dir)).toEqual([]);
  });
});
