/**
 * Whole turns over HTTP under load, our bot beside a bare botbuilder echo bot (bench/echoBot.cjs) on
 * the same channel stub, alternated in one run. Prints JSON lines (figures, not pass/fail):
 *
 *   {"bench":"turns","bot":"ours"|"echo","concurrency":10,"turnsPerSec":…,"p50Ms":…,"p99Ms":…,"errors":0}
 *   {"bench":"process","startupMs":…,"rssMbAfter1k":…,"rssMbAfter10k":…,"echoStartupMs":…}
 *
 * Both bots run as child processes started the way production starts (`node dist/src/index.js`, so
 * `npm run build` first; `npm run bench:turns` does that). A turn is timed from the POST to its HTTP
 * response: CloudAdapter answers after the turn's replies have reached the channel. Start-up is spawn
 * to the first 200 from /readyz. Resident memory is read from /proc after 1 000 and 10 000 of our turns.
 *
 *   BENCH_RUN_MS (default 2000) per run; BENCH_RUNS (default 3) per bot and concurrency;
 *   BENCH_BUDGET_MS (default 120000): the top-up to 10 000 turns stops there, so the whole script
 *   (build included) stays within three minutes; rssMbAfter10k is then null and `ourTurns` says
 *   how far it got.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseEvalLines } from '../src/search/evaluation';

const ROOT = join(__dirname, '..');
const CONCURRENCY = [1, 10, 50] as const;
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 2000);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 120_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARMUP_MS = 1500;
const RSS_EARLY = 1_000;
const RSS_LATE = 10_000;

type BotName = 'ours' | 'echo';

interface Bot {
  name: BotName;
  proc: ChildProcess;
  port: number;
  startupMs: number;
  agent: Agent;
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * The channel both bots reply to: answers every POST /v3/conversations/:id/activities with an id,
 * counting non-typing replies. Kept lean so the harness takes little of the CPU it measures.
 */
class ChannelStub {
  replies = 0;
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'POST' && req.url?.includes('/activities')) {
          const body = Buffer.concat(chunks).toString('utf8');
          if (!body.includes('"type":"typing"')) this.replies++;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(`{"id":"r${this.replies}"}`);
        } else {
          res.writeHead(404);
          res.end();
        }
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function startBot(name: BotName, dataDir: string): Promise<Bot> {
  const port = await freePort();
  const script = name === 'ours' ? join(ROOT, 'dist', 'src', 'index.js') : join(ROOT, 'bench', 'echoBot.cjs');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: join(dataDir, name),
    KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
    LOG_LEVEL: 'info',
    // Every conversation here is one user sending turns back to back: far above any person's pace.
    // The limiter still runs on every turn (its cost is measured); it must not answer instead of the bot.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const started = performance.now();
  // The working directory is the (empty) data folder, so no developer .env is read.
  const proc = spawn(process.execPath, [script], {
    cwd: dataDir,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = started + 30_000;
  while ((await get(port, '/readyz')) !== 200) {
    if (performance.now() > deadline || proc.exitCode !== null)
      throw new Error(`${name} bot did not get ready`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const startupMs = performance.now() - started;
  return { name, proc, port, startupMs, agent: new Agent({ keepAlive: true, maxSockets: 64 }) };
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024, 1);
}

let activityCounter = 0;

function post(bot: Bot, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bot.port,
        path: '/api/messages',
        method: 'POST',
        agent: bot.agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

function activity(serviceUrl: string, conversation: number, text: string): string {
  activityCounter++;
  const user = `bench-user-${conversation}`;
  return JSON.stringify({
    type: 'message',
    id: `bench-${activityCounter}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: user, name: 'Bench', aadObjectId: `aad-${user}` },
    conversation: { id: `conv-${user}`, conversationType: 'personal', tenantId: 'tenant-bench' },
    recipient: { id: 'bot-1', name: 'Säkerhetsguiden' },
    locale: 'sv-SE',
    text,
    channelData: { tenant: { id: 'tenant-bench' } },
  });
}

interface RunResult {
  turns: number;
  errors: number;
  latencies: number[];
  elapsedMs: number;
}

/** `concurrency` conversations, each sending its next message as soon as the last turn is done. */
async function load(
  bot: Bot,
  channel: ChannelStub,
  questions: string[],
  concurrency: number,
  until: { ms?: number; turns?: number },
  onTurn: () => void = () => undefined,
): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  const end = until.ms === undefined ? Infinity : t0 + until.ms;
  const maxTurns = until.turns ?? Infinity;
  const worker = async (conversation: number) => {
    while (performance.now() < end && started < maxTurns) {
      started++;
      const body = activity(channel.serviceUrl, conversation, questions[started % questions.length]!);
      const s = performance.now();
      const status = await post(bot, body);
      latencies.push(performance.now() - s);
      if (status !== 200) errors++;
      onTurn();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  return { turns: latencies.length, errors, latencies, elapsedMs: performance.now() - t0 };
}

async function main(): Promise<void> {
  const began = performance.now();
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) {
    throw new Error('dist/src/index.js is missing: run `npm run build` (npm run bench:turns does)');
  }
  const questions = parseEvalLines(readFileSync(join(ROOT, 'eval', 'kb.jsonl'), 'utf8')).map((c) => c.q);
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-turns-'));
  const channel = new ChannelStub();
  await channel.start();
  const bots: Bot[] = [];
  try {
    // Ours first, on a quiet machine, so its start-up figure is not inflated by the echo bot's.
    const ours = await startBot('ours', dir);
    bots.push(ours);
    const echo = await startBot('echo', dir);
    bots.push(echo);

    let ourTurns = 0;
    let rssAfter1k: number | undefined;
    let rssAfter10k: number | undefined;
    const countOurs = () => {
      ourTurns++;
      if (ourTurns === RSS_EARLY) rssAfter1k = rssMb(ours.proc.pid);
      if (ourTurns === RSS_LATE) rssAfter10k = rssMb(ours.proc.pid);
    };

    for (const bot of [ours, echo]) {
      await load(bot, channel, questions, 10, { ms: WARMUP_MS }, bot === ours ? countOurs : undefined);
    }

    for (const concurrency of CONCURRENCY) {
      for (let run = 0; run < RUNS; run++) {
        const order = run % 2 === 0 ? [ours, echo] : [echo, ours];
        for (const bot of order) {
          const before = channel.replies;
          const r = await load(
            bot,
            channel,
            questions,
            concurrency,
            { ms: RUN_MS },
            bot === ours ? countOurs : undefined,
          );
          const sorted = [...r.latencies].sort((a, b) => a - b);
          const missing = r.turns - (channel.replies - before);
          console.log(
            JSON.stringify({
              bench: 'turns',
              bot: bot.name,
              concurrency,
              turnsPerSec: round((r.turns / r.elapsedMs) * 1000, 1),
              p50Ms: round(pct(sorted, 0.5)),
              p99Ms: round(pct(sorted, 0.99)),
              turns: r.turns,
              errors: r.errors + Math.max(0, missing),
            }),
          );
        }
      }
    }

    // Top up to 10 000 of our turns for the memory figure.
    const left = BUDGET_MS - (performance.now() - began);
    if (ourTurns < RSS_LATE && left > 0) {
      await load(ours, channel, questions, 10, { turns: RSS_LATE - ourTurns, ms: left }, countOurs);
    }
    console.log(
      JSON.stringify({
        bench: 'process',
        startupMs: Math.round(ours.startupMs),
        rssMbAfter1k: rssAfter1k,
        rssMbAfter10k: rssAfter10k ?? null,
        ourTurns,
        echoStartupMs: Math.round(echo.startupMs),
        date: new Date().toISOString().slice(0, 10),
      }),
    );
  } finally {
    for (const bot of bots) {
      bot.agent.destroy();
      bot.proc.kill('SIGTERM');
    }
    await Promise.all(
      bots.map(
        (b) =>
          new Promise<void>((resolve) =>
            b.proc.exitCode !== null ? resolve() : b.proc.once('exit', () => resolve()),
          ),
      ),
    );
    await channel.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
