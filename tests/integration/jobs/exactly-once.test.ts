/**
 * The single-process paths of exactly-once, each forced deterministically: a reply lost after the
 * platform took the post, a claim held by another process, a late job, a refusal; plus graceful
 * close and what the worker reports to metrics.
 */
import { afterEach, expect, it } from 'vitest';
import type { Publisher } from '../../../src/core/quiz/ports.js';
import { dayKey } from '../../../src/core/time/zone.js';
import { countingMetrics } from '../../../src/jobs/observe.js';
import { eventually, jobsWorld, subscription, type JobsWorld } from '../../support/jobs-harness.js';

let world: JobsWorld;
afterEach(async () => {
  await world.cleanup();
});

const FAST_RETRY = { baseDelayMs: 50, busyDelayMs: 300 };
const sub = subscription(1, { time: '09:00', timezone: 'Asia/Shanghai' });

async function setUp(label: string, options: { latencyMs?: number } = {}) {
  world = await jobsWorld({ label, ...options });
  await world.deps.subscriptions.put(sub);
  await world.deps.workspaces.setTimezone(sub.workspace, sub.timezone);
}

const questions = async () =>
  (await world.publisher.posts(sub.channel)).filter((p) => p.kind === 'daily-question');

it('a reply lost after the platform took the post: the retry re-sends the same key and the platform keeps one', async () => {
  await setUp('lost-reply');
  const real = world.publisher;
  let lost = 0;
  const flaky: Publisher = {
    checkChannel: (channel) => real.checkChannel(channel),
    async post(target, view, options) {
      const ref = await real.post(target, view, options);
      if (view.kind === 'daily-question' && lost++ === 0) throw new Error('socket hang up');
      return ref;
    },
  };
  world.deps.publisher = flaky;
  world.startWorker({ retry: FAST_RETRY });
  const job = await world.queue.add('daily', {
    channel: sub.channel,
    scheduledAt: new Date().toISOString(),
  });
  await eventually('the job to complete', async () => (await job.isCompleted()) === true);

  const done = (await world.queue.getJob(job.id!))!;
  expect(done.attemptsMade).toBe(2);
  expect(done.returnvalue).toMatchObject({ status: 'posted' });
  const posts = await questions();
  expect(posts).toHaveLength(1);
  expect(await world.publisher.duplicates()).toBe(1);
  const stored = await world.deps.daily.getPost(done.returnvalue.postKey as string);
  expect(stored!.message).toEqual(posts[0]!.ref);
});

it('a claim held by another process: the job waits it out and posts once', async () => {
  await setUp('busy');
  const scheduledAt = new Date();
  const day = dayKey(scheduledAt, sub.timezone);
  expect(await world.deps.daily.claim(sub.channel, day, 'other-process', 1_500)).toBe('claimed');
  world.startWorker({ retry: FAST_RETRY });
  const job = await world.queue.add('daily', {
    channel: sub.channel,
    scheduledAt: scheduledAt.toISOString(),
  });
  await eventually('the job to complete', async () => (await job.isCompleted()) === true, {
    timeoutMs: 10_000,
  });
  const done = (await world.queue.getJob(job.id!))!;
  expect(done.attemptsMade).toBeGreaterThan(1); // it met the busy claim at least once
  expect(await questions()).toHaveLength(1);
});

it('a late job posts for the day it was scheduled for, not the day it runs', async () => {
  await setUp('late');
  world.startWorker();
  const yesterday = new Date(Date.now() - 86_400_000);
  const late = await world.queue.add('daily', {
    channel: sub.channel,
    scheduledAt: yesterday.toISOString(),
  });
  await eventually('the late job', async () => (await late.isCompleted()) === true);
  const today = await world.queue.add('daily', {
    channel: sub.channel,
    scheduledAt: new Date().toISOString(),
  });
  await eventually("today's job", async () => (await today.isCompleted()) === true);
  expect((await questions()).map((p) => p.summary.day)).toEqual([
    dayKey(yesterday, sub.timezone),
    dayKey(new Date(), sub.timezone),
  ]);
});

it('a refusal pauses the subscription and is not retried', async () => {
  await setUp('refused');
  await world.publisher.deny(sub.channel, ['SEND_MESSAGES']);
  world.startWorker({ retry: FAST_RETRY });
  const job = await world.queue.add('daily', {
    channel: sub.channel,
    scheduledAt: new Date().toISOString(),
  });
  await eventually('the job', async () => (await job.isCompleted()) === true);
  const done = (await world.queue.getJob(job.id!))!;
  expect(done.returnvalue).toMatchObject({ status: 'refused' });
  expect(done.attemptsMade).toBe(1); // the one try, no retries
  expect((await world.deps.subscriptions.get(sub.channel))!.paused).toMatchObject({
    reason: expect.stringMatching(/SEND_MESSAGES/),
  });
  expect(await questions()).toEqual([]);
});

it('close() lets the running job finish, and the worker reports counts and lag', async () => {
  await setUp('close', { latencyMs: 600 });
  const metrics = countingMetrics();
  const worker = world.startWorker({ metrics });
  const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000);
  await world.queue.add('daily', {
    channel: sub.channel,
    scheduledAt: fiveMinutesAgo.toISOString(),
  });
  await eventually('the job to start', async () => (await world.queue.getActiveCount()) === 1, {
    everyMs: 10,
  });
  const { drained } = await worker.close();
  expect(drained).toBe(true);
  expect(await questions()).toHaveLength(1); // finished, not abandoned
  expect(await world.queue.getCompletedCount()).toBe(1);
  expect(metrics.processedCount.get('daily')).toBe(1);
  expect(metrics.failedCount.size).toBe(0);
  expect(metrics.lags).toHaveLength(1);
  expect(metrics.lags[0]!.lagMs).toBeGreaterThanOrEqual(5 * 60_000);
  expect(metrics.lags[0]!.lagMs).toBeLessThan(5 * 60_000 + 10_000);
});
