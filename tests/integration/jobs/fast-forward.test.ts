/**
 * Fast-forward (the console's `/clock +1d`): weeks of bot time run through the same handlers in
 * time order: one question per channel per local day, no repeat until the bank's complete
 * questions are used up, then a new cycle; every post revealed once; boards closed at each week
 * and month end. Afterwards the real BullMQ jobs for those slots change nothing.
 */
import { afterEach, expect, it } from 'vitest';
import { rateDaily } from '../../../src/core/quiz/answer.js';
import { eligibleQuestions } from '../../../src/core/quiz/eligible.js';
import { ManualClock } from '../../../src/core/time/clock.js';
import { dayKey, monthKey, weekKey } from '../../../src/core/time/zone.js';
import { fastForward, type FastForwardItem } from '../../../src/jobs/fast-forward.js';
import type { RecordedPost } from '../../support/recording-publisher.js';
import { eventually, jobsWorld, subscription, type JobsWorld } from '../../support/jobs-harness.js';

let world: JobsWorld;
afterEach(async () => {
  await world.cleanup();
});

const DAY = 86_400_000;

it('runs weeks of firings, reveals and board closes in order, once each, past the end of a cycle', async () => {
  const start = new Date('2025-02-26T00:00:00Z');
  const clock = new ManualClock(start);
  world = await jobsWorld({ label: 'ff', clock });
  const all = subscription(1, {
    workspace: 'ws:sh',
    time: '09:30',
    timezone: 'Asia/Shanghai',
    revealAfterMinutes: 480,
  });
  const ci = subscription(2, {
    workspace: 'ws:ny',
    time: '18:00',
    timezone: 'America/New_York',
    tags: ['CI'],
    revealAfterMinutes: 60,
  });
  for (const sub of [all, ci]) {
    await world.deps.subscriptions.put(sub);
    await world.deps.workspaces.setTimezone(sub.workspace, sub.timezone);
  }
  const context = { deps: world.deps, catalog: world.catalog };
  // Someone in Shanghai answers every day, so the boards that close have something on them.
  const onItem = async (item: FastForwardItem) => {
    if (
      item.name === 'daily' &&
      item.data.channel === all.channel &&
      item.result.status === 'posted'
    ) {
      const place = { workspace: all.workspace, channel: all.channel };
      await rateDaily(world.deps, { player: 'mei', name: '梅', isAdmin: false }, place, {
        rating: 'knew',
      });
    }
  };

  // Long enough to use up every complete question and start a second cycle.
  const eligible = eligibleQuestions(world.catalog, []).map((q) => q.id);
  expect(eligible.length).toBeGreaterThan(30);
  const DAYS = eligible.length + 12;

  const items: FastForwardItem[] = [];
  for (let day = 0; day < 30; day++) {
    const report = await fastForward({ context, clock, durationMs: DAY, onItem });
    expect(report.to.getTime()).toBe(start.getTime() + (day + 1) * DAY);
    items.push(...report.items);
  }
  items.push(
    ...(await fastForward({ context, clock, durationMs: (DAYS - 30) * DAY, onItem })).items,
  );
  const end = new Date(start.getTime() + DAYS * DAY);
  expect(clock.now()).toEqual(end);

  // In time order, and nothing failed.
  const times = items.map((i) => i.at.getTime());
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(
    items.filter(
      (i) => !['posted', 'revealed', 'closed', 'already-closed'].includes(i.result.status),
    ),
  ).toEqual([]);

  const posts = await world.publisher.posts(all.channel);
  const questions = posts.filter((p) => p.kind === 'daily-question');
  const days = questions.map((p) => p.summary.day as string);
  // One post per local day, every day of the window.
  expect(new Set(days).size).toBe(days.length);
  expect(days[0]).toBe('2025-02-26');
  expect(days).toHaveLength(DAYS);
  for (let i = 1; i < days.length; i++) {
    expect(Date.parse(days[i]!) - Date.parse(days[i - 1]!)).toBe(DAY);
  }
  // No repeat until the complete questions are exhausted, then a new cycle without repeats.
  const ids = questions.map((p) => p.summary.questionId as string);
  const cycle = eligible.length;
  expect(new Set(ids.slice(0, cycle))).toEqual(new Set(eligible));
  expect(new Set(ids.slice(cycle)).size).toBe(ids.length - cycle);
  for (const id of ids) expect(eligible).toContain(id);
  expect(await world.deps.daily.rotation(all.channel)).toMatchObject({ cycle: 1 });

  // Each post revealed exactly once, in its own thread, when its reveal time fell in the window.
  expectRevealsOnce(posts, end);

  // Final boards: one per finished week and month, in the workspace's zone, with that period's points.
  const boards = posts.filter((p) => p.kind === 'leaderboard');
  const postedAt = new Map<string, Date>();
  for (const q of questions) {
    const stored = await world.deps.daily.getPost(q.summary.postKey as string);
    postedAt.set(q.summary.postKey as string, new Date(stored!.postedAt));
  }
  const ratedAt = [...postedAt.values()];
  const weeks = new Set(ratedAt.map((d) => weekKey(d, all.timezone)));
  weeks.delete(weekKey(end, all.timezone));
  const months = new Set(ratedAt.map((d) => monthKey(d, all.timezone)));
  months.delete(monthKey(end, all.timezone));
  expect(boards.filter((b) => b.summary.period === 'week').map((b) => b.summary.periodKey)).toEqual(
    [...weeks],
  );
  expect(
    boards.filter((b) => b.summary.period === 'month').map((b) => b.summary.periodKey),
  ).toEqual([...months]);
  for (const board of boards) {
    expect(board.summary.final).toBe(true);
    const inPeriod = questions.filter(
      (q) =>
        (board.summary.period === 'week' ? weekKey : monthKey)(
          postedAt.get(q.summary.postKey as string)!,
          all.timezone,
        ) === board.summary.periodKey,
    ).length;
    expect(board.summary.entries).toEqual([
      { rank: 1, player: 'mei', name: '梅', points: 3 * inPeriod },
    ]);
  }

  // The CI-only channel in New York (across the DST change on 9 March): two questions, so a new
  // cycle every two days, never the same question twice within one.
  const ciQuestions = (await world.publisher.posts(ci.channel)).filter(
    (p) => p.kind === 'daily-question',
  );
  expect(ciQuestions.map((p) => p.summary.day)).toEqual(
    Array.from({ length: DAYS }, (_, i) =>
      dayKey(new Date(Date.parse('2025-02-26T23:00:00Z') + i * DAY), ci.timezone),
    ),
  );
  const ciIds = ciQuestions.map((p) => p.summary.questionId as string);
  for (let i = 0; i + 1 < ciIds.length; i += 2) expect(ciIds[i]).not.toBe(ciIds[i + 1]);
  expectRevealsOnce(await world.publisher.posts(ci.channel), end);
  expect(await world.publisher.duplicates()).toBe(0);

  // The real jobs for the same slots, run later by a worker, change nothing.
  const before = await world.publisher.total();
  const worker = world.startWorker();
  await world.queue.add('daily', { channel: all.channel, scheduledAt: '2025-03-10T01:30:00Z' });
  await world.queue.add('period-close', {
    workspace: all.workspace,
    period: 'week',
    scheduledAt: '2025-03-09T16:00:00Z',
  });
  // Every reveal job core scheduled on the way (one per post) comes due now.
  const delayed = await world.queue.getDelayed(0, -1);
  expect(delayed.filter((j) => j.name === 'reveal')).toHaveLength(
    questions.length + ciQuestions.length,
  );
  await Promise.all(delayed.map((j) => j.promote()));
  await eventually('every job ran', async () => {
    const counts = await world.queue.getJobCounts('waiting', 'active', 'delayed', 'completed');
    return counts.waiting === 0 && counts.active === 0 && counts.completed === delayed.length + 2;
  });
  const unrevealed = [...questions, ...ciQuestions].filter(
    (q) => Date.parse(q.summary.revealAt as string) > end.getTime(),
  );
  expect(await world.publisher.total()).toBe(before + unrevealed.length);
  expectRevealsOnce(await world.publisher.posts(all.channel), new Date(8.64e15));
  await worker.close();
});

function expectRevealsOnce(posts: RecordedPost[], end: Date): void {
  const reveals = posts.filter((p) => p.kind === 'daily-reveal');
  expect(new Set(reveals.map((r) => r.summary.postKey)).size).toBe(reveals.length);
  for (const question of posts.filter((p) => p.kind === 'daily-question')) {
    const due = Date.parse(question.summary.revealAt as string) <= end.getTime();
    const mine = reveals.filter((r) => r.summary.postKey === question.summary.postKey);
    expect(mine).toHaveLength(due ? 1 : 0);
    if (due) expect(mine[0]!.thread).toBe(question.ref.threadId);
  }
}
