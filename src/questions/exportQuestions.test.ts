import { questionsToCsv, questionsToJson } from './exportQuestions';
import type { Question } from './types';

const q: Question = {
  id: 'FQ-2026-000001',
  area: 'hot-och-vald',
  status: 'answered',
  asker: { userId: 'u1', name: 'Anna' },
  askerConversation: { conversation: { id: 'secret-conv' } },
  locale: 'sv',
  thread: [
    { author: 'asker', text: '=HYPERLINK("x"), och "citat"', at: '2026-12-01T09:00:00.000Z' },
    { author: 'team', text: 'Svar', at: '2026-12-01T10:00:00.000Z' },
  ],
  version: 3,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  answeredAt: '2026-12-01T10:00:00.000Z',
};

describe('question export', () => {
  it('CSV quotes, defuses formulas and leaves out the conversation reference', () => {
    const csv = questionsToCsv([q]);
    expect(csv.split('\r\n')[0]).toBe('id,område,status,skapad,besvarad,frågat_av,fråga,svar');
    expect(csv).toContain(`"'=HYPERLINK(""x""), och ""citat"""`);
    expect(csv).toContain('Besvarad');
    expect(csv).not.toContain('secret-conv');
    expect(questionsToCsv([q], { bom: true, delimiter: ';' }).startsWith('\uFEFFid;')).toBe(true);
  });

  it('a purged question exports with empty texts', () => {
    const json = JSON.parse(questionsToJson([{ ...q, thread: [], asker: { userId: '' } }])) as Array<
      Record<string, string>
    >;
    expect(json[0]).toMatchObject({ id: 'FQ-2026-000001', fråga: '', svar: '', frågat_av: '' });
  });
});
