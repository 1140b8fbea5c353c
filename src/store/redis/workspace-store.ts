import type { Redis } from 'ioredis';
import type { WorkspaceStore } from '../../core/quiz/ports.js';
import { type RedisKeys, redisKeys } from './keys.js';

/** Per-workspace settings in one hash each; the set of workspaces is what jobs iterate at start. */
export class RedisWorkspaceStore implements WorkspaceStore {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;

  constructor(options: { redis: Redis; prefix: string }) {
    this.redis = options.redis;
    this.keys = redisKeys(options.prefix);
  }

  async timezone(workspace: string): Promise<string | null> {
    return this.redis.hget(this.keys.settings(workspace), 'timezone');
  }

  async setTimezone(workspace: string, timezone: string): Promise<void> {
    const replies = await this.redis
      .multi()
      .hset(this.keys.settings(workspace), 'timezone', timezone)
      .sadd(this.keys.workspaces(), workspace)
      .exec();
    const failed = replies?.find(([error]) => error)?.[0];
    if (!replies || failed)
      throw failed ?? new Error(`setting the timezone of ${workspace} was aborted`);
  }

  async listWorkspaces(): Promise<string[]> {
    return (await this.redis.smembers(this.keys.workspaces())).sort();
  }
}
