#!/usr/bin/env bash
# Builds the Teams app package deploy/teams/build/sakerhetsguiden.zip (manifest.json + two icons) for
# sideloading or upload to the Teams admin center. Run from anywhere: `npm run package:teams`.
#
# Inputs (environment first, then the repo's .env):
#   BOT_ID            the bot's Microsoft Entra app id; falls back to MicrosoftAppId
#   TEAMS_APP_ID      the Teams app's own id (a GUID). Keep it stable: a new id is a new app in Teams.
#   TEAMS_APP_VERSION optional; defaults to "version" in package.json. Teams wants it raised on every upload.
#
# Only Node built-ins are used (zlib for deflate), so packaging needs no `zip` package. The zip has a
# fixed timestamp, so the same inputs give the same bytes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out_dir="$here/build"

# Reads KEY from the repo's .env without sourcing it (sourcing would run whatever the file holds).
env_file_value() {
  local key="$1" file="$root/.env"
  [[ -f "$file" ]] || return 0
  sed -n -E "s/^[[:space:]]*(export[[:space:]]+)?${key}[[:space:]]*=[[:space:]]*//p" "$file" | tail -n 1 |
    sed -E "s/^\"(.*)\"[[:space:]]*$/\1/; s/^'(.*)'[[:space:]]*$/\1/; s/[[:space:]]+$//"
}

BOT_ID="${BOT_ID:-${MicrosoftAppId:-}}"
[[ -n "$BOT_ID" ]] || BOT_ID="$(env_file_value BOT_ID)"
[[ -n "$BOT_ID" ]] || BOT_ID="$(env_file_value MicrosoftAppId)"
TEAMS_APP_ID="${TEAMS_APP_ID:-$(env_file_value TEAMS_APP_ID)}"
TEAMS_APP_VERSION="${TEAMS_APP_VERSION:-$(env_file_value TEAMS_APP_VERSION)}"

missing=()
[[ -n "$BOT_ID" ]] || missing+=("BOT_ID (or MicrosoftAppId): the bot's Microsoft Entra application (client) id")
[[ -n "$TEAMS_APP_ID" ]] || missing+=("TEAMS_APP_ID: a GUID for the Teams app; create one once (uuidgen) and keep it")
if ((${#missing[@]} > 0)); then
  {
    echo "package:teams: missing configuration:"
    printf '  - %s\n' "${missing[@]}"
    echo "Set them in the environment or in .env, for example:"
    echo "  TEAMS_APP_ID=<guid> BOT_ID=<guid> npm run package:teams"
  } >&2
  exit 1
fi

mkdir -p "$out_dir"

# Substitution, validation and zipping in one Node process; values travel as environment variables,
# never spliced into code.
BOT_ID="$BOT_ID" TEAMS_APP_ID="$TEAMS_APP_ID" TEAMS_APP_VERSION="$TEAMS_APP_VERSION" \
  TEAMS_DIR="$here" OUT_DIR="$out_dir" ROOT_DIR="$root" \
  node - <<'NODE'
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const { TEAMS_DIR, OUT_DIR, ROOT_DIR } = process.env;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+$/;

function fail(problems) {
  process.stderr.write(`package:teams: the package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}

const values = {
  BOT_ID: process.env.BOT_ID.trim(),
  TEAMS_APP_ID: process.env.TEAMS_APP_ID.trim(),
  APP_VERSION:
    (process.env.TEAMS_APP_VERSION || '').trim() ||
    JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')).version,
};
const inputProblems = [];
if (!GUID.test(values.BOT_ID)) inputProblems.push(`BOT_ID must be a GUID, got "${values.BOT_ID}"`);
if (!GUID.test(values.TEAMS_APP_ID)) inputProblems.push(`TEAMS_APP_ID must be a GUID, got "${values.TEAMS_APP_ID}"`);
if (!SEMVER.test(values.APP_VERSION)) inputProblems.push(`app version must be like 1.2.3, got "${values.APP_VERSION}"`);
if (inputProblems.length) fail(inputProblems);

// Substitute ${{NAME}} placeholders in the text, then check that none is left over.
const template = fs.readFileSync(path.join(TEAMS_DIR, 'manifest.json'), 'utf8');
const text = template.replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name) => (name in values ? values[name] : whole));
const leftover = text.match(/\$\{\{[A-Z_]+\}\}/g);
if (leftover) fail([`unknown placeholders in manifest.json: ${[...new Set(leftover)].join(', ')}`]);

let manifest;
try {
  manifest = JSON.parse(text);
} catch (err) {
  fail([`manifest.json is not valid JSON after substitution: ${err.message}`]);
}

// The checks that catch real mistakes; the full schema is checked by Teams on upload.
const problems = [];
const len = (s) => [...(s ?? '')].length;
const maxLen = (label, s, max) => {
  if (typeof s !== 'string' || len(s) === 0) problems.push(`${label} is missing`);
  else if (len(s) > max) problems.push(`${label} is ${len(s)} characters (max ${max})`);
};
const https = (label, s) => {
  if (!/^https:\/\//i.test(s ?? '')) problems.push(`${label} must be an https URL`);
};
if (manifest.manifestVersion !== '1.30') problems.push('manifestVersion must be "1.30"');
if (!GUID.test(manifest.id ?? '')) problems.push('id must be a GUID');
if (!SEMVER.test(manifest.version ?? '')) problems.push('version must be like 1.2.3');
maxLen('name.short', manifest.name?.short, 30);
maxLen('name.full', manifest.name?.full, 100);
maxLen('description.short', manifest.description?.short, 80);
maxLen('description.full', manifest.description?.full, 4000);
maxLen('developer.name', manifest.developer?.name, 32);
https('developer.websiteUrl', manifest.developer?.websiteUrl);
https('developer.privacyUrl', manifest.developer?.privacyUrl);
https('developer.termsOfUseUrl', manifest.developer?.termsOfUseUrl);
if (!/^#[0-9a-fA-F]{6}$/.test(manifest.accentColor ?? '')) problems.push('accentColor must be like #RRGGBB');
const bots = manifest.bots ?? [];
if (bots.length !== 1) problems.push('exactly one bot is expected');
for (const bot of bots) {
  if (bot.botId !== values.BOT_ID) problems.push('bots[0].botId must be BOT_ID');
  const lists = bot.commandLists ?? [];
  if (lists.length > 3) problems.push(`bots[0].commandLists has ${lists.length} lists (max 3)`);
  lists.forEach((list, i) => {
    for (const scope of list.scopes ?? []) {
      if (!(bot.scopes ?? []).includes(scope)) problems.push(`commandLists[${i}] scope ${scope} is not a bot scope`);
    }
    const commands = list.commands ?? [];
    if (commands.length > 10) problems.push(`commandLists[${i}] has ${commands.length} commands (max 10)`);
    commands.forEach((c, j) => {
      maxLen(`commandLists[${i}].commands[${j}].title`, c.title, 32);
      maxLen(`commandLists[${i}].commands[${j}].description`, c.description, 128);
    });
  });
}

// Icons: present, PNG, and the sizes Teams requires.
const icons = { color: 192, outline: 32 };
const files = [{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') }];
for (const [kind, size] of Object.entries(icons)) {
  const file = manifest.icons?.[kind];
  if (typeof file !== 'string' || file.includes('/') || file.includes('\\')) {
    problems.push(`icons.${kind} must name a file beside manifest.json`);
    continue;
  }
  let data;
  try {
    data = fs.readFileSync(path.join(TEAMS_DIR, file));
  } catch {
    problems.push(`icons.${kind}: ${file} not found in deploy/teams/ (run node deploy/teams/make-icons.js)`);
    continue;
  }
  const isPng = data.length > 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('ascii', 12, 16) === 'IHDR';
  if (!isPng) {
    problems.push(`icons.${kind}: ${file} is not a PNG`);
    continue;
  }
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  if (width !== size || height !== size) problems.push(`icons.${kind}: ${file} is ${width}x${height}, must be ${size}x${size}`);
  files.push({ name: file, data });
}
if (problems.length) fail(problems);

// A minimal zip writer (deflate via zlib): local headers, central directory, end record.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1; // 2024-01-01: fixed, so builds are reproducible

const locals = [];
const centrals = [];
let offset = 0;
for (const { name, data } of files) {
  const nameBuf = Buffer.from(name, 'utf8');
  const deflated = zlib.deflateRawSync(data, { level: 9 });
  const crc = crc32(data);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  local.writeUInt16LE(0x0800, 6); // names are UTF-8
  local.writeUInt16LE(8, 8); // method: deflate
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  local.writeUInt16LE(0, 28);
  locals.push(local, nameBuf, deflated);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  central.writeUInt16LE(20, 6); // version needed
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(DOS_TIME, 12);
  central.writeUInt16LE(DOS_DATE, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  // extra length, comment length, disk number, internal and external attributes stay 0
  central.writeUInt32LE(offset, 42);
  centrals.push(central, nameBuf);

  offset += local.length + nameBuf.length + deflated.length;
}
const centralDir = Buffer.concat(centrals);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(files.length, 8);
end.writeUInt16LE(files.length, 10);
end.writeUInt32LE(centralDir.length, 12);
end.writeUInt32LE(offset, 16);

const zipPath = path.join(OUT_DIR, 'sakerhetsguiden.zip');
fs.writeFileSync(path.join(OUT_DIR, 'manifest.json'), files[0].data);
fs.writeFileSync(zipPath, Buffer.concat([...locals, centralDir, end]));
process.stdout.write(
  `package:teams: wrote ${path.relative(ROOT_DIR, zipPath)} (app ${values.TEAMS_APP_ID}, bot ${values.BOT_ID}, version ${values.APP_VERSION})\n` +
    `  files: ${files.map((f) => f.name).join(', ')}\n` +
    '  Upload it in Teams: Apps > Manage your apps > Upload an app (or the Teams admin center for the whole organisation).\n',
);
NODE
