import { loadBank } from '../../src/bank/load.js';
import { createCatalog, type Catalog } from '../../src/core/catalog.js';
import type { ChannelCheck, Publisher, QuizDeps, Scheduler } from '../../src/core/quiz/ports.js';
import type { DailySubscription, PostedRef } from '../../src/core/quiz/types.js';
import type { OutgoingView } from '../../src/core/quiz/views.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { createFakeStores } from './fakes/stores.js';

/** A publisher that keeps what it was asked to post and honours idempotency keys like Discord nonces. */
export function createMemoryPublisher() {
  const posts: { channel: string; thread?: PostedRef; view: OutgoingView; ref: PostedRef }[] = [];
  const byKey = new Map<string, PostedRef>();
  let check: ChannelCheck = { ok: true };
  let failWith: Error | null = null;
  const publisher = {
    async checkChannel() {
      return check;
    },
    async post(target, view, options) {
      if (failWith) throw failWith;
      const known = options?.idempotencyKey ? byKey.get(options.idempotencyKey) : undefined;
      if (known) return known;
      const ref: PostedRef = {
        messageId: `m${posts.length + 1}`,
        threadId: `t${posts.length + 1}`,
      };
      posts.push({
        channel: target.channel,
        ...(target.thread ? { thread: target.thread } : {}),
        view,
        ref,
      });
      if (options?.idempotencyKey) byKey.set(options.idempotencyKey, ref);
      return ref;
    },
  } satisfies Publisher;
  return {
    publisher,
    posts,
    setCheck: (c: ChannelCheck) => (check = c),
    failNext: (e: Error | null) => (failWith = e),
  };
}

/** A scheduler that records what it was asked to schedule. */
export function createRecordingScheduler() {
  const dailies = new Map<string, DailySubscription>();
  const reveals = new Map<string, Date>();
  const periodCloses = new Map<string, string>();
  const scheduler = {
    async upsertDaily(sub) {
      dailies.set(sub.channel, sub);
    },
    async removeDaily(channel) {
      dailies.delete(channel);
    },
    async scheduleReveal(postKey, at) {
      reveals.set(postKey, at);
    },
    async upsertPeriodClose(workspace, timezone) {
      periodCloses.set(workspace, timezone);
    },
  } satisfies Scheduler;
  return { scheduler, dailies, reveals, periodCloses };
}

let cached: Catalog | undefined;
/** The default bank, loaded once per test file. */
export async function defaultCatalog(): Promise<Catalog> {
  cached ??= createCatalog(await loadBank('data/questions.md'));
  return cached;
}

/** Core dependencies on fakes with a manual clock. */
export function createHarness(start = new Date('2026-11-26T00:00:00Z')) {
  const clock = new ManualClock(start);
  const stores = createFakeStores({ clock });
  const pub = createMemoryPublisher();
  const sched = createRecordingScheduler();
  const deps: QuizDeps = {
    clock,
    ...stores,
    scheduler: sched.scheduler,
    publisher: pub.publisher,
    instanceId: 'test-1',
  };
  return { deps, clock, stores, pub, sched };
}
