/**
 * Makes sure there is a Redis before anything else starts. A configured REDIS_URL is only checked;
 * without one, a local Redis is used, or started as a child so `npm start` works beside nothing.
 */
import { join, relative } from 'node:path';
import type { Config } from '../config.js';
import { maskUrl, type Logger } from '../logger.js';
import {
  RedisServerStartError,
  freePort,
  isPortFree,
  pingRedis,
  startRedisServer,
  waitForRedis,
} from './redis-server.js';

export interface RedisHandle {
  readonly url: string;
  /** `configured`: REDIS_URL answered; `local`: the default address answered; `spawned`: we started it. */
  readonly origin: 'configured' | 'local' | 'spawned';
  /** Stops the child redis-server when this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export type RedisBootstrapCode = 'REDIS_UNREACHABLE' | 'REDIS_NOT_FOUND' | 'REDIS_START_FAILED';

/** No usable Redis; the message is one line saying what to do. */
export class RedisBootstrapError extends Error {
  constructor(
    readonly code: RedisBootstrapCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RedisBootstrapError';
  }
}

export interface EnsureRedisOptions {
  /** Where a started server keeps its data. Default `<project>/var/redis`. */
  dataDir?: string;
  /** Environment for the child; its PATH decides whether `redis-server` is found. Default: ours. */
  spawnEnv?: NodeJS.ProcessEnv;
  /** Deadline for each PING probe. Default 1,500 ms. */
  pingTimeoutMs?: number;
  /** Deadline for a started server's first PONG. Default 20 s. */
  startTimeoutMs?: number;
}

const HOW_TO_GET_ONE =
  'run `docker compose up -d redis` or `apt-get install redis-server`, or set REDIS_URL';

/** Returns a Redis that answers PING, starting a child redis-server when REDIS_URL is unset. */
export async function ensureRedis(
  config: Pick<Config, 'redis' | 'projectRoot'>,
  log: Pick<Logger, 'info' | 'debug'>,
  options: EnsureRedisOptions = {},
): Promise<RedisHandle> {
  const { url, explicit } = config.redis;
  const pingTimeout = options.pingTimeoutMs ?? 1500;
  const probe = await pingRedis(url, pingTimeout);
  if (probe.ok) {
    log.debug({ url: maskUrl(url) }, 'Redis answers');
    return { url, origin: explicit ? 'configured' : 'local', stop: async () => {} };
  }
  if (explicit) {
    throw new RedisBootstrapError(
      'REDIS_UNREACHABLE',
      `REDIS_URL ${maskUrl(url)} does not answer (${probe.reason}); start that Redis or fix REDIS_URL`,
    );
  }
  return startLocal(config, log, options, pingTimeout);
}

async function startLocal(
  config: Pick<Config, 'redis' | 'projectRoot'>,
  log: Pick<Logger, 'info'>,
  options: EnsureRedisOptions,
  pingTimeout: number,
): Promise<RedisHandle> {
  const defaultUrl = config.redis.url;
  const preferred = Number(new URL(defaultUrl).port || 6379);
  // Something that is not a usable Redis may hold the port (another service, a password-protected
  // Redis); then our own server goes elsewhere rather than fighting over it.
  const port = (await isPortFree(preferred)) ? preferred : await freePort();
  const dataDir = options.dataDir ?? join(config.projectRoot, 'var', 'redis');
  try {
    const server = await startRedisServer({
      port,
      dir: dataDir,
      persist: true,
      env: options.spawnEnv,
      startTimeoutMs: options.startTimeoutMs,
    });
    const where = relative(config.projectRoot, dataDir) || dataDir;
    const moved = port === preferred ? '' : ` (port ${preferred} was taken)`;
    log.info(
      { url: server.url, redisPid: server.pid, dataDir },
      `REDIS_URL is unset and nothing answered at ${defaultUrl}, so quizbot started redis-server on ${server.url}${moved} with its data in ${where}; it stops when quizbot does`,
    );
    return { url: server.url, origin: 'spawned', stop: server.stop };
  } catch (error) {
    if (error instanceof RedisServerStartError && error.reason === 'not-found') {
      throw new RedisBootstrapError(
        'REDIS_NOT_FOUND',
        `No Redis: nothing answers at ${defaultUrl} and redis-server is not on PATH; ${HOW_TO_GET_ONE}`,
        { cause: error },
      );
    }
    // Two quizbot processes starting at once both see the port free; the loser uses the winner's.
    if (port === preferred && (await waitForRedis(defaultUrl, 3 * pingTimeout)).ok) {
      return { url: defaultUrl, origin: 'local', stop: async () => {} };
    }
    const why = error instanceof Error ? error.message : String(error);
    throw new RedisBootstrapError(
      'REDIS_START_FAILED',
      `Could not start redis-server (${why}); see ${join(dataDir, 'redis.log')}, or ${HOW_TO_GET_ONE}`,
      { cause: error },
    );
  }
}
