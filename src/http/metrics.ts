/**
 * The process's Prometheus metrics, on a registry built here and owned by main.ts (not
 * prom-client's global default: two bots in one test process must not share counters).
 * Everything else reports through the small observer interfaces below, so neither the adapters
 * nor the jobs layer import prom-client.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobMetrics } from '../jobs/observe.js';
import type { CommandObserver } from '../runtime/adapter.js';

export interface RenderObserver {
  /** One formula render answered: `cached` from the disk cache, else freshly drawn (or failed). */
  rendered(event: { ok: boolean; cached: boolean; seconds: number; background: boolean }): void;
}

export interface PostObserver {
  posted(event: { platform: string; kind: string; ok: boolean }): void;
}

export interface BotMetrics {
  readonly registry: Registry;
  readonly commands: CommandObserver;
  readonly renders: RenderObserver;
  readonly jobs: JobMetrics;
  readonly posts: PostObserver;
  /** 1 while an adapter is connected, per adapter name. */
  setAdapterUp(name: string, up: boolean): void;
}

/** The metric names, for the README and the tests. */
export const METRIC_NAMES = [
  'quizbot_commands_total',
  'quizbot_command_duration_seconds',
  'quizbot_formula_renders_total',
  'quizbot_formula_cache_hits_total',
  'quizbot_formula_render_duration_seconds',
  'quizbot_jobs_processed_total',
  'quizbot_jobs_failed_total',
  'quizbot_job_lag_seconds',
  'quizbot_job_duration_seconds',
  'quizbot_posts_total',
  'quizbot_adapter_up',
] as const;

// Chat commands must answer within ~3 s (Discord's deadline); buckets concentrate below that.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];
// Lag is scheduling delay: sub-second normally, minutes after an outage or a restart.
const LAG_BUCKETS = [0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];

/** A fresh registry with quizbot's metrics and Node's process metrics. */
export function createMetrics(): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const commands = new Counter({
    name: 'quizbot_commands_total',
    help: 'Commands handled, by command path, platform and outcome (ok, refused, error)',
    labelNames: ['command', 'platform', 'outcome'] as const,
    registers,
  });
  const commandSeconds = new Histogram({
    name: 'quizbot_command_duration_seconds',
    help: 'Time from receiving a command to its reply being ready',
    labelNames: ['command', 'platform'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const renders = new Counter({
    name: 'quizbot_formula_renders_total',
    help: 'Formula renders answered, by result (ok, failed) and source (cache, render)',
    labelNames: ['result', 'source', 'priority'] as const,
    registers,
  });
  const cacheHits = new Counter({
    name: 'quizbot_formula_cache_hits_total',
    help: 'Formula renders served from the disk cache',
    registers,
  });
  const renderSeconds = new Histogram({
    name: 'quizbot_formula_render_duration_seconds',
    help: 'Time to answer one formula render, cache lookups included',
    labelNames: ['source'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const processed = new Counter({
    name: 'quizbot_jobs_processed_total',
    help: 'Jobs finished, by job name and result status',
    labelNames: ['job', 'status'] as const,
    registers,
  });
  const failed = new Counter({
    name: 'quizbot_jobs_failed_total',
    help: 'Job attempts that threw, by job name and whether they will be retried',
    labelNames: ['job', 'retry'] as const,
    registers,
  });
  const lag = new Histogram({
    name: 'quizbot_job_lag_seconds',
    help: 'Start time minus scheduled time of each job attempt',
    labelNames: ['job'] as const,
    buckets: LAG_BUCKETS,
    registers,
  });
  const jobSeconds = new Histogram({
    name: 'quizbot_job_duration_seconds',
    help: 'Time a job took to run',
    labelNames: ['job'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const posts = new Counter({
    name: 'quizbot_posts_total',
    help: 'Messages the bot posted through a platform publisher, by platform, view kind and result',
    labelNames: ['platform', 'kind', 'result'] as const,
    registers,
  });
  const adapterUp = new Gauge({
    name: 'quizbot_adapter_up',
    help: '1 while the adapter is connected to its platform',
    labelNames: ['adapter'] as const,
    registers,
  });

  return {
    registry,
    commands: {
      handled({ command, platform, outcome, seconds }) {
        commands.inc({ command, platform, outcome });
        commandSeconds.observe({ command, platform }, seconds);
      },
    },
    renders: {
      rendered({ ok, cached, seconds, background }) {
        const source = cached ? 'cache' : 'render';
        renders.inc({
          result: ok ? 'ok' : 'failed',
          source,
          priority: background ? 'background' : 'interactive',
        });
        if (cached) cacheHits.inc();
        renderSeconds.observe({ source }, seconds);
      },
    },
    jobs: {
      started: ({ name, lagMs }) => lag.observe({ job: name }, Math.max(0, lagMs) / 1000),
      processed({ name, status, durationMs }) {
        processed.inc({ job: name, status });
        jobSeconds.observe({ job: name }, durationMs / 1000);
      },
      failed: ({ name, willRetry }) => failed.inc({ job: name, retry: String(willRetry) }),
    },
    posts: {
      posted: ({ platform, kind, ok }) =>
        posts.inc({ platform, kind, result: ok ? 'ok' : 'failed' }),
    },
    setAdapterUp: (name, up) => adapterUp.set({ adapter: name }, up ? 1 : 0),
  };
}
