import type { Redis } from 'ioredis';
import type { WorkspaceStore } from '../../core/quiz/ports.js';
import { type RedisKeys, redisKeys } from './keys.js';

/**
 * Per-workspace settings in one hash each (`timezone`, `admins` as a JSON list); the set of
 * workspaces is what jobs iterate at start (those with a zone).
 */
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

  async admins(workspace: string): Promise<string[]> {
    const raw = await this.redis.hget(this.keys.settings(workspace), 'admins');
    if (!raw) return [];
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  }

  async setAdmins(workspace: string, players: readonly string[]): Promise<void> {
    const list = JSON.stringify([...new Set(players)].sort());
    await this.redis.hset(this.keys.settings(workspace), 'admins', list);
  }
}
