import type { Redis } from 'ioredis';
import type {
  ClaimResult,
  DeliveryRecord,
  DrillStore,
  ReviewWrite,
} from '../../core/drills/ports.js';
import type {
  CardState,
  DmRefusal,
  DrillSession,
  DrillSubscription,
  ReviewLog,
} from '../../core/drills/types.js';
import { StoreDataError, count, decode } from './codec.js';
import {
  cardStateSchema,
  drillSubscriptionSchema,
  reviewLogSchema,
  storedSessionSchema,
} from './drill-codec.js';
import { CLAIM_DELIVERY, RECORD_DELIVERY, RECORD_REVIEW, TAKE_REFUSAL } from './drill-scripts.js';
import { RELEASE_LEASE } from './lease-scripts.js';
import { type RedisKeys, redisKeys } from './keys.js';
import { type ScriptRunner, defineScript } from './script.js';

/** A delivered marker outlives every retry of its job (BullMQ keeps failed jobs 14 days). */
const DELIVERED_TTL_SECONDS = 30 * 86_400;
const CLAIM_RESULTS: readonly ClaimResult[] = ['claimed', 'posted', 'busy'];
const REVIEW_WRITES: readonly ReviewWrite[] = ['recorded', 'not-pending', 'stale'];
const MGET_CHUNK = 500;

type Scripts = 'claim' | 'release' | 'deliver' | 'review' | 'take';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Drill subscriptions, cards, sessions and review history (key layout in keys.ts). */
export class RedisDrillStore implements DrillStore {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;
  private readonly scripts: Record<Scripts, ScriptRunner>;

  constructor(options: { redis: Redis; prefix: string }) {
    this.redis = options.redis;
    this.keys = redisKeys(options.prefix);
    this.scripts = {
      claim: defineScript(this.redis, 'quizbotDrillClaim', 2, CLAIM_DELIVERY),
      release: defineScript(this.redis, 'quizbotDrillRelease', 1, RELEASE_LEASE),
      deliver: defineScript(this.redis, 'quizbotDrillDeliver', 5, RECORD_DELIVERY),
      review: defineScript(this.redis, 'quizbotDrillReview', 4, RECORD_REVIEW),
      take: defineScript(this.redis, 'quizbotDrillTakeRefusal', 1, TAKE_REFUSAL),
    };
  }

  async getSubscription(workspace: string, player: string): Promise<DrillSubscription | null> {
    const key = this.keys.drillSub(workspace, player);
    const raw = await this.redis.get(key);
    return raw === null ? null : decode(drillSubscriptionSchema, raw, key);
  }

  async putSubscription(sub: DrillSubscription): Promise<void> {
    const k = this.keys;
    await this.exec(
      this.redis
        .multi()
        .set(k.drillSub(sub.workspace, sub.player), JSON.stringify(sub))
        .sadd(k.drillSubs(), member(sub.workspace, sub.player))
        .sadd(k.drillPlayerSubs(sub.player), sub.workspace),
      `storing the drill of ${sub.player}`,
    );
  }

  async removeSubscription(workspace: string, player: string): Promise<boolean> {
    const k = this.keys;
    const replies = await this.exec(
      this.redis
        .multi()
        .del(k.drillSub(workspace, player))
        .srem(k.drillSubs(), member(workspace, player))
        .srem(k.drillPlayerSubs(player), workspace),
      `removing the drill of ${player}`,
    );
    return Number(replies[0]) === 1;
  }

  async listSubscriptions(): Promise<DrillSubscription[]> {
    const pairs = (await this.redis.smembers(this.keys.drillSubs())).map(parseMember);
    return this.load(pairs.map(([workspace, player]) => this.keys.drillSub(workspace, player)));
  }

  async subscriptionsOf(player: string): Promise<DrillSubscription[]> {
    const workspaces = await this.redis.smembers(this.keys.drillPlayerSubs(player));
    return this.load(workspaces.map((workspace) => this.keys.drillSub(workspace, player)));
  }

  async cards(player: string): Promise<CardState[]> {
    const key = this.keys.drillCards(player);
    const fields = await this.redis.hgetall(key);
    return Object.entries(fields)
      .sort(([a], [b]) => cmp(a, b))
      .map(([id, raw]) => decode(cardStateSchema, raw, `${key} field ${id}`));
  }

  async card(player: string, questionId: string): Promise<CardState | null> {
    const key = this.keys.drillCards(player);
    const raw = await this.redis.hget(key, questionId);
    return raw === null ? null : decode(cardStateSchema, raw, `${key} field ${questionId}`);
  }

  async claimDelivery(
    player: string,
    slot: string,
    owner: string,
    leaseMs: number,
  ): Promise<ClaimResult> {
    if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0)
      throw new RangeError(`leaseMs must be a positive integer, got ${leaseMs}`);
    const result = await this.scripts.claim(
      [this.keys.drillDelivered(player, slot), this.keys.drillLease(player, slot)],
      [owner, leaseMs],
    );
    if (!CLAIM_RESULTS.includes(result as ClaimResult))
      throw new Error(`drill claim script returned ${String(result)}`);
    return result as ClaimResult;
  }

  async releaseDelivery(player: string, slot: string, owner: string): Promise<void> {
    await this.scripts.release([this.keys.drillLease(player, slot)], [owner]);
  }

  async recordDelivery(record: DeliveryRecord): Promise<void> {
    const { player, slot, session } = record;
    const k = this.keys;
    const stored = session && JSON.stringify(withoutPending(session));
    const pending = session?.pending ?? [];
    const cards = record.newCards.flatMap((card) => {
      if (card.player !== player)
        throw new RangeError(`card of ${card.player} in a delivery to ${player}`);
      return [card.questionId, JSON.stringify(card)];
    });
    await this.scripts.deliver(
      [
        k.drillDelivered(player, slot),
        k.drillLease(player, slot),
        k.drillSession(player),
        k.drillPending(player),
        k.drillCards(player),
      ],
      [DELIVERED_TTL_SECONDS, stored ?? '', pending.length, ...pending, ...cards],
    );
  }

  async session(player: string): Promise<DrillSession | null> {
    const key = this.keys.drillSession(player);
    const replies = await this.exec(
      this.redis.multi().get(key).smembers(this.keys.drillPending(player)),
      `reading the session of ${player}`,
    );
    const raw = replies[0] as string | null;
    if (raw === null) return null;
    const session = decode(storedSessionSchema, raw, key);
    const pending = new Set(replies[1] as string[]);
    return { ...session, pending: session.cards.filter((id) => pending.has(id)) };
  }

  async recordReview(input: {
    next: CardState;
    expectedReps: number;
    log: ReviewLog;
  }): Promise<ReviewWrite> {
    const { next, log } = input;
    const at = Date.parse(log.at);
    if (Number.isNaN(at))
      throw new RangeError(`review of ${next.questionId} has a bad time ${log.at}`);
    if (log.player !== next.player || log.questionId !== next.questionId)
      throw new RangeError('a review log must be of the card it updates');
    const k = this.keys;
    const cardsKey = k.drillCards(next.player);
    const result = await this.scripts.review(
      [
        k.drillPending(next.player),
        cardsKey,
        k.drillReviews(next.player),
        k.drillDays(next.player),
      ],
      [next.questionId, input.expectedReps, JSON.stringify(next), JSON.stringify(log), at, log.day],
    );
    if (result === 'corrupt')
      throw new StoreDataError(`${cardsKey} field ${next.questionId}`, 'not a card record');
    if (!REVIEW_WRITES.includes(result as ReviewWrite))
      throw new Error(`drill review script returned ${String(result)}`);
    return result as ReviewWrite;
  }

  async reviews(player: string, since: Date): Promise<ReviewLog[]> {
    const key = this.keys.drillReviews(player);
    const raw = await this.redis.zrangebyscore(key, since.getTime(), '+inf');
    return raw.map((json) => decode(reviewLogSchema, json, key));
  }

  async reviewTotals(player: string): Promise<{ total: number; days: Record<string, number> }> {
    const daysKey = this.keys.drillDays(player);
    const replies = await this.exec(
      this.redis.multi().zcard(this.keys.drillReviews(player)).hgetall(daysKey),
      `reading the review totals of ${player}`,
    );
    const days: Record<string, number> = {};
    for (const [day, n] of Object.entries(replies[1] as Record<string, string>)) {
      days[day] = count(n, `${daysKey} field ${day}`);
    }
    return { total: Number(replies[0]), days };
  }

  async recordDmRefusal(workspace: string, player: string, refusal: DmRefusal): Promise<void> {
    const key = this.keys.dmRefused(workspace, player);
    await this.exec(
      this.redis
        .multi()
        .hset(key, 'reason', refusal.reason, 'at', refusal.at)
        .hsetnx(key, 'told', '0'),
      `recording a refused DM to ${player}`,
    );
  }

  async clearDmRefusal(workspace: string, player: string): Promise<void> {
    await this.redis.del(this.keys.dmRefused(workspace, player));
  }

  async takeDmRefusal(workspace: string, player: string): Promise<DmRefusal | null> {
    const reply = (await this.scripts.take([this.keys.dmRefused(workspace, player)], [])) as
      [string | null, string | null] | null;
    if (!reply) return null;
    return { reason: reply[0] ?? '', at: reply[1] ?? '' };
  }

  private async load(keys: string[]): Promise<DrillSubscription[]> {
    const subs: DrillSubscription[] = [];
    for (let i = 0; i < keys.length; i += MGET_CHUNK) {
      const chunk = keys.slice(i, i + MGET_CHUNK);
      const values = await this.redis.mget(...chunk);
      values.forEach((raw, j) => {
        // Removed between SMEMBERS and MGET: simply gone.
        if (raw !== null) subs.push(decode(drillSubscriptionSchema, raw, chunk[j]!));
      });
    }
    return subs.sort((a, b) => cmp(a.workspace, b.workspace) || cmp(a.player, b.player));
  }

  private async exec(multi: ReturnType<Redis['multi']>, what: string): Promise<unknown[]> {
    const replies = await multi.exec();
    if (!replies) throw new Error(`${what} was aborted`);
    for (const [error] of replies) if (error) throw error;
    return replies.map(([, value]) => value);
  }
}

/** A member of the set of all drills: the two keys, unambiguous whatever they contain. */
const member = (workspace: string, player: string): string => JSON.stringify([workspace, player]);

function parseMember(raw: string): [string, string] {
  const value: unknown = JSON.parse(raw);
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    typeof value[1] !== 'string'
  ) {
    throw new StoreDataError('drill:subs', `member ${raw} is not [workspace, player]`);
  }
  return [value[0], value[1]];
}

function withoutPending(session: DrillSession): Omit<DrillSession, 'pending'> {
  const { pending: _pending, ...rest } = session;
  return rest;
}
