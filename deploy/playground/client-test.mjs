// `npm run test:client`: the bot in a real Teams-style client. Starts the bot (no credentials, a fresh
// DATA_DIR), then for each person (employee, manager, reporter) a fresh Microsoft 365 Agents Playground
// through deploy/playground.sh (offline, telemetry off, client locale en-US as the Playground always
// sends), and drives it with Debian's Chromium via playwright-core (deploy/playground/check.mjs). Fails when
// any check fails. Screenshots, the exchanged activities and result.json go to data/client-test/<person>/.
//
// The asker path needs a security team, which the Playground (one user) cannot play: QUESTION_ROUTES sends
// every area to a team channel whose serviceUrl is a small channel stub in this script (it records what the
// bot posts and updates there); check.mjs reads the stub and posts the team member's "Svara" to the bot.
//
//   CHROMIUM  the browser binary (/usr/bin/chromium; `apt-get install -y chromium` on Debian)
//   OUT_DIR   where screenshots go (data/client-test)
//   PERSONS   which paths to run, comma-separated (employee,manager,reporter,asker)
//
// Everything listens on 127.0.0.1; the browser may reach nothing else. Exit code 0 = every check passed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outRoot = path.resolve(process.env.OUT_DIR ?? path.join(root, 'data/client-test'));
const persons = (process.env.PERSONS ?? 'employee,manager,reporter,asker').split(',').filter(Boolean);
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const START_TIMEOUT_MS = 60_000;

const log = (line) => process.stdout.write(`client-test: ${line}\n`);

if (!fs.existsSync(chromium)) {
  log(`no browser at ${chromium}. Install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM.`);
  process.exit(2);
}

/** A free port on 127.0.0.1 (closed again before use; good enough for a test run on one machine). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers 2xx, the child dies, or the time is up. */
async function waitFor(url, child, what) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not answer on ${url} within ${START_TIMEOUT_MS / 1000} s`);
}

/** The security team's channel, as the Bot Framework connector would take it: what the bot posts. */
const TEAM_CHANNEL = '19:client-test-security@thread.tacv2';
const TEAM_MEMBER = { id: 'client-test-expert', aadObjectId: 'aad-client-test-expert' };

/**
 * A channel stub on 127.0.0.1: POST/PUT on /v3/conversations/<id>/activities[/<activity id>] are recorded
 * and answered like the connector; GET /_recorded returns them (check.mjs polls it).
 */
function teamChannelStub() {
  const recorded = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/_recorded') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(recorded));
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= 1_000_000) chunks.push(c);
    });
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (!m || !['POST', 'PUT'].includes(req.method ?? '')) {
        res.writeHead(404).end();
        return;
      }
      let activity = {};
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        res.writeHead(400).end();
        return;
      }
      const id = m[2] ? decodeURIComponent(m[2]) : `team-activity-${(next += 1)}`;
      recorded.push({ method: req.method, conversationId: decodeURIComponent(m[1]), id, activity });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }),
    );
  });
}

const children = [];
/** Starts a child in its own process group (so stopping it stops what it started), output to a file. */
function start(command, args, env, logFile) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  children.push(child);
  return child;
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

function runDriver(env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'deploy/playground/check.mjs')], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

fs.rmSync(outRoot, { recursive: true, force: true });
fs.mkdirSync(outRoot, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-client-test-'));
let status = 0;
const summary = [];
let stub;
try {
  stub = await teamChannelStub();
  const teamConversation = {
    channelId: 'msteams',
    serviceUrl: stub.url,
    conversation: { id: TEAM_CHANNEL, conversationType: 'channel', isGroup: true },
  };
  const route = { conversation: teamConversation, members: [TEAM_MEMBER.aadObjectId] };
  const questionRoutes = Object.fromEntries(
    ['hot-och-vald', 'otillaten-paverkan', 'informationssakerhet', 'fortroendevaldas-sakerhet', 'ovrigt'].map(
      (area) => [area, route],
    ),
  );
  const botPort = await freePort();
  log(`bot on 127.0.0.1:${botPort}, data in ${dataDir}`);
  const bot = start(
    path.join(root, 'node_modules/.bin/tsx'),
    ['src/index.ts'],
    {
      PORT: String(botPort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The Playground sends no token: the bot must run without credentials, whatever .env says.
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: '',
      MicrosoftAppTenantId: '',
      STORAGE: 'sqlite',
      ASK_THE_TEAM_ENABLED: 'true',
      QUESTION_ROUTES: JSON.stringify(questionRoutes),
      OUTBOX_POLL_MS: '200',
    },
    path.join(outRoot, 'bot.log'),
  );
  await waitFor(`http://127.0.0.1:${botPort}/healthz`, bot, 'the bot');

  for (const person of persons) {
    const outDir = path.join(outRoot, person);
    fs.mkdirSync(outDir, { recursive: true });
    const playgroundPort = await freePort();
    // A fresh Playground per person: a new conversation, as a new user opening the app.
    const playground = start(
      'bash',
      [path.join(root, 'deploy/playground.sh')],
      {
        PORT: String(botPort),
        PLAYGROUND_PORT: String(playgroundPort),
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(outDir, 'playground.log'),
      },
      path.join(outDir, 'playground.out'),
    );
    try {
      await waitFor(`http://127.0.0.1:${playgroundPort}/`, playground, 'the Playground');
      log(`${person}: Playground on 127.0.0.1:${playgroundPort}`);
      const code = await runDriver({
        PLAYGROUND_URL: `http://127.0.0.1:${playgroundPort}`,
        OUT_DIR: outDir,
        PERSON: person,
        CHROMIUM: chromium,
        BOT_URL: `http://127.0.0.1:${botPort}`,
        TEAM_STUB_URL: stub.url,
        TEAM_CHANNEL,
        TEAM_MEMBER: JSON.stringify(TEAM_MEMBER),
      });
      summary.push(`${person}: ${code === 0 ? 'passed' : 'FAILED'}`);
      if (code !== 0) status = 1;
    } finally {
      await stop(playground);
    }
  }
} catch (e) {
  log(`setup failed: ${e?.message ?? e}`);
  status = 2;
} finally {
  for (const child of children) await stop(child);
  await new Promise((r) => (stub ? stub.server.close(r) : r()));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
log(`${summary.join('; ') || 'nothing ran'}; screenshots in ${path.relative(root, outRoot)}/`);
process.exit(status);
