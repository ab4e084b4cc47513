import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One numbered schema change, applied once and recorded in a migrations table. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Thrown when the migration set itself is broken (duplicate numbers, unreadable folder). */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Walks up from `fromDir` to the first folder holding a package.json: the project root both when
 * running TypeScript from src/ and compiled JavaScript from dist/src/ (the build copies no .sql files,
 * so migrations are always read from the source tree).
 */
export function findProjectRoot(fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new MigrationError(`no package.json found above ${fromDir}`);
    dir = parent;
  }
}

/** The folder with the report migrations for one database kind: `<root>/src/report/migrations/<kind>`. */
export function reportMigrationsDir(kind: 'sqlite' | 'postgres'): string {
  return join(findProjectRoot(__dirname), 'src', 'report', 'migrations', kind);
}

/** Reads `NNN_name.sql` files from a folder, sorted by number; other files are ignored. */
export function loadMigrations(dir: string): Migration[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (error) {
    throw new MigrationError(`cannot read migrations folder ${dir}: ${(error as Error).message}`);
  }
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = MIGRATION_FILE.exec(file);
    if (!match?.[1] || !match[2]) continue;
    migrations.push({
      version: Number(match[1]),
      name: match[2],
      sql: readFileSync(join(dir, file), 'utf8'),
    });
  }
  return sortAndCheck(migrations);
}

/** Sorts by version and rejects duplicates (two people picking the same number is the usual mistake). */
export function sortAndCheck(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.version === sorted[i - 1]?.version) {
      throw new MigrationError(`duplicate migration number ${sorted[i]?.version}`);
    }
  }
  return sorted;
}

/** Guards table names that are spliced into SQL (they come from code, never from users). */
export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new MigrationError(`invalid SQL identifier: ${name}`);
  return name;
}
