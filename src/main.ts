/**
 * The composition root: builds every long-lived object (Redis client, stores, BullMQ queue and
 * worker, bank, formula renderer, adapters, HTTP server), wires them together and owns shutdown.
 * Nothing else in the codebase constructs a client; everything receives what it needs from here.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadBank } from './bank/load.js';
import type { AdapterName, Config } from './config.js';
import { type Catalog, createCatalog } from './core/catalog.js';
import type { DrillDeps } from './core/drills/ports.js';
import type { FormulaRenderer } from './core/ports.js';
import type { QuizDeps } from './core/quiz/ports.js';
import { type Clock, OffsetClock, systemClock } from './core/time/clock.js';
import { healthHandler } from './http/health.js';
import { listenOnPort } from './http/listen.js';
import { type BotMetrics, createMetrics } from './http/metrics.js';
import { metricsHandler } from './http/metrics-route.js';
import type { BotHttpServer } from './http/server.js';
import { ensureRedis, type RedisHandle } from './infra/redis-bootstrap.js';
import { fastForward } from './jobs/fast-forward.js';
import { BullDrillScheduler } from './jobs/drill-scheduler.js';
import { createJobQueue } from './jobs/queue.js';
import { BullScheduler } from './jobs/scheduler.js';
import { createQuizWorker, type QuizWorker } from './jobs/worker.js';
import { createLogger, type Logger, maskUrl } from './logger.js';
import { createConsoleAdapter } from './platforms/console/adapter.js';
import { createDiscordAdapter } from './platforms/discord/adapter.js';
import { plainStyle, type Style } from './platforms/console/format.js';
import { createSlackAdapter } from './platforms/slack/adapter.js';
import type { PromptIo } from './platforms/console/prompt.js';
import { createFormulaRenderer } from './render/create.js';
import { renderLeaderboardCard } from './render/leaderboard-card.js';
import type { Adapter, AdapterServices } from './runtime/adapter.js';
import { healthProbes } from './runtime/health-probes.js';
import { lazyRenderer } from './runtime/lazy-renderer.js';
import { type InflightJobs, trackInflight } from './runtime/inflight.js';
import { observedRenderer } from './runtime/observed-renderer.js';
import { prerenderBank } from './runtime/prerender-bank.js';
import { RoutingPublisher } from './runtime/routing-publisher.js';
import { RoutingDirectMessages } from './runtime/direct-messages.js';
import { buildCompetitions } from './runtime/competitions.js';
import { closeWorker, shutdownStep } from './runtime/shutdown-steps.js';
import { onShutdownSignals, type ShutdownSignals } from './runtime/signals.js';
import { createRedisStores } from './store/redis/stores.js';

export interface StartOptions {
  log?: Logger;
  /** Adapters to run instead of the configured ones (`quizbot start --console`). */
  adapters?: readonly AdapterName[];
  /** The console's terminal or pipe, and how to style its output. */
  console?: PromptIo & { style: Style; imageDir?: string };
  /** What bot time starts from; default the system clock. Tests pass a ManualClock. */
  clockBase?: Clock;
  /** Install SIGTERM/SIGINT handlers (the CLI does; tests call `stop()`). */
  handleSignals?: boolean;
  /** BullMQ queue name; tests use a unique one per bot. */
  queueName?: string;
  /** Render the bank's formulas into the cache in the background. Default true. */
  prerender?: boolean;
  /** Formula cache folder; default `<project>/var/cache/formulas`. */
  renderCacheDir?: string;
  /** Adapters built by the caller next to the configured ones (tests: a fake platform). */
  extraAdapters?: (services: AdapterServices) => Adapter[];
  /**
   * How long shutdown waits for running jobs before leaving them to another process. Default 8 s,
   * inside Docker's default 10 s between SIGTERM and SIGKILL.
   */
  drainTimeoutMs?: number;
}

export interface BotHandle {
  readonly httpPort: number;
  readonly metrics: BotMetrics;
  readonly deps: QuizDeps;
  readonly catalog: Catalog;
  /** Stops gracefully (see `shutdown`); later calls return the same promise. */
  stop(reason?: string): Promise<void>;
  /** Settles once the bot has stopped, whoever asked (a signal, the console's end of input). */
  readonly stopped: Promise<void>;
}

/** Everything a running bot holds, in the order it was built; any may be missing after a failed start. */
interface Parts {
  redisHandle?: RedisHandle;
  redis?: Redis;
  queue?: ReturnType<typeof createJobQueue>;
  worker?: QuizWorker;
  inflight?: InflightJobs;
  formulas?: FormulaRenderer;
  adapters: Adapter[];
  http?: BotHttpServer;
  prerender?: AbortController;
}

/** Builds, wires and starts the bot; resolves once it is taking commands and jobs. */
export async function startBot(config: Config, options: StartOptions = {}): Promise<BotHandle> {
  const log = options.log ?? createLogger(config);
  const parts: Parts = { adapters: [] };
  let stopping: Promise<void> | undefined;
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const stop = (reason = 'requested') =>
    (stopping ??= shutdown(parts, log, reason, options.drainTimeoutMs).finally(markStopped));

  try {
    parts.redisHandle = await ensureRedis(config, log);
    const redisUrl = parts.redisHandle.url;
    // No keyPrefix: the stores build their own keys from config.prefix, and BullMQ refuses one.
    parts.redis = new Redis(redisUrl);
    parts.redis.on('error', (error: NodeJS.ErrnoException) =>
      log.warn({ code: error.code, reason: error.message }, 'Redis client error'),
    );

    const bank = await loadBank(config.bankPath);
    const catalog = createCatalog(bank);
    log.info({ questions: bank.questions.length, files: bank.files.length }, 'bank loaded');

    const metrics = createMetrics();
    const clock = new OffsetClock(options.clockBase ?? systemClock);
    const queueSettings = { redisUrl, prefix: config.prefix, name: options.queueName };
    parts.queue = createJobQueue({ ...queueSettings, logger: log });
    const publisher = new RoutingPublisher(metrics.posts);
    const stores = createRedisStores({ redis: parts.redis, prefix: config.prefix });
    const deps: QuizDeps = {
      clock,
      ...stores,
      scheduler: new BullScheduler(parts.queue, { clock }),
      publisher,
      instanceId: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
    };
    const cacheDir = options.renderCacheDir ?? join(config.projectRoot, 'var', 'cache', 'formulas');
    parts.formulas = observedRenderer(
      lazyRenderer(() => createFormulaRenderer({ cacheDir })),
      metrics.renders,
    );
    const competitions = await buildCompetitions({
      bank,
      itemsPath: join(config.projectRoot, 'data', 'items'),
      redis: parts.redis,
      prefix: config.prefix,
      queue: parts.queue,
      shared: deps,
      log,
    });
    // Drill DMs: the routing publisher renders them on the player's platform, whose adapter
    // names the DM channel (both filled in once the adapters exist).
    const directMessages = new RoutingDirectMessages();
    const drills: DrillDeps = {
      clock,
      drills: stores.drills,
      drillScheduler: new BullDrillScheduler(parts.queue),
      publisher,
      directMessages,
      instanceId: deps.instanceId,
    };
    const services: AdapterServices = {
      deps,
      catalog,
      competitions,
      drills,
      formulas: parts.formulas,
      boardCard: renderLeaderboardCard,
      commands: metrics.commands,
    };

    let signals: ShutdownSignals | undefined;
    // Ctrl-C on the console's terminal counts as SIGINT (a second one forces the exit).
    const interrupt = () => (signals ? signals.raise('SIGINT') : void stop('interrupt'));
    parts.adapters = buildAdapters({ config, options, services, clock, log, stop, interrupt });
    for (const adapter of parts.adapters) {
      publisher.add(adapter.name, adapter.publisher, adapter.drillPublisher);
      if (adapter.dmChannelFor)
        directMessages.add(adapter.name, adapter.dmChannelFor.bind(adapter));
    }
    // Built paused: jobs may post, so they start only once the adapters are connected.
    parts.inflight = trackInflight(metrics.jobs);
    parts.worker = createQuizWorker({
      ...queueSettings,
      context: { deps, catalog, competitions: competitions.deps, drills },
      logger: log,
      metrics: parts.inflight,
      autorun: false,
    });
    // BullMQ crashes the process when a connection is closed while it is still initialising
    // (its late error has no listener left), so a very short session must wait for them here.
    await Promise.all([parts.queue.waitUntilReady(), parts.worker.worker.waitUntilReady()]);
    const probes = healthProbes({
      redis: parts.redis,
      worker: parts.worker,
      adapters: parts.adapters,
    });
    parts.http = await listenOnPort({
      port: config.port,
      routes: new Map([
        ['/healthz', healthHandler(probes)],
        ['/metrics', metricsHandler(metrics.registry)],
        ...parts.adapters.flatMap((a) => [...(a.routes ?? [])]),
      ]),
      fallbackToFreePort: parts.adapters.every((a) => a.name === 'console'),
      log,
    });

    for (const adapter of parts.adapters) {
      await adapter.start();
      metrics.setAdapterUp(adapter.name, true);
    }
    const worker = parts.worker.worker;
    worker.run().catch((error: unknown) => log.error({ err: String(error) }, 'job worker stopped'));
    if (options.prerender !== false) parts.prerender = prerenderBank(parts.formulas, catalog, log);
    if (options.handleSignals) {
      const installed = (signals = onShutdownSignals(stop, log));
      void stopped.then(() => installed.dispose());
    }

    log.info(
      {
        adapters: parts.adapters.map((a) => a.name),
        port: parts.http.port,
        redis: maskUrl(redisUrl),
        prefix: config.prefix,
      },
      'quizbot started',
    );
    return {
      httpPort: parts.http.port,
      metrics,
      deps,
      catalog,
      stop,
      stopped,
    };
  } catch (error) {
    await stop('start failed');
    throw error;
  }
}

type StopFn = (reason?: string) => Promise<void>;

/**
 * Each configured platform's adapter. Discord and Slack plug in here when they exist: a factory
 * per platform, their publishers reached through the routing publisher by channel-key prefix.
 */
function buildAdapters(env: {
  config: Config;
  options: StartOptions;
  services: AdapterServices;
  clock: OffsetClock;
  log: Logger;
  stop: StopFn;
  interrupt: () => void;
}): Adapter[] {
  const { config, options, services, log, stop } = env;
  const wanted = options.adapters ?? config.adapters;
  const adapters: Adapter[] = options.extraAdapters?.(services) ?? [];
  if (wanted.includes('discord') && config.discord) {
    adapters.push(createDiscordAdapter(services, { config: config.discord, log }));
  }
  if (config.slack && wanted.includes('slack'))
    adapters.push(createSlackAdapter(services, { config: config.slack, log }));
  if (wanted.includes('console') || adapters.length === 0) {
    const io = options.console ?? {
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      style: plainStyle,
    };
    adapters.push(
      createConsoleAdapter(services, {
        io,
        style: io.style,
        imageDir: options.console?.imageDir ?? join(config.projectRoot, 'var', 'console'),
        log,
        advanceClock: (ms, onItem) =>
          fastForward({
            context: {
              deps: services.deps,
              catalog: services.catalog,
              competitions: services.competitions?.deps,
              drills: services.drills,
            },
            clock: env.clock,
            durationMs: ms,
            onItem: (item) =>
              onItem({
                ...item,
                data: Object.fromEntries(Object.entries(item.data).map(([k, v]) => [k, String(v)])),
              }),
          }),
        onEnd: (reason) => (reason === 'interrupt' ? env.interrupt() : void stop(reason)),
      }),
    );
  }
  return adapters;
}

/**
 * Graceful shutdown, in order: stop taking work (adapters stop reading events), let running jobs
 * finish (or, past the drain timeout, leave them locked for another process to retake), then
 * disconnect adapters, close the HTTP server, the renderer, Redis, and a redis-server we started.
 * Every step runs even if an earlier one failed.
 */
async function shutdown(
  parts: Parts,
  log: Logger,
  reason: string,
  drainTimeoutMs = 8_000,
): Promise<void> {
  log.info({ reason }, 'shutting down');
  const step = shutdownStep(log);
  await step('adapters', () => Promise.all(parts.adapters.map((a) => a.stop())));
  parts.prerender?.abort();
  const { worker, inflight } = parts;
  if (worker && inflight) {
    await step(
      'worker',
      () => closeWorker(worker, inflight, log, drainTimeoutMs),
      drainTimeoutMs + 5_000,
    );
  }
  await step('queue', () => parts.queue?.close());
  await step('adapter connections', () => Promise.all(parts.adapters.map((a) => a.close())));
  await step('http', () => parts.http?.close());
  await step('renderer', () => parts.formulas?.close());
  await step('redis', async () => {
    const { redis } = parts;
    // QUIT lets pending replies arrive; a client that is not connected just drops its retries.
    if (redis?.status === 'ready') await redis.quit().catch(() => undefined);
    redis?.disconnect();
  });
  await step('redis-server', () => parts.redisHandle?.stop());
  log.info({ reason }, 'stopped');
}
