import type { Redis } from 'ioredis';
import type { SubscriptionStore } from '../../core/quiz/ports.js';
import type { DailySubscription } from '../../core/quiz/types.js';
import { decode, subscriptionSchema } from './codec.js';
import { type RedisKeys, redisKeys } from './keys.js';
import { type ScriptRunner, defineScript } from './script.js';

/**
 * Compare-and-write of one subscription and its two indexes. The caller read the old value to
 * learn which workspace index it sits in; if the value changed since, nothing is written (-1) and
 * the caller reads again. An empty ARGV[2] deletes.
 * KEYS: sub, all-subs, old workspace index, new workspace index. ARGV: expected, json, channel.
 */
const WRITE_SUB = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return -1 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  redis.call('SREM', KEYS[2], ARGV[3])
  redis.call('SREM', KEYS[3], ARGV[3])
  if current == '' then return 0 end
  return 1
end
if KEYS[3] ~= KEYS[4] then redis.call('SREM', KEYS[3], ARGV[3]) end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('SADD', KEYS[4], ARGV[3])
return 1
`;

/** Optimistic retries only race with writes to the same channel, so a few always suffice. */
const MAX_ATTEMPTS = 20;
const MGET_CHUNK = 500;

/** Daily subscriptions as JSON per channel, indexed per workspace and globally. */
export class RedisSubscriptionStore implements SubscriptionStore {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;
  private readonly write: ScriptRunner;

  constructor(options: { redis: Redis; prefix: string }) {
    this.redis = options.redis;
    this.keys = redisKeys(options.prefix);
    this.write = defineScript(this.redis, 'quizbotWriteSub', 4, WRITE_SUB);
  }

  async get(channel: string): Promise<DailySubscription | null> {
    const key = this.keys.sub(channel);
    const raw = await this.redis.get(key);
    return raw === null ? null : decode(subscriptionSchema, raw, key);
  }

  async put(sub: DailySubscription): Promise<void> {
    await this.writeSub(sub.channel, sub);
  }

  async remove(channel: string): Promise<boolean> {
    return (await this.writeSub(channel, null)) === 1;
  }

  async listByWorkspace(workspace: string): Promise<DailySubscription[]> {
    const channels = await this.redis.smembers(this.keys.workspaceSubs(workspace));
    // The index only narrows the search; the record itself says which workspace it belongs to.
    return (await this.load(channels)).filter((sub) => sub.workspace === workspace);
  }

  async listAll(): Promise<DailySubscription[]> {
    return this.load(await this.redis.smembers(this.keys.allSubs()));
  }

  private async writeSub(channel: string, sub: DailySubscription | null): Promise<number> {
    const key = this.keys.sub(channel);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.redis.get(key);
      if (current === null && sub === null) return 0;
      const oldWorkspace = current === null ? null : workspaceOf(current);
      const newWorkspace = sub?.workspace ?? oldWorkspace;
      const oldIndex = this.keys.workspaceSubs(oldWorkspace ?? newWorkspace ?? '');
      const newIndex = this.keys.workspaceSubs(newWorkspace ?? oldWorkspace ?? '');
      const result = Number(
        await this.write(
          [key, this.keys.allSubs(), oldIndex, newIndex],
          [current ?? '', sub ? JSON.stringify(sub) : '', channel],
        ),
      );
      if (result >= 0) return result;
    }
    throw new Error(
      `subscription of ${channel} kept changing during ${MAX_ATTEMPTS} write attempts`,
    );
  }

  private async load(channels: string[]): Promise<DailySubscription[]> {
    const sorted = [...channels].sort();
    const subs: DailySubscription[] = [];
    for (let i = 0; i < sorted.length; i += MGET_CHUNK) {
      const keys = sorted.slice(i, i + MGET_CHUNK).map((channel) => this.keys.sub(channel));
      const values = await this.redis.mget(...keys);
      values.forEach((raw, j) => {
        // A channel removed between SMEMBERS and MGET is simply gone.
        if (raw !== null) subs.push(decode(subscriptionSchema, raw, keys[j]!));
      });
    }
    return subs;
  }
}

/** The workspace a stored record names, even when the rest of it is corrupt (to unindex it). */
function workspaceOf(raw: string): string | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (
      value &&
      typeof value === 'object' &&
      'workspace' in value &&
      typeof value.workspace === 'string'
    ) {
      return value.workspace;
    }
  } catch {
    // Corrupt: overwritten or removed all the same; a stale index entry is filtered on read.
  }
  return null;
}
