/**
 * A Publisher that records every post in Redis, so several bot processes share one record of what
 * "the platform" received. A repeat of an `idempotencyKey` returns the first post's ref and adds
 * nothing, as Discord does with an enforced nonce; `duplicates()` counts those repeats.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import {
  PublishRefusedError,
  type ChannelCheck,
  type Publisher,
} from '../../src/core/quiz/ports.js';
import type { PostedRef } from '../../src/core/quiz/types.js';
import type { OutgoingView } from '../../src/core/quiz/views.js';

export interface RecordedPost {
  seq: number;
  channel: string;
  /** The thread it went into, or null for a top-level message. */
  thread: string | null;
  kind: OutgoingView['kind'];
  idempotencyKey: string | null;
  ref: PostedRef;
  /** Who posted: the bot process's pid. */
  pid: number;
  at: number;
  /** The view without the (large) question body. */
  summary: Record<string, unknown>;
}

export interface RecordingPublisherOptions {
  redis: Redis;
  /** Key prefix of this recording (a test's unique one). */
  prefix: string;
  /** Simulated latency before the platform has the message. */
  latencyMs?: number;
  /** Simulated latency after it has it, before the caller hears back (a crash here loses the reply). */
  ackLatencyMs?: number;
  /** Overrides the Redis-backed deny list for `checkChannel`. */
  check?: (channel: string) => ChannelCheck | Promise<ChannelCheck>;
}

// KEYS: nonce, seq, channel list, channels set, duplicate counter.
// ARGV: use nonce (0|1), entry JSON with __SEQ__, ref JSON with __SEQ__, channel.
const RECORD = `
if ARGV[1] == '1' then
  local prior = redis.call('GET', KEYS[1])
  if prior then
    redis.call('INCR', KEYS[5])
    return prior
  end
end
local seq = tostring(redis.call('INCR', KEYS[2]))
local entry = string.gsub(ARGV[2], '__SEQ__', seq)
local ref = string.gsub(ARGV[3], '__SEQ__', seq)
redis.call('RPUSH', KEYS[3], entry)
redis.call('SADD', KEYS[4], ARGV[4])
if ARGV[1] == '1' then redis.call('SET', KEYS[1], ref) end
return ref
`;

export class RecordingPublisher implements Publisher {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(private readonly options: RecordingPublisherOptions) {
    this.redis = options.redis;
    this.prefix = `${options.prefix.replace(/:+$/, '')}:platform:`;
    this.redis.defineCommand('qbRecordPost', { numberOfKeys: 5, lua: RECORD });
  }

  async checkChannel(channel: string): Promise<ChannelCheck> {
    if (this.options.check) return this.options.check(channel);
    const missing = await this.redis.hget(this.key('denied'), channel);
    return missing ? { ok: false, missing: JSON.parse(missing) as string[] } : { ok: true };
  }

  async post(
    target: { channel: string; thread?: PostedRef },
    view: OutgoingView,
    options: { idempotencyKey?: string } = {},
  ): Promise<PostedRef> {
    if (this.options.latencyMs) await sleep(this.options.latencyMs);
    const check = await this.checkChannel(target.channel);
    if (!check.ok) {
      throw new PublishRefusedError(`missing ${check.missing.join(', ')}`, 'missing-permissions');
    }
    const thread = target.thread ? (target.thread.threadId ?? target.thread.messageId) : null;
    // A top-level message opens a thread, as the daily question does on Discord.
    const ref: PostedRef = thread
      ? { messageId: 'm__SEQ__' }
      : { messageId: 'm__SEQ__', threadId: 't__SEQ__' };
    const entry = {
      seq: '__SEQ__',
      channel: target.channel,
      thread,
      kind: view.kind,
      idempotencyKey: options.idempotencyKey ?? null,
      ref,
      pid: process.pid,
      at: Date.now(),
      summary: summarise(view),
    };
    const nonce = options.idempotencyKey ?? '';
    const run = (this.redis as unknown as Record<string, (...args: string[]) => Promise<string>>)
      .qbRecordPost!;
    const raw = await run.call(
      this.redis,
      this.key(`nonce:${nonce}`),
      this.key('seq'),
      this.key(`posts:${target.channel}`),
      this.key('channels'),
      this.key('duplicates'),
      nonce ? '1' : '0',
      JSON.stringify(entry),
      JSON.stringify(ref),
      target.channel,
    );
    if (this.options.ackLatencyMs) await sleep(this.options.ackLatencyMs);
    return JSON.parse(raw) as PostedRef;
  }

  /** Makes `checkChannel` (and posting) fail for a channel in every process. */
  async deny(channel: string, missing: string[]): Promise<void> {
    await this.redis.hset(this.key('denied'), channel, JSON.stringify(missing));
  }

  async allow(channel: string): Promise<void> {
    await this.redis.hdel(this.key('denied'), channel);
  }

  /** Everything posted to a channel (its threads included), in order. */
  async posts(channel: string): Promise<RecordedPost[]> {
    const raw = await this.redis.lrange(this.key(`posts:${channel}`), 0, -1);
    return raw.map((line) => {
      const entry = JSON.parse(line) as RecordedPost & { seq: string };
      return { ...entry, seq: Number(entry.seq) };
    });
  }

  /** Channels that received at least one post. */
  async channels(): Promise<string[]> {
    return (await this.redis.smembers(this.key('channels'))).sort();
  }

  /** Posts recorded so far, all channels. */
  async total(): Promise<number> {
    return Number((await this.redis.get(this.key('seq'))) ?? 0);
  }

  /** Repeats of an idempotency key that were absorbed (a crash between post and record). */
  async duplicates(): Promise<number> {
    return Number((await this.redis.get(this.key('duplicates'))) ?? 0);
  }

  private key(suffix: string): string {
    return `${this.prefix}${suffix}`;
  }
}

function summarise(view: OutgoingView): Record<string, unknown> {
  switch (view.kind) {
    case 'daily-question':
      return {
        postKey: view.postKey,
        day: view.day,
        questionId: view.question.id,
        revealAt: view.revealAt,
      };
    case 'daily-reveal':
      return { postKey: view.postKey, questionId: view.question.id, recap: view.recap };
    case 'leaderboard':
      return {
        period: view.period,
        periodKey: view.periodKey,
        final: view.final,
        entries: view.entries,
      };
    case 'notice':
      return { code: view.notice.code };
    case 'competition-round':
      return {
        competitionId: view.competitionId,
        round: view.round.number,
        prompt: view.item.prompt,
        buttons: view.buttons,
      };
    case 'competition-result':
      return {
        competitionId: view.competitionId,
        round: view.round.number,
        expected: view.expected,
        answered: view.answered,
        correct: view.correct,
        fastest: view.fastest,
        standings: view.standings,
      };
    case 'competition-standings':
      return {
        competitionId: view.competitionId,
        state: view.state,
        standings: view.standings,
        awarded: view.awarded,
      };
  }
}
