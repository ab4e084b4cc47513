import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContactResolver } from './contacts';
import { loadKnowledge } from './loader';

const REAL = join(__dirname, '..', '..', 'knowledge');
const dir = mkdtempSync(join(tmpdir(), 'sg-contacts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('contacts', () => {
  test('an unset contact renders as its name and "fråga din chef", never as a raw placeholder', () => {
    const { kb } = loadKnowledge(REAL);
    const text = new ContactResolver(kb.contacts, 'sv').fill('Kontakta {kontakt:sakerhetsfunktion} eller {kontakt:finns-inte}.');
    expect(text).toBe(
      'Kontakta säkerhetsfunktionen (fråga din chef om kontaktuppgifter) eller säkerhetsfunktionen (fråga din chef om kontaktuppgifter).',
    );
  });

  test('CONTACTS_FILE replaces only the keys it names, without touching any answer', () => {
    const file = join(dir, 'kontakter-skarpnack.yaml');
    writeFileSync(
      file,
      'sakerhetsfunktion:\n  name: { sv: säkerhetsenheten i Skarpnäck, en: the Skarpnäck security unit }\n  value: "https://intranat.example.invalid/sakerhet"\nokand-nyckel:\n  name: { sv: x, en: x }\n',
    );
    const { kb, issues } = loadKnowledge(REAL, { contactsFile: file });
    const c = new ContactResolver(kb.contacts, 'sv');
    expect(c.resolve('sakerhetsfunktion').text).toBe('säkerhetsenheten i Skarpnäck (https://intranat.example.invalid/sakerhet)');
    expect(c.resolve('dataskyddsombud').text).toContain('fråga din chef');
    expect(issues.some((i) => i.severity === 'warning' && i.entry === 'okand-nyckel')).toBe(true);
  });

  test('English users get the English names', () => {
    const { kb } = loadKnowledge(REAL);
    expect(new ContactResolver(kb.contacts, 'en').resolve('dataskyddsombud').text).toBe(
      'the data protection officer (ask your manager for contact details)',
    );
  });

  test('an elected official is never told to ask their manager: every shipped contact has a fallback for them', () => {
    const { kb } = loadKnowledge(REAL);
    const elected = new ContactResolver(kb.contacts, 'sv').forAudience('fortroendevald');
    for (const key of kb.contacts.keys()) {
      const { name, text } = elected.resolve(key);
      // The name may be "jourhavande chef"; what to do while it is unset must not send them to a manager.
      expect(text.slice(name.length)).not.toMatch(/\bchef\b/);
    }
    expect(elected.resolve('fortroendevald-sakerhet').text).toBe(
      'stadens säkerhetskontakt för förtroendevalda (fråga nämndsekreteraren eller partiets säkerhetsansvarige)',
    );
  });

  test('a contact without its own fallback_fv falls back to the committee secretary for elected officials', () => {
    const file = join(dir, 'utan-fv.yaml');
    writeFileSync(file, 'kia:\n  name: { sv: KIA, en: KIA }\n  value: ""\n');
    const { kb } = loadKnowledge(REAL, { contactsFile: file });
    const c = new ContactResolver(kb.contacts, 'sv');
    expect(c.forAudience('fortroendevald').resolve('kia').text).toBe('KIA (fråga nämndsekreteraren om kontaktuppgifter)');
    expect(c.resolve('kia').text).toBe('KIA (fråga din chef om kontaktuppgifter)');
  });
});
