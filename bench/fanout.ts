/**
 * Daily fan-out benchmark: what it costs to post the daily question to 200 channels whose job
 * schedulers all fire at the same instant, in wall time and Redis commands.
 *
 * A private redis-server (no persistence) is started so INFO commandstats counts only this run.
 * The platform is an in-memory publisher with no latency, so the numbers are the bot's own cost:
 * BullMQ (fetching, locking, completing, scheduling the next iteration) plus the stores (claim,
 * rotation, record) plus the reveal job each post schedules. The schedulers use a seconds-resolution
 * cron so a run does not wait for a minute boundary; otherwise they are what `upsertDaily` makes.
 *
 * `benchFanout()` returns the numbers; run this file directly to print them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { saveResult } from './results.js';
import { Redis } from 'ioredis';
import { loadBank } from '../src/bank/load.js';
import { createCatalog, type Catalog } from '../src/core/catalog.js';
import type { Publisher, QuizDeps } from '../src/core/quiz/ports.js';
import type { DailySubscription, PostedRef } from '../src/core/quiz/types.js';
import { systemClock } from '../src/core/time/clock.js';
import { freePort, startRedisServer } from '../src/infra/redis-server.js';
import { dailySchedulerId } from '../src/jobs/ids.js';
import { countingMetrics, silentLogger } from '../src/jobs/observe.js';
import { createJobQueue } from '../src/jobs/queue.js';
import { BullScheduler } from '../src/jobs/scheduler.js';
import { createQuizWorker } from '../src/jobs/worker.js';
import { createRedisStores } from '../src/store/redis/stores.js';

const CHANNELS = 200;
const CONCURRENCY = [1, 8, 32];
const REPEATS = 3;

/** Posts counted in memory; resolves `done` when every channel has its post. */
class CountingPublisher implements Publisher {
  posts = 0;
  private seq = 0;
  constructor(private readonly onPost: (count: number) => void) {}
  async checkChannel() {
    return { ok: true } as const;
  }
  async post(_target: unknown, view: { kind: string }): Promise<PostedRef> {
    this.seq++;
    if (view.kind === 'daily-question') this.onPost(++this.posts);
    return { messageId: `m${this.seq}`, threadId: `t${this.seq}` };
  }
}

type CommandStats = Map<string, number>;

async function commandStats(redis: Redis): Promise<CommandStats> {
  const stats = new Map<string, number>();
  for (const line of (await redis.info('commandstats')).split('\n')) {
    const m = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (m) stats.set(m[1]!, Number(m[2]));
  }
  return stats;
}

function delta(before: CommandStats, after: CommandStats): CommandStats {
  const out = new Map<string, number>();
  for (const [name, calls] of after) {
    const d = calls - (before.get(name) ?? 0);
    // INFO itself is ours, not the bot's.
    if (d > 0 && name !== 'info') out.set(name, d);
  }
  return out;
}

const sum = (stats: CommandStats) => [...stats.values()].reduce((a, b) => a + b, 0);
const top = (stats: CommandStats, n = 8) =>
  Object.fromEntries([...stats].sort((a, b) => b[1] - a[1]).slice(0, n));

interface RunResult {
  concurrency: number;
  wallMs: number;
  postsPerSecond: number;
  redisCommands: number;
  commandsPerChannel: number;
  /** Commands clients sent (MONITOR lines not from inside scripts); the MONITOR run only. */
  clientCommands?: number;
  clientCommandsPerChannel?: number;
  topCommands: Record<string, number>;
  lagMs: { p50: number; p95: number; max: number };
}

async function fanOut(
  url: string,
  admin: Redis,
  catalog: Catalog,
  concurrency: number,
  monitor: boolean,
  run: number,
): Promise<RunResult> {
  const prefix = `bench${concurrency}-${run}${monitor ? 'm' : ''}`;
  const state = new Redis(url);
  const queue = createJobQueue({ redisUrl: url, prefix, logger: silentLogger });
  let finish!: () => void;
  const allPosted = new Promise<void>((done) => (finish = done));
  const publisher = new CountingPublisher((n) => n === CHANNELS && finish());
  const deps: QuizDeps = {
    clock: systemClock,
    ...createRedisStores({ redis: state, prefix }),
    scheduler: new BullScheduler(queue),
    publisher,
    instanceId: 'bench',
  };
  const subs: DailySubscription[] = [];
  for (let i = 0; i < CHANNELS; i++) {
    const sub: DailySubscription = {
      workspace: `bench:ws:${i % 10}`,
      channel: `bench:ch:${i}`,
      time: '09:00',
      timezone: 'UTC',
      tags: [],
      revealAfterMinutes: 480,
      createdBy: 'bench',
      createdAt: new Date().toISOString(),
      paused: null,
    };
    subs.push(sub);
    await deps.subscriptions.put(sub);
  }
  // Every scheduler due at the same second, two seconds from now.
  const due = new Date(Math.ceil((Date.now() + 2_000) / 1000) * 1000);
  const pattern = `${due.getUTCSeconds()} ${due.getUTCMinutes()} ${due.getUTCHours()} * * *`;
  for (const sub of subs) {
    await queue.upsertJobScheduler(
      dailySchedulerId(sub.channel),
      { pattern, tz: 'UTC' },
      { name: 'daily', data: { channel: sub.channel } },
    );
  }
  const metrics = countingMetrics();
  const worker = createQuizWorker({
    redisUrl: url,
    prefix,
    context: { deps, catalog },
    logger: silentLogger,
    metrics,
    concurrency,
    autorun: false,
  });
  await worker.worker.waitUntilReady();
  await sleep(Math.max(0, due.getTime() - Date.now() + 50));

  let clientCommands = 0;
  const monitorClient = monitor ? admin.duplicate() : undefined;
  const watcher = monitorClient ? await monitorClient.monitor() : undefined;
  // MONITOR prints "[db lua]" for commands a script runs, "[db host:port]" for a client's.
  watcher?.on('monitor', (_time: string, _args: string[], source: string) => {
    if (source !== 'lua') clientCommands++;
  });
  const before = await commandStats(admin);
  const started = performance.now();
  void worker.worker.run();
  await allPosted;
  const wallMs = performance.now() - started;
  const stats = delta(before, await commandStats(admin));
  watcher?.disconnect();
  monitorClient?.disconnect();

  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  state.disconnect();

  const lags = metrics.lags.map((l) => l.lagMs).sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(lags[Math.min(lags.length - 1, Math.floor(p * lags.length))]!);
  const commands = sum(stats);
  return {
    concurrency,
    wallMs: Math.round(wallMs),
    postsPerSecond: Math.round((CHANNELS / wallMs) * 1000),
    redisCommands: commands,
    commandsPerChannel: Math.round((commands / CHANNELS) * 10) / 10,
    ...(monitor
      ? {
          clientCommands,
          clientCommandsPerChannel: Math.round((clientCommands / CHANNELS) * 10) / 10,
        }
      : {}),
    topCommands: top(stats),
    lagMs: { p50: at(0.5), p95: at(0.95), max: at(1) },
  };
}

/** Runs the 200-channel fan-out at several worker concurrencies (plus one pass under MONITOR). */
export async function benchFanout(): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'quizbot-bench-redis-'));
  const server = await startRedisServer({ port: await freePort(), dir, persist: false });
  const admin = new Redis(server.url);
  admin.on('error', () => {});
  try {
    const catalog = createCatalog(await loadBank('data/questions.md'));
    const version = /redis_version:(\S+)/.exec(await admin.info('server'))?.[1];
    const runs: (RunResult & { wallMsRuns: number[] })[] = [];
    for (const concurrency of CONCURRENCY) {
      const repeats: RunResult[] = [];
      for (let i = 0; i < REPEATS; i++)
        repeats.push(await fanOut(server.url, admin, catalog, concurrency, false, i));
      // The median run by wall time stands for the concurrency; the others' times are listed.
      const sorted = [...repeats].sort((a, b) => a.wallMs - b.wallMs);
      runs.push({ ...sorted[Math.floor(REPEATS / 2)]!, wallMsRuns: repeats.map((r) => r.wallMs) });
    }
    // MONITOR slows Redis down, so its pass only counts client commands; its timings are not kept.
    const monitored = await fanOut(server.url, admin, catalog, 8, true, 0);
    return {
      channels: CHANNELS,
      node: process.version,
      redis: version,
      publisher: "in-memory, no latency (the bot's own cost only)",
      runs,
      clientCommands: {
        concurrency: 8,
        total: monitored.clientCommands,
        perChannel: monitored.clientCommandsPerChannel,
        note: 'sent by clients (EVALSHA counts once); redisCommands also counts what the scripts run',
      },
    };
  } finally {
    admin.disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchFanout();
  await saveResult('fanout', result);
  console.log(JSON.stringify(result, null, 2));
}
