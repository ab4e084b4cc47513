import { guardFormula, quoteCell, toCsv, toJson } from './exportReports';
import type { Report } from '../types';

function report(overrides: Partial<Report> = {}): Report {
  return {
    id: 1,
    reference: 'SG-2026-000001',
    type: 'hot-och-vald',
    status: 'mottagen',
    reporter: { userId: '29:alice', aadObjectId: 'aad-1', name: 'Alice Åberg' },
    organisationId: 'sbk',
    answers: { description: 'Hot via mejl', when: 'igår' },
    reporterConversation: { conversation: { id: 'a:secret-conversation' } },
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    ...overrides,
  };
}

/** Minimal RFC 4180 reader, to prove the output parses back to the same cells. */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('toCsv', () => {
  it('writes a header, one CRLF-terminated row per report and one column per answer field', () => {
    const csv = toCsv([report(), report({ reference: 'SG-2026-000002', answers: { other: 'x' } })]);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      'reference',
      'type',
      'status',
      'createdAt',
      'updatedAt',
      'purgedAt',
      'organisationId',
      'reporterUserId',
      'reporterAadObjectId',
      'reporterName',
      'answer.description',
      'answer.when',
      'answer.other',
    ]);
    expect(rows[1]?.slice(-3)).toEqual(['Hot via mejl', 'igår', '']);
    expect(rows[2]?.slice(-3)).toEqual(['', '', 'x']);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv).not.toContain('secret-conversation');
  });

  it('quotes commas, quotes and line breaks so the text survives a round trip', () => {
    const tricky = 'Han sa "kom hit", sen\r\nny rad\noch, mer';
    const rows = parseCsv(toCsv([report({ answers: { description: tricky } })]));
    expect(rows[1]?.[10]).toBe(tricky);
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'])(
    'a cell starting like a formula (%j) is made inert with a leading apostrophe',
    (value) => {
      const rows = parseCsv(toCsv([report({ answers: { description: value } })]));
      expect(rows[1]?.[10]).toBe(`'${value}`);
    },
  );

  it('a purged report exports its facts with empty answers and reporter', () => {
    const purged = report({ answers: null, reporter: { userId: '' }, purgedAt: '2027-01-01T00:00:00.000Z' });
    delete purged.reporterConversation;
    const rows = parseCsv(toCsv([purged]));
    expect(rows[0]).toHaveLength(10);
    expect(rows[1]).toEqual([
      'SG-2026-000001',
      'hot-och-vald',
      'mottagen',
      '2026-03-10T09:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      'sbk',
      '',
      '',
      '',
    ]);
  });

  it('with bom, the file starts with the UTF-8 byte order mark (Excel then shows å, ä, ö and emoji)', () => {
    const csv = toCsv([report({ answers: { description: 'Åsa 🚨' } })], { bom: true });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(toCsv([report()]).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('with ";" as delimiter (Swedish Excel), semicolons are quoted and commas are not', () => {
    const csv = toCsv([report({ answers: { description: 'a;b, c' } })], { delimiter: ';' });
    expect(csv).toContain('"a;b, c"');
    expect(parseCsv(csv, ';')[1]?.[10]).toBe('a;b, c');
  });

  it('no reports gives just the header', () => {
    expect(toCsv([])).toBe(
      'reference,type,status,createdAt,updatedAt,purgedAt,organisationId,reporterUserId,reporterAadObjectId,reporterName\r\n',
    );
  });

  it('text with ${...} is exported literally', () => {
    expect(parseCsv(toCsv([report({ answers: { description: '${reference}' } })]))[1]?.[10]).toBe(
      '${reference}',
    );
  });
});

describe('guardFormula and quoteCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['2026-03-10', '2026-03-10'],
    [' =1', ' =1'],
    ['=1', "'=1"],
  ])('guardFormula(%j) is %j', (input, expected) => {
    expect(guardFormula(input)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
  ])('quoteCell(%j) is %j', (input, expected) => {
    expect(quoteCell(input)).toBe(expected);
  });
});

describe('toJson', () => {
  it('gives the reports as a JSON array without conversation references, text intact', () => {
    const r = report({ answers: { description: 'Emoji 🚨, RTL تهديد, ${x}' } });
    const parsed = JSON.parse(toJson([r])) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).not.toHaveProperty('reporterConversation');
    expect(parsed[0]?.answers).toEqual(r.answers);
    expect(parsed[0]?.reference).toBe('SG-2026-000001');
    expect(r.reporterConversation).toBeDefined();
  });

  it('no reports gives an empty array', () => {
    expect(JSON.parse(toJson([]))).toEqual([]);
  });
});
