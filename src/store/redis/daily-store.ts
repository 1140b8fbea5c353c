import type { Redis } from 'ioredis';
import type { ClaimResult, DailyStore } from '../../core/quiz/ports.js';
import type { DailyPost, Rating } from '../../core/quiz/types.js';
import { count, decode, postSchema, ratingRecordSchema } from './codec.js';
import { CLAIM, MARK, RECORD_POST } from './daily-scripts.js';
import { RELEASE_LEASE } from './lease-scripts.js';
import { type RedisKeys, postKeyOf, redisKeys } from './keys.js';
import { type ScriptRunner, defineScript } from './script.js';

const CLAIM_RESULTS: readonly ClaimResult[] = ['claimed', 'posted', 'busy'];

/** Daily posts, their claims, flags and ratings, and each channel's rotation. */
export class RedisDailyStore implements DailyStore {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;
  private readonly scripts: Record<'claim' | 'release' | 'record' | 'mark', ScriptRunner>;

  constructor(options: { redis: Redis; prefix: string }) {
    this.redis = options.redis;
    this.keys = redisKeys(options.prefix);
    this.scripts = {
      claim: defineScript(this.redis, 'quizbotClaim', 2, CLAIM),
      release: defineScript(this.redis, 'quizbotRelease', 1, RELEASE_LEASE),
      record: defineScript(this.redis, 'quizbotRecordPost', 5, RECORD_POST),
      mark: defineScript(this.redis, 'quizbotMarkPost', 1, MARK),
    };
  }

  async claim(channel: string, slot: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0)
      throw new RangeError(`leaseMs must be a positive integer, got ${leaseMs}`);
    const postKey = postKeyOf(channel, slot);
    const result = await this.scripts.claim(
      [this.keys.post(postKey), this.keys.lease(postKey)],
      [owner, leaseMs],
    );
    if (!CLAIM_RESULTS.includes(result as ClaimResult))
      throw new Error(`claim script returned ${String(result)}`);
    return result as ClaimResult;
  }

  async release(channel: string, slot: string, owner: string): Promise<void> {
    await this.scripts.release([this.keys.lease(postKeyOf(channel, slot))], [owner]);
  }

  async recordPost(post: DailyPost, rotationCycle: number): Promise<void> {
    const postedAt = Date.parse(post.postedAt);
    if (Number.isNaN(postedAt))
      throw new RangeError(`post ${post.key} has an invalid postedAt ${post.postedAt}`);
    if (!Number.isSafeInteger(rotationCycle) || rotationCycle < 0)
      throw new RangeError(`bad rotation cycle ${rotationCycle}`);
    const k = this.keys;
    await this.scripts.record(
      [
        k.post(post.key),
        k.lease(post.key),
        k.channelPosts(post.channel),
        k.rotationCycle(post.channel),
        k.rotationUsed(post.channel),
      ],
      [
        JSON.stringify(post),
        post.key,
        postedAt,
        rotationCycle,
        post.questionId,
        post.revealed ? 1 : 0,
        post.revealPosted ? 1 : 0,
      ],
    );
  }

  async getPost(key: string): Promise<DailyPost | null> {
    const redisKey = this.keys.post(key);
    const fields = await this.redis.hgetall(redisKey);
    if (fields.json === undefined) return null;
    const post = decode(postSchema, fields.json, redisKey);
    // The flags live beside the record so that setting one is a single atomic HSETNX.
    return {
      ...post,
      revealed: post.revealed || fields.revealed === '1',
      revealPosted: post.revealPosted || fields.revealPosted === '1',
    };
  }

  async latestPost(channel: string): Promise<DailyPost | null> {
    const [key] = await this.redis.zrevrange(this.keys.channelPosts(channel), 0, 0);
    return key === undefined ? null : this.getPost(key);
  }

  async markRevealed(key: string): Promise<boolean> {
    return Number(await this.scripts.mark([this.keys.post(key)], ['revealed'])) === 1;
  }

  async markRevealPosted(key: string): Promise<void> {
    await this.scripts.mark([this.keys.post(key)], ['revealPosted']);
  }

  async rotation(channel: string): Promise<{ cycle: number; used: string[] }> {
    const cycleKey = this.keys.rotationCycle(channel);
    const replies = await this.redis
      .multi()
      .get(cycleKey)
      .smembers(this.keys.rotationUsed(channel))
      .exec();
    if (!replies) throw new Error(`rotation read of ${channel} was aborted`);
    for (const [error] of replies) if (error) throw error;
    const cycle = count(replies[0]![1] as string | null, cycleKey);
    return { cycle, used: [...(replies[1]![1] as string[])].sort() };
  }

  async ratings(key: string): Promise<Map<string, Rating>> {
    const redisKey = this.keys.ratings(key);
    const fields = await this.redis.hgetall(redisKey);
    const ratings = new Map<string, Rating>();
    for (const [player, raw] of Object.entries(fields).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )) {
      ratings.set(player, decode(ratingRecordSchema, raw, `${redisKey} field ${player}`).rating);
    }
    return ratings;
  }
}
