/**
 * Benchmarks (figures, not pass/fail): knowledge load, question latency, memory, durable report
 * writes, and whole turns over HTTP on 127.0.0.1. Loops are bounded in count.  npm run bench
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { checkKnowledge } from '../src/knowledge/checks';
import { loadKnowledge } from '../src/knowledge/loader';
import { silentLogger } from '../src/logger';
import { SqliteReportRepository } from '../src/report/store/sqliteReportRepository';
import { parseEvalLines } from '../src/search/evaluation';
import { SearchService } from '../src/search/service';
import { FakeChannel, teamsMessage } from '../test/helpers/channel';

const ROOT = join(__dirname, '..');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const { kb } = loadKnowledge(join(ROOT, 'knowledge'));
  checkKnowledge(kb);
  const loadMs = performance.now() - t;
  t = performance.now();
  const search = new SearchService(kb, {
    answerThreshold: 0.5,
    suggestThreshold: 0.3,
    ambiguityMargin: 0.02,
  });
  const indexMs = performance.now() - t;
  console.log(
    `knowledge load + check: ${ms(loadMs)}; index build: ${ms(indexMs)}; vocabulary ${search.index.vocabulary.size} stems`,
  );

  const questions = parseEvalLines(readFileSync(join(ROOT, 'eval', 'kb.jsonl'), 'utf8')).map((c) => c.q);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of questions) {
      const s = performance.now();
      search.ask(q);
      times.push(performance.now() - s);
    }
  }
  console.log(
    `question latency over ${times.length} asks: p50 ${ms(pct(times, 0.5))}, p95 ${ms(pct(times, 0.95))}, max ${ms(Math.max(...times))}`,
  );
  global.gc?.();
  console.log(
    `heap after knowledge + index: ${mb(process.memoryUsage().heapUsed - heapBefore)} (rss ${mb(process.memoryUsage().rss)})`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-'));
  try {
    const repo = new SqliteReportRepository(join(dir, 'reports.sqlite'));
    const n = 300;
    t = performance.now();
    for (let i = 0; i < n; i++) {
      await repo.create(
        {
          type: 'hot-och-vald',
          reporter: { userId: `u${i % 20}` },
          answers: { beskrivning: 'x'.repeat(500) },
          idempotencyKey: `k${i}`,
        },
        [{ channel: 'teams', payload: {} }],
      );
    }
    const writeMs = performance.now() - t;
    console.log(
      `durable report writes (SQLite, synchronous=FULL): ${n} in ${ms(writeMs)} = ${ms(writeMs / n)} each`,
    );
    await repo.close();

    const channel = new FakeChannel();
    await channel.start();
    const app = await startApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'app'), LOG_LEVEL: 'silent' }),
      silentLogger,
    );
    const turns: number[] = [];
    const N = 150;
    for (let i = 0; i < N; i++) {
      const activity = teamsMessage(channel.serviceUrl, {
        text: questions[i % questions.length],
        userId: `bench-${i % 10}`,
      });
      const before = channel.messages().length;
      const s = performance.now();
      await fetch(`http://127.0.0.1:${app.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await channel.waitForMessages(before + 1, 5000);
      turns.push(performance.now() - s);
    }
    console.log(
      `HTTP turn (POST to reply received) over ${N} turns: p50 ${ms(pct(turns, 0.5))}, p95 ${ms(pct(turns, 0.95))}`,
    );
    await app.stop();
    await channel.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
