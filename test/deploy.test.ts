/**
 * The deployment artefacts: the Teams manifest against the schema Microsoft ships in
 * @microsoft/app-manifest (no download), the icons Teams requires, and the compose file's shape
 * (no Docker engine runs in CI, so its structure is checked here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const TEAMS = join(ROOT, 'deploy', 'teams');
const GUID = '3f8a1c52-7d4e-4b9a-9c61-0e2f5a7b8d90';

interface Command {
  title: string;
  description: string;
}
interface Manifest {
  manifestVersion: string;
  $schema: string;
  icons: { color: string; outline: string };
  bots: Array<{ scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Command[] }> }>;
}

/** The manifest as package.sh produces it: placeholders filled with valid values. */
function filledManifest(): Manifest {
  const text = readFileSync(join(TEAMS, 'manifest.json'), 'utf8')
    .replaceAll('${{TEAMS_APP_ID}}', GUID)
    .replaceAll('${{BOT_ID}}', GUID)
    .replaceAll('${{APP_VERSION}}', '1.0.0');
  return JSON.parse(text) as Manifest;
}

function schemaValidator(version: string) {
  const file = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
  );
  // The same validator settings as @microsoft/app-manifest's own check (draft-04, all errors).
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(join(TEAMS, file));
  expect(data.readUInt32BE(0)).toBe(0x89504e47);
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('Teams manifest', () => {
  const manifest = filledManifest();

  test('is on schema 1.30 and validates against the schema shipped in @microsoft/app-manifest', () => {
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.$schema).toContain('/v1.30/');
    const validate = schemaValidator('1.30');
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  test('a manifest with an unknown bot scope fails the same validation (the check has teeth)', () => {
    const validate = schemaValidator('1.30');
    const bot = manifest.bots[0]!;
    expect(validate({ ...manifest, bots: [{ ...bot, scopes: ['kanal'] }] })).toBe(false);
  });

  test('personal and team scope each have a Swedish command list with short titles', () => {
    const lists = manifest.bots[0]!.commandLists;
    for (const scope of ['personal', 'team']) {
      const list = lists.find((l) => l.scopes.includes(scope));
      expect(list).toBeDefined();
      const titles = list!.commands.map((c) => c.title);
      expect(titles).toEqual(expect.arrayContaining(['hjälp', 'rapportera', 'mina rapporter', 'roller']));
      for (const c of list!.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        // Swedish descriptions: no English help text slipped in.
        expect(c.description).not.toMatch(/\b(the|your|show|report)\b/i);
      }
    }
  });

  test('icons are PNGs of the sizes Teams requires: colour 192×192, outline 32×32', () => {
    expect(pngSize(manifest.icons.color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(manifest.icons.outline)).toEqual({ width: 32, height: 32 });
  });
});

describe('deploy/compose.yaml', () => {
  interface Service {
    image?: string;
    build?: { context: string; dockerfile: string };
    deploy?: { replicas?: number };
    environment?: Record<string, string>;
    depends_on?: Record<string, { condition: string }> | string[];
    ports?: string[];
  }
  const compose = parse(readFileSync(join(ROOT, 'deploy', 'compose.yaml'), 'utf8')) as {
    services: Record<string, Service>;
  };

  test('runs two bot replicas from the Dockerfile on PostgreSQL, started after the database is healthy', () => {
    const bot = compose.services.bot!;
    expect(bot.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
    expect(bot.deploy?.replicas).toBe(2);
    expect(bot.environment?.STORAGE).toBe('postgres');
    expect(bot.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@db:5432\//);
    expect(bot.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(compose.services.db!.image).toMatch(/^postgres:/);
  });

  test('exposes one address for the Playground, on the loopback interface only', () => {
    expect(compose.services.lb!.ports).toEqual(['127.0.0.1:3978:3978']);
  });
});
