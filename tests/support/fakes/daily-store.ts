/**
 * In-memory DailyStore for unit tests of core; passes the same contract as Redis. Leases expire by
 * the given clock, so a test with a ManualClock can expire one by advancing it.
 */
import type { ClaimResult, DailyStore } from '../../../src/core/quiz/ports.js';
import type { DailyPost, Rating } from '../../../src/core/quiz/types.js';
import { type Clock, systemClock } from '../../../src/core/time/clock.js';
import { type FakePostBook, createPostBook } from './post-book.js';

export function createFakeDailyStore(options: { book?: FakePostBook; clock?: Clock } = {}) {
  const book = options.book ?? createPostBook();
  const clock = options.clock ?? systemClock;
  const leases = new Map<string, { owner: string; until: number }>();
  const channelPosts = new Map<string, Set<string>>();
  const rotations = new Map<string, { cycle: number; used: Set<string> }>();
  const keyOf = (channel: string, slot: string) => `${channel}|${slot}`;
  const liveLease = (key: string) => {
    const lease = leases.get(key);
    return lease && lease.until > clock.now().getTime() ? lease : undefined;
  };
  const setFlag = (key: string, flag: 'revealed' | 'revealPosted') => {
    const post = book.posts.get(key);
    if (!post || post[flag]) return false;
    post[flag] = true;
    return true;
  };

  return {
    book,
    async claim(
      channel: string,
      slot: string,
      owner: string,
      leaseMs: number,
    ): Promise<ClaimResult> {
      if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0)
        throw new RangeError(`leaseMs must be a positive integer, got ${leaseMs}`);
      const key = keyOf(channel, slot);
      if (book.posts.has(key)) return 'posted';
      if (liveLease(key)) return 'busy';
      leases.set(key, { owner, until: clock.now().getTime() + leaseMs });
      return 'claimed';
    },
    async release(channel: string, slot: string, owner: string) {
      const key = keyOf(channel, slot);
      if (liveLease(key)?.owner === owner) leases.delete(key);
    },
    async recordPost(post: DailyPost, rotationCycle: number) {
      leases.delete(post.key);
      if (book.posts.has(post.key)) return; // the first record of a slot wins
      book.posts.set(post.key, structuredClone(post));
      const posts = channelPosts.get(post.channel) ?? new Set<string>();
      channelPosts.set(post.channel, posts.add(post.key));
      const rotation = rotations.get(post.channel);
      if (!rotation || rotationCycle > rotation.cycle) {
        rotations.set(post.channel, { cycle: rotationCycle, used: new Set([post.questionId]) });
      } else if (rotationCycle === rotation.cycle) {
        rotation.used.add(post.questionId);
      }
    },
    async getPost(key: string) {
      const post = book.posts.get(key);
      return post ? structuredClone(post) : null;
    },
    async latestPost(channel: string) {
      const newest = [...(channelPosts.get(channel) ?? [])]
        .map((key) => book.posts.get(key)!)
        .sort(
          (a, b) => Date.parse(b.postedAt) - Date.parse(a.postedAt) || (a.key < b.key ? 1 : -1),
        )[0];
      return newest ? structuredClone(newest) : null;
    },
    async markRevealed(key: string) {
      return setFlag(key, 'revealed');
    },
    async markRevealPosted(key: string) {
      setFlag(key, 'revealPosted');
    },
    async rotation(channel: string) {
      const rotation = rotations.get(channel);
      return { cycle: rotation?.cycle ?? 0, used: [...(rotation?.used ?? [])].sort() };
    },
    async ratings(key: string) {
      const ratings = [...(book.ratings.get(key) ?? new Map())].sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
      return new Map<string, Rating>(ratings.map(([player, record]) => [player, record.rating]));
    },
  } satisfies DailyStore & { book: FakePostBook };
}
