/**
 * vitest globalSetup: gives every test file a Redis URL through `inject('redisUrl')`.
 * REDIS_URL wins when set (CI with a service container); otherwise a private, throwaway
 * redis-server on a free port, so tests never depend on or disturb a developer's Redis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  RedisServerStartError,
  freePort,
  pingRedis,
  startRedisServer,
  type RedisServer,
} from '../../src/infra/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis every test shares; isolate with `testRedis()` prefixes. */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env.REDIS_URL?.trim();
  if (configured) {
    const probe = await pingRedis(configured, 3000);
    if (!probe.ok) throw new Error(`REDIS_URL ${configured} does not answer (${probe.reason})`);
    project.provide('redisUrl', configured);
    return async () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'quizbot-test-redis-'));
  const server = await startPrivate(dir);
  project.provide('redisUrl', server.url);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

// A free port can be taken between asking and binding; a couple of retries absorb that race.
async function startPrivate(dir: string): Promise<RedisServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startRedisServer({ port: await freePort(), dir, persist: false });
    } catch (error) {
      const retry = error instanceof RedisServerStartError && error.reason === 'exited';
      if (!retry || attempt === 3) {
        const hint = 'install redis-server (apt-get install redis-server) or set REDIS_URL';
        throw new Error(`tests need Redis: ${(error as Error).message}; ${hint}`, { cause: error });
      }
    }
  }
}
