/**
 * Reveals and board closes through the real worker: a reveal job per post that posts the answer
 * once in the post's thread, and a period close that archives once and posts the final board to
 * the workspace's channels once, however often its job runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rateDaily } from '../../../src/core/quiz/answer.js';
import { ManualClock } from '../../../src/core/time/clock.js';
import { dailyJob } from '../../../src/jobs/daily.js';
import { revealJobId } from '../../../src/jobs/ids.js';
import { redisKeys } from '../../../src/store/redis/keys.js';
import { eventually, jobsWorld, subscription, type JobsWorld } from '../../support/jobs-harness.js';

let world: JobsWorld;
afterEach(async () => {
  await world.cleanup();
});

const completedResults = async (w: JobsWorld, name: string) =>
  (await w.queue.getCompleted())
    .filter((j) => j.name === name)
    .map((j) => j.returnvalue as { status: string });

describe('reveal', () => {
  it('is scheduled once per post and posts the answer once, in the thread, with the recap', async () => {
    world = await jobsWorld({ label: 'reveal' });
    const sub = subscription(1, { time: '09:00', timezone: 'UTC', revealAfterMinutes: 60 });
    await world.deps.subscriptions.put(sub);
    await world.deps.workspaces.setTimezone(sub.workspace, 'UTC');
    const worker = world.startWorker();

    const scheduledAt = new Date().toISOString();
    await world.queue.add('daily', { channel: sub.channel, scheduledAt });
    await eventually(
      'the question is posted',
      async () => (await world.publisher.posts(sub.channel)).length === 1,
    );
    const [question] = await world.publisher.posts(sub.channel);
    expect(question).toMatchObject({ kind: 'daily-question', thread: null });
    const postKey = question!.summary.postKey as string;

    // One delayed reveal job, with the post's own id, due revealAfterMinutes after the post.
    const delayed = await world.queue.getDelayed();
    expect(delayed.map((j) => [j.name, j.id])).toEqual([['reveal', revealJobId(postKey)]]);
    expect(delayed[0]!.opts.delay).toBeGreaterThan(59 * 60_000);

    // A second firing of the same day (a duplicate job) posts nothing and schedules nothing.
    await world.queue.add('daily', { channel: sub.channel, scheduledAt });
    await eventually(
      'the duplicate firing ran',
      async () => (await completedResults(world, 'daily')).length === 2,
    );
    expect((await completedResults(world, 'daily')).map((r) => r.status).sort()).toEqual([
      'posted',
      'skipped',
    ]);
    expect(await world.queue.getDelayedCount()).toBe(1);

    const place = { workspace: sub.workspace, channel: sub.channel };
    for (const [player, rating] of [
      ['p1', 'knew'],
      ['p2', 'missed'],
    ] as const) {
      const rated = await rateDaily(world.deps, { player, name: player, isAdmin: false }, place, {
        rating,
        postKey,
      });
      expect(rated.ok).toBe(true);
    }

    await delayed[0]!.promote(); // its time has come
    await eventually(
      'the reveal is posted',
      async () => (await world.publisher.posts(sub.channel)).length === 2,
    );
    // Another reveal of the same post (a retried or duplicated job) changes nothing.
    await world.queue.add('reveal', { postKey });
    await eventually(
      'the second reveal ran',
      async () => (await completedResults(world, 'reveal')).length === 2,
    );
    expect((await completedResults(world, 'reveal')).map((r) => r.status).sort()).toEqual([
      'revealed',
      'skipped',
    ]);

    const posts = await world.publisher.posts(sub.channel);
    expect(posts.map((p) => p.kind)).toEqual(['daily-question', 'daily-reveal']);
    expect(posts[1]).toMatchObject({
      thread: question!.ref.threadId,
      idempotencyKey: `reveal:${postKey}`,
      summary: { postKey, recap: { tried: 2, byRating: { knew: 1, partly: 0, missed: 1 } } },
    });
    // Ratings are frozen after the reveal.
    const late = await rateDaily(world.deps, { player: 'p3', name: 'p3', isAdmin: false }, place, {
      rating: 'knew',
      postKey,
    });
    expect(late).toMatchObject({ ok: false, failure: { code: 'already-revealed' } });
    await worker.close();
  });
});

describe('period close', () => {
  it('archives the week once and posts the final board once to each channel of the workspace', async () => {
    // Wednesday 5 March 2025, 10:00 in Berlin: week 2025-W10.
    const clock = new ManualClock(new Date('2025-03-05T09:00:00Z'));
    world = await jobsWorld({ label: 'close', clock });
    const ws = 'discord:guild:G1';
    const subs = [
      subscription(1, { workspace: ws, time: '10:00', timezone: 'Europe/Berlin' }),
      subscription(2, { workspace: ws, time: '10:00', timezone: 'Europe/Berlin' }),
      subscription(3, {
        workspace: 'discord:guild:OTHER',
        time: '10:00',
        timezone: 'Europe/Berlin',
      }),
    ];
    for (const sub of subs) await world.deps.subscriptions.put(sub);
    await world.deps.workspaces.setTimezone(ws, 'Europe/Berlin');
    await world.scheduler.upsertPeriodClose(ws, 'Europe/Berlin');

    const context = { deps: world.deps, catalog: world.catalog };
    const fired = await dailyJob.run(context, {
      data: { channel: subs[0]!.channel },
      scheduledAt: clock.now(),
      attempt: 1,
    });
    expect(fired.status).toBe('posted');
    const place = { workspace: ws, channel: subs[0]!.channel };
    await rateDaily(world.deps, { player: 'alice', name: 'Alice', isAdmin: false }, place, {
      rating: 'knew',
    });
    await rateDaily(world.deps, { player: 'bob', name: '鲍勃', isAdmin: false }, place, {
      rating: 'partly',
    });

    const worker = world.startWorker();
    // Monday 10 March 00:00 in Berlin, twice: the scheduler's job and a duplicate (a retry, a second process).
    const scheduledAt = '2025-03-09T23:00:00.000Z';
    await world.queue.add('period-close', { workspace: ws, period: 'week', scheduledAt });
    await world.queue.add('period-close', { workspace: ws, period: 'week', scheduledAt });
    await eventually(
      'both closes ran',
      async () => (await completedResults(world, 'period-close')).length === 2,
    );
    const results = await completedResults(world, 'period-close');
    expect(results.map((r) => r.status).sort()).toEqual(['already-closed', 'closed']);
    expect(results.find((r) => r.status === 'closed')).toMatchObject({
      periodKey: '2025-W10',
      posted: 2,
    });

    for (const sub of subs.slice(0, 2)) {
      const boards = (await world.publisher.posts(sub.channel)).filter(
        (p) => p.kind === 'leaderboard',
      );
      expect(boards).toHaveLength(1);
      expect(boards[0]!.summary).toMatchObject({
        period: 'week',
        periodKey: '2025-W10',
        final: true,
        entries: [
          { rank: 1, player: 'alice', name: 'Alice', points: 3 },
          { rank: 2, player: 'bob', name: '鲍勃', points: 2 },
        ],
      });
    }
    expect(await world.publisher.posts(subs[2]!.channel)).toEqual([]);
    const archive = redisKeys(world.prefix).archive(ws, 'week');
    expect(await world.redis.client.llen(archive)).toBe(1);
    await worker.close();
  });
});
