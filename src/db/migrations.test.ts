import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MigrationError,
  findProjectRoot,
  loadMigrations,
  reportMigrationsDir,
  sortAndCheck,
} from './migrations';
import { applySqliteMigrations, openSqlite } from './sqlite';

describe('migration files', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-migrations-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('from compiled code in dist/src/db, the project root is the folder with package.json', () => {
    writeFileSync(join(dir, 'package.json'), '{}');
    mkdirSync(join(dir, 'dist', 'src', 'db'), { recursive: true });
    expect(findProjectRoot(join(dir, 'dist', 'src', 'db'))).toBe(dir);
    expect(findProjectRoot(dir)).toBe(dir);
  });

  it('the report migrations folder is found from the source tree and holds 001_init for both databases', () => {
    for (const kind of ['sqlite', 'postgres'] as const) {
      const migrations = loadMigrations(reportMigrationsDir(kind));
      expect(migrations[0]).toMatchObject({ version: 1, name: 'init' });
    }
  });

  it('files are ordered by number and other files are ignored', () => {
    writeFileSync(join(dir, '010_ten.sql'), 'SELECT 10;');
    writeFileSync(join(dir, '002_two.sql'), 'SELECT 2;');
    writeFileSync(join(dir, '001_one.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'README.md'), '#');
    writeFileSync(join(dir, '3_bad_number.sql'), 'SELECT 3;');
    writeFileSync(join(dir, '004_Bad-Name.sql'), 'SELECT 4;');
    expect(loadMigrations(dir).map((m) => `${m.version}:${m.name}`)).toEqual(['1:one', '2:two', '10:ten']);
  });

  it('two files with the same number are refused', () => {
    expect(() =>
      sortAndCheck([
        { version: 2, name: 'a', sql: '' },
        { version: 2, name: 'b', sql: '' },
      ]),
    ).toThrow(MigrationError);
  });

  it('a missing folder fails with the folder named', () => {
    expect(() => loadMigrations(join(dir, 'nope'))).toThrow(/cannot read migrations folder/);
  });
});

describe('applySqliteMigrations', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-migrate-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const one = { version: 1, name: 'one', sql: 'CREATE TABLE t (x INTEGER);' };
  const two = { version: 2, name: 'two', sql: 'ALTER TABLE t ADD COLUMN y TEXT;' };

  it('applies pending migrations in order, once, and a later release adds only the new one', () => {
    const file = join(dir, 'db.sqlite');
    const db = openSqlite(file);
    expect(applySqliteMigrations(db, [one])).toEqual([1]);
    expect(applySqliteMigrations(db, [one])).toEqual([]);
    db.close();
    const reopened = openSqlite(file);
    expect(applySqliteMigrations(reopened, [one, two])).toEqual([2]);
    expect(reopened.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'one' },
      { version: 2, name: 'two' },
    ]);
    reopened.close();
  });

  it('a failing migration leaves neither its changes nor its record', () => {
    const db = openSqlite(join(dir, 'db.sqlite'));
    const broken = {
      version: 2,
      name: 'broken',
      sql: 'CREATE TABLE u (x INTEGER); SELECT * FROM missing_table;',
    };
    expect(() => applySqliteMigrations(db, [one, broken])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'u'").get()).toBeUndefined();
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    db.close();
  });

  it('separate migration tables keep two components in one file apart', () => {
    const db = openSqlite(join(dir, 'db.sqlite'));
    expect(applySqliteMigrations(db, [one])).toEqual([1]);
    expect(
      applySqliteMigrations(db, [{ version: 1, name: 'state', sql: 'CREATE TABLE s (k TEXT);' }], {
        table: 'state_migrations',
      }),
    ).toEqual([1]);
    db.close();
  });

  it('refuses a migrations table name that is not a plain identifier', () => {
    const db = openSqlite(join(dir, 'db.sqlite'));
    expect(() => applySqliteMigrations(db, [one], { table: 'x; DROP TABLE t' })).toThrow(MigrationError);
    db.close();
  });

  it('opens files durably: WAL journal, synchronous FULL, a busy timeout, foreign keys on', () => {
    const db = openSqlite(join(dir, 'nested', 'folder', 'db.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
