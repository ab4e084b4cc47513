/**
 * Benchmarks (figures, not pass/fail), one JSON line each: knowledge load, search latency (warm,
 * and cold: questions with words nobody asked before) with build time and heap after a forced GC
 * for the shipped knowledge base and generated ones of 1 000 and 10 000 entries, durable report
 * writes, the danger-now check's rules and model per message, and whole turns over HTTP on
 * 127.0.0.1. Loops are bounded in count.  npm run bench
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
import { isDangerNow } from '../src/search/danger';
import { DangerClassifier, type DangerModel } from '../src/search/dangerClassifier';
import { parseDangerLines } from '../src/search/dangerEvaluation';
import { parseEvalLines } from '../src/search/evaluation';
import { KnowledgeIndex, type IndexDoc } from '../src/search/index';
import { swedishWordList } from '../src/search/wordList';
import { SearchService } from '../src/search/service';
import { FakeChannel, teamsMessage } from '../test/helpers/channel';

const ROOT = join(__dirname, '..');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

/** A seeded pseudo-random generator, so generated knowledge bases are the same on every run. */
function prng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const LETTERS = 'abdefghijklmnoprstuvy';
function pseudoWord(rand: () => number, len = 5 + Math.floor(rand() * 6)): string {
  let w = '';
  for (let i = 0; i < len; i++) w += LETTERS[Math.floor(rand() * LETTERS.length)];
  return w;
}

/**
 * A knowledge base of `n` entries made from the shipped topics, each with a few words of its own
 * (places, names, jargon a large knowledge base would have), so the vocabulary grows with it.
 */
function generatedDocs(topics: IndexDoc[], n: number): IndexDoc[] {
  const rand = prng(n);
  const docs: IndexDoc[] = [];
  for (let i = 0; i < n; i++) {
    const t = topics[i % topics.length]!;
    const own = Array.from({ length: 4 }, () => pseudoWord(rand));
    const mix = (text: string) => `${text} ${own[Math.floor(rand() * own.length)]}`;
    docs.push({
      id: `gen-${i}`,
      title: { sv: mix(t.title.sv), en: t.title.en },
      summaryEn: t.summaryEn,
      answer: t.answer,
      steps: t.steps,
      questions: t.questions.slice(0, 12).map(mix),
      keywords: [...t.keywords, ...own],
    });
  }
  return docs;
}

interface SearchLike {
  search(text: string): unknown;
}

/**
 * p50/p99 over asks; "cold" questions carry a word nobody asked before (no cache can help). Wall
 * time per ask, and beside it the process's CPU time per ask (process.cpuUsage: garbage collection
 * and compiler threads included), which on a shared machine does not count the neighbours' turns.
 */
function measure(
  index: SearchLike,
  questions: string[],
  mode: 'warm' | 'cold',
  rounds: number,
): { p50: number; p99: number; cpuP50: number; cpuP99: number; cpuMeanMs: number } {
  const rand = prng(7);
  if (mode === 'warm') for (const q of questions) index.search(q); // fill the caches first
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const text = mode === 'cold' ? `${q} ${pseudoWord(rand, 8)} ${pseudoWord(rand, 6)}` : q;
      const c = process.cpuUsage();
      const s = performance.now();
      index.search(text);
      times.push(performance.now() - s);
      const u = process.cpuUsage(c);
      cpuTimes.push((u.user + u.system) / 1000);
    }
  }
  const used = process.cpuUsage(cpu);
  return {
    p50: pct(times, 0.5),
    p99: pct(times, 0.99),
    cpuP50: pct(cpuTimes, 0.5),
    cpuP99: pct(cpuTimes, 0.99),
    cpuMeanMs: (used.user + used.system) / 1000 / times.length,
  };
}

/**
 * The JS heap and the typed arrays' buffers (kept outside it: `arrayBuffers`), after a forced GC.
 * The index is mostly typed arrays: the JS heap alone left most of it out.
 */
const heapMb = () => {
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The danger-now check's two readers per message, over the blind danger corpora (every message is
 * read before a reply): the rules of danger.ts and the learned classifier, with the model's load
 * time (its weights are read once per process) and heap.
 */
function benchDanger(): void {
  const before = heapMb();
  let t = performance.now();
  const model = new DangerClassifier(
    JSON.parse(readFileSync(join(ROOT, 'src', 'search', 'dangerModel.json'), 'utf8')) as DangerModel,
  );
  const loadMs = performance.now() - t;
  const heap = heapMb() - before;
  const texts = ['tune', 'tune2', 'train-w1', 'train-w2'].flatMap((f) =>
    parseDangerLines(readFileSync(join(ROOT, 'eval', 'danger', `${f}.jsonl`), 'utf8')).map((c) => c.q),
  );
  for (const [reader, read] of [
    ['rules', (q: string) => isDangerNow(q)],
    ['model', (q: string) => model.isDangerNow(q)],
  ] as const) {
    for (const q of texts) read(q); // warm up
    const times: number[] = [];
    for (let r = 0; r < 3; r++)
      for (const q of texts) {
        t = performance.now();
        read(q);
        times.push(performance.now() - t);
      }
    console.log(
      JSON.stringify({
        bench: 'danger',
        reader,
        n: times.length,
        p50Ms: r3(pct(times, 0.5)),
        p99Ms: r3(pct(times, 0.99)),
        ...(reader === 'model' ? { loadMs: r2(loadMs), heapMb: r2(heap) } : {}),
      }),
    );
  }
}

async function main(): Promise<void> {
  if (!global.gc)
    console.error('run with node --expose-gc (npm run bench does): heap figures need a forced GC');
  let t = performance.now();
  const { kb } = loadKnowledge(join(ROOT, 'knowledge'));
  checkKnowledge(kb);
  const loadMs = performance.now() - t;
  t = performance.now();
  const words = swedishWordList();
  console.log(
    JSON.stringify({
      bench: 'load',
      knowledgeMs: r2(loadMs),
      wordListMs: r2(performance.now() - t),
      wordListStems: words.size,
    }),
  );

  const questions = parseEvalLines(readFileSync(join(ROOT, 'eval', 'kb.jsonl'), 'utf8')).map((c) => c.q);
  const thresholds = loadConfig({}).search;
  const sizes: Array<number | 'shipped'> = ['shipped', 1000, 10000];
  for (const size of sizes) {
    // Generating a knowledge base is the bench's work, not the build's: outside the timing and the
    // heap figure (like the shipped topics, loaded before).
    const docs = size === 'shipped' ? [] : generatedDocs(kb.topics, size);
    t = performance.now();
    const cpu = process.cpuUsage();
    // Held only here, so that dropping it frees the index (see heap below).
    let built: { index: KnowledgeIndex } | undefined = {
      index:
        size === 'shipped'
          ? // Its own word list: a service built with the shipped parts would share its index with
            // any other (service.ts), and the shared index would stay out of the heap figure.
            new SearchService(kb, thresholds, { wordList: words }).index
          : new KnowledgeIndex(docs, {
              synonymGroups: kb.synonymGroups,
              lexicon: kb.lexicon,
              wordList: words,
            }),
    };
    const buildMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    // CPU time beside wall time: on a shared machine the wall clock also measures the neighbours.
    const buildCpuMs = Math.round((used.user + used.system) / 1000);
    const entries = size === 'shipped' ? built.index.size : size;
    const asks = size === 10000 ? questions.slice(0, 200) : questions;
    const results = (['warm', 'cold'] as const).map((mode) => ({
      mode,
      ...measure(built!.index, asks, mode, size === 'shipped' ? 3 : 1),
    }));
    // The heap the index holds, its caches filled by the questions: the heap with it less the heap
    // without it, each after a forced GC. (Heap after the build less heap before it went negative
    // when a module-wide cache, such as the stem memo, was emptied during the build.)
    const withIndex = heapMb();
    built = undefined;
    const heap = withIndex - heapMb();
    for (const { mode, p50, p99, cpuP50, cpuP99, cpuMeanMs } of results) {
      console.log(
        JSON.stringify({
          bench: 'search',
          entries,
          mode,
          p50Ms: r2(p50),
          p99Ms: r2(p99),
          buildMs: Math.round(buildMs),
          heapMb: r2(heap),
          p50CpuMs: r2(cpuP50),
          p99CpuMs: r2(cpuP99),
          cpuMeanMs: r2(cpuMeanMs),
          buildCpuMs,
        }),
      );
    }
  }
  benchDanger();
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
    console.log(JSON.stringify({ bench: 'report-write', store: 'sqlite', n, eachMs: r2(writeMs / n) }));
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
      JSON.stringify({ bench: 'http-turn', n: N, p50Ms: r2(pct(turns, 0.5)), p95Ms: r2(pct(turns, 0.95)) }),
    );
    await app.stop();
    await channel.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
