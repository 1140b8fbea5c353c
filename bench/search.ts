/**
 * Search benchmark: index build time and per-query latency of search, autocomplete and id
 * resolution on the default bank, over queries people really type (Chinese, English, ids, typos).
 * `benchSearch()` returns the numbers; run this file directly to print them.
 */
import { pathToFileURL } from 'node:url';
import { saveResult } from './results.js';
import { loadBank } from '../src/bank/load.js';
import { buildSearchIndex } from '../src/core/search/index.js';

const BANK = 'data/questions.md';
const BUILDS = 20;
const ROUNDS = 200;
const WARMUP_ROUNDS = 20;

const QUERIES: Record<string, string[]> = {
  chinese: [
    '白化',
    '初始化',
    '梯度消失',
    '交叉熵',
    '为什么 BN 能加速训练',
    'bn 放在激活函数前还是后',
  ],
  english: ['lstm', 'BN', 'densenet', 'python decorator', 'inception', 'hessian'],
  mixed: ['densenet 显存', 'l1 和 l2 的区别', 'LSTM 参数量', 'PCA 白化'],
  ids: ['Q3', 'q29', '3', ' Q41 ', 'Q-0000'],
  typos: ['densnet', 'Inceptoin', 'lstn', 'pyton', 'dropuot'],
  partial: ['dense', '白', '初始', 'resid', 'q1'],
  hostile: ['', '   ', '.*+?(', 'x'.repeat(10_000), '白化'.repeat(500)],
};

interface Stats {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Measures build time and query latency; build figures in ms, query figures in µs. */
export async function benchSearch(): Promise<object> {
  const { questions } = await loadBank(BANK);

  let started = performance.now();
  let index = buildSearchIndex(questions);
  const coldBuildMs = performance.now() - started;
  const builds: number[] = [];
  for (let i = 0; i < BUILDS; i++) {
    started = performance.now();
    index = buildSearchIndex(questions);
    builds.push(performance.now() - started);
  }

  const ops = {
    search: (q: string) => index.search(q, { limit: 10 }),
    suggest: (q: string) => index.suggest(q, 25),
    resolveId: (q: string) => index.resolveId(q),
  };
  const all = Object.values(QUERIES).flat();
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    for (const q of all) for (const op of Object.values(ops)) op(q);
  }

  const latency: Record<string, Stats> = {};
  const byCategory: Record<string, Record<string, Pick<Stats, 'p50' | 'p95'>>> = {};
  for (const [name, op] of Object.entries(ops)) {
    const everything: number[] = [];
    for (const [category, queries] of Object.entries(QUERIES)) {
      const times = time(op, queries);
      everything.push(...times);
      const { p50, p95 } = stats(times, 1000);
      (byCategory[category] ??= {})[name] = { p50, p95 };
    }
    latency[name] = stats(everything, 1000);
  }

  return {
    bank: BANK,
    questions: questions.length,
    node: process.version,
    buildMs: { cold: round(coldBuildMs), ...stats(builds, 1) },
    queryUs: latency,
    byCategoryUs: byCategory,
  };
}

/** Per-call times in ms, the queries interleaved so no single one stays hot in caches. */
function time(op: (q: string) => unknown, queries: readonly string[]): number[] {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const started = performance.now();
      op(q);
      times.push(performance.now() - started);
    }
  }
  return times;
}

function stats(values: readonly number[], scale: number): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * scale);
  return { samples: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchSearch();
  await saveResult('search', result);
  console.log(JSON.stringify(result, null, 2));
}
