import type { Redis } from 'ioredis';
import type { RateOutcome, ScoreStore } from '../../core/quiz/ports.js';
import {
  type BoardEntry,
  type PeriodKind,
  RATINGS,
  type Rating,
  type Streak,
} from '../../core/quiz/types.js';
import { previousDay } from '../../core/time/zone.js';
import { count, decode, ratingRecordSchema } from './codec.js';
import { type RedisKeys, redisKeys } from './keys.js';
import { AWARD, CLOSE, ENTRY, RATE, TOP } from './score-scripts.js';
import { type ScriptRunner, defineScript } from './script.js';

type RateInput = Parameters<ScoreStore['rate']>[0];
type AwardInput = Parameters<ScoreStore['award']>[0];

/** A rate only retries when the same player's rating of the same post changed in between. */
const MAX_RATE_ATTEMPTS = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Boards (sorted sets), names, streaks and rating counts per workspace. */
export class RedisScoreStore implements ScoreStore {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;
  private readonly scripts: Record<'rate' | 'award' | 'top' | 'entry' | 'close', ScriptRunner>;

  constructor(options: { redis: Redis; prefix: string }) {
    this.redis = options.redis;
    this.keys = redisKeys(options.prefix);
    this.scripts = {
      rate: defineScript(this.redis, 'quizbotRate', 7, RATE),
      award: defineScript(this.redis, 'quizbotAward', 5, AWARD),
      top: defineScript(this.redis, 'quizbotTop', 2, TOP),
      entry: defineScript(this.redis, 'quizbotEntry', 2, ENTRY),
      close: defineScript(this.redis, 'quizbotClose', 2, CLOSE),
    };
  }

  async rate(input: RateInput): Promise<RateOutcome | null> {
    assertPoints(input.points);
    if (!DAY.test(input.day)) throw new RangeError(`day must be YYYY-MM-DD, got ${input.day}`);
    const k = this.keys;
    const ratingsKey = k.ratings(input.postKey);
    for (let attempt = 0; attempt < MAX_RATE_ATTEMPTS; attempt++) {
      const old = await this.redis.hget(ratingsKey, input.player);
      // A change moves points on the boards the first rating counted on, so every board stays
      // the sum of its ratings even when a rating is changed after a week or month rolled over.
      const periods =
        old === null
          ? input.periods
          : decode(ratingRecordSchema, old, `${ratingsKey} field ${input.player}`);
      const record = JSON.stringify({
        rating: input.rating,
        points: input.points,
        week: periods.week,
        month: periods.month,
      });
      const reply = (await this.scripts.rate(
        [
          k.post(input.postKey),
          ratingsKey,
          k.board(input.workspace, 'week', periods.week),
          k.board(input.workspace, 'month', periods.month),
          k.board(input.workspace, 'all', 'all'),
          k.names(input.workspace),
          k.player(input.workspace, input.player),
        ],
        [
          input.player,
          input.rating,
          input.points,
          input.day,
          previousDay(input.day),
          input.name,
          old ?? '',
          record,
        ],
      )) as [string, ...(string | number)[]];
      if (reply[0] === 'revealed') return null;
      if (reply[0] === 'ok') {
        const [, previous, delta, current, best, lastDay] = reply;
        return {
          previous: previous === '' ? null : (previous as Rating),
          delta: Number(delta),
          streak: {
            current: Number(current),
            best: Number(best),
            lastDay: lastDay === '' ? null : String(lastDay),
          },
        };
      }
    }
    throw new Error(
      `rating of ${input.postKey} by ${input.player} kept changing during ${MAX_RATE_ATTEMPTS} attempts`,
    );
  }

  async award(input: AwardInput): Promise<boolean> {
    assertPoints(input.points);
    const k = this.keys;
    const result = await this.scripts.award(
      [
        k.award(input.workspace, input.idempotencyKey),
        k.board(input.workspace, 'week', input.periods.week),
        k.board(input.workspace, 'month', input.periods.month),
        k.board(input.workspace, 'all', 'all'),
        k.names(input.workspace),
      ],
      [input.player, input.points, input.name],
    );
    return Number(result) === 1;
  }

  async top(
    workspace: string,
    period: PeriodKind,
    periodKey: string,
    n: number,
  ): Promise<BoardEntry[]> {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`n must be a non-negative integer, got ${n}`);
    if (n === 0) return [];
    const flat = (await this.scripts.top(
      [this.board(workspace, period, periodKey), this.keys.names(workspace)],
      [n],
    )) as string[];
    const lines: Omit<BoardEntry, 'rank'>[] = [];
    for (let i = 0; i < flat.length; i += 3)
      lines.push({ player: flat[i]!, points: Number(flat[i + 1]), name: flat[i + 2]! });
    lines.sort(
      (a, b) => b.points - a.points || (a.player < b.player ? -1 : a.player > b.player ? 1 : 0),
    );
    return rankLines(lines.slice(0, n));
  }

  async entry(
    workspace: string,
    period: PeriodKind,
    periodKey: string,
    player: string,
  ): Promise<BoardEntry | null> {
    const reply = (await this.scripts.entry(
      [this.board(workspace, period, periodKey), this.keys.names(workspace)],
      [player],
    )) as (string | number)[];
    if (reply.length === 0) return null;
    return { rank: Number(reply[1]), player, name: String(reply[2]), points: Number(reply[0]) };
  }

  async count(workspace: string, period: PeriodKind, periodKey: string): Promise<number> {
    return this.redis.zcard(this.board(workspace, period, periodKey));
  }

  async streak(workspace: string, player: string): Promise<Streak> {
    const key = this.keys.player(workspace, player);
    const [current, best, lastDay] = await this.redis.hmget(key, 'current', 'best', 'lastDay');
    return { current: count(current, key), best: count(best, key), lastDay: lastDay ?? null };
  }

  async ratingCounts(workspace: string, player: string): Promise<Record<Rating, number>> {
    const key = this.keys.player(workspace, player);
    const values = await this.redis.hmget(key, ...RATINGS.map((r) => `count:${r}`));
    return Object.fromEntries(RATINGS.map((r, i) => [r, count(values[i], key)])) as Record<
      Rating,
      number
    >;
  }

  async isPeriodClosed(workspace: string, period: PeriodKind, periodKey: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.closed(workspace, period, periodKey))) === 1;
  }

  async closePeriod(
    workspace: string,
    period: PeriodKind,
    periodKey: string,
    top: BoardEntry[],
  ): Promise<boolean> {
    const k = this.keys;
    const archived = JSON.stringify({ workspace, period, periodKey, entries: top });
    return (
      Number(
        await this.scripts.close(
          [k.closed(workspace, period, periodKey), k.archive(workspace, period)],
          [archived],
        ),
      ) === 1
    );
  }

  /** The all-time board has one key whatever periodKey a caller passes. */
  private board(workspace: string, period: PeriodKind, periodKey: string): string {
    return this.keys.board(workspace, period, period === 'all' ? 'all' : periodKey);
  }
}

/** Ranks in board order; equal points share the rank of the first of them (1, 2, 2, 4). */
function rankLines(lines: Omit<BoardEntry, 'rank'>[]): BoardEntry[] {
  const ranked: BoardEntry[] = [];
  lines.forEach((line, i) => {
    const previous = ranked[i - 1];
    ranked.push({
      ...line,
      rank: previous && previous.points === line.points ? previous.rank : i + 1,
    });
  });
  return ranked;
}

function assertPoints(points: number): void {
  if (!Number.isSafeInteger(points))
    throw new RangeError(`points must be an integer, got ${points}`);
}
