/**
 * Competition round jobs on real Redis and BullMQ: deterministic job ids, steps that wait out a
 * little clock skew and retry when far too early, and fast-forward (the console's `/clock +30s`)
 * playing a competition through with the same handlers, after which the real jobs change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { submitAnswer } from '../../../src/core/competitions/answer.js';
import { LEAD_IN_MS, PAUSE_MS } from '../../../src/core/competitions/model.js';
import type { CompetitionDeps } from '../../../src/core/competitions/ports.js';
import { startCompetition } from '../../../src/core/competitions/start.js';
import { ManualClock, OffsetClock } from '../../../src/core/time/clock.js';
import { competeCloseJob } from '../../../src/jobs/compete-close.js';
import { competeOpenJob } from '../../../src/jobs/compete-open.js';
import { CompetitionsUnavailableError, RoundNotDueError } from '../../../src/jobs/compete-step.js';
import { BullRoundScheduler } from '../../../src/jobs/competition-scheduler.js';
import { ScheduleInputError } from '../../../src/jobs/errors.js';
import { fastForward } from '../../../src/jobs/fast-forward.js';
import { competeCloseJobId, competeOpenJobId } from '../../../src/jobs/ids.js';
import { JobDataError } from '../../../src/jobs/types.js';
import {
  PLACE,
  actor,
  choiceItem,
  handPool,
  numericItem,
} from '../../support/competition-harness.js';
import { competitionDeps } from '../../support/competition-world.js';
import { eventually, jobsWorld, type JobsWorld } from '../../support/jobs-harness.js';

let world: JobsWorld;
const worlds: JobsWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.cleanup()));
});
async function makeWorld(options: Parameters<typeof jobsWorld>[0]): Promise<JobsWorld> {
  const w = await jobsWorld(options);
  worlds.push(w);
  return w;
}

const START = new Date('2025-03-06T01:00:00.000Z');

async function start(deps: CompetitionDeps, rounds = 2) {
  const items = [choiceItem(1), numericItem(2), choiceItem(3)].slice(0, rounds);
  const outcome = await startCompetition(deps, handPool(items), actor('alice'), PLACE, {
    rounds,
    seconds: 30,
  });
  if (!outcome.ok || outcome.value.code !== 'compete-started') throw new Error('start failed');
  return outcome.value;
}

describe('the round scheduler', () => {
  it('adds one delayed job per competition, round and step, with a derived id', async () => {
    const clock = new ManualClock(START);
    world = await makeWorld({ label: 'rounds', clock });
    const scheduler = new BullRoundScheduler(world.queue, { clock });
    await scheduler.scheduleOpen('cmp:1', 0, new Date(START.getTime() + 5_000));
    await scheduler.scheduleOpen('cmp:1', 0, new Date(START.getTime() + 9_000));
    await scheduler.scheduleClose('cmp:1', 0, new Date(START.getTime() + 35_000));
    const open = await world.queue.getJob(competeOpenJobId('cmp:1', 0));
    expect(open).toMatchObject({
      name: 'compete-open',
      data: { competitionId: 'cmp:1', round: 0 },
    });
    expect(open!.opts.delay).toBe(5_000);
    const close = await world.queue.getJob(competeCloseJobId('cmp:1', 0));
    expect(close!.opts.delay).toBe(35_000);
    expect(await world.queue.getDelayedCount()).toBe(2);
    expect(competeOpenJobId('cmp:1', 0)).not.toBe(competeOpenJobId('cmp:1', 1));
    expect(competeOpenJobId('cmp:1', 0)).not.toContain(':');
  });

  it('rejects input that can never work', async () => {
    world = await makeWorld({ label: 'rounds-bad' });
    const scheduler = new BullRoundScheduler(world.queue);
    await expect(scheduler.scheduleOpen('', 0, new Date())).rejects.toThrow(ScheduleInputError);
    await expect(scheduler.scheduleOpen('c', -1, new Date())).rejects.toThrow(ScheduleInputError);
    await expect(scheduler.scheduleClose('c', 0, new Date(Number.NaN))).rejects.toThrow(
      ScheduleInputError,
    );
  });
});

describe('the round jobs', () => {
  it('refuse data they can never use', () => {
    expect(() => competeOpenJob.parse({ competitionId: 'c' })).toThrow(JobDataError);
    expect(() => competeCloseJob.parse({ competitionId: 'c', round: 1.5 })).toThrow(JobDataError);
    expect(() => competeCloseJob.parse({ round: 1 })).toThrow(JobDataError);
    expect(competeCloseJob.parse({ competitionId: 'c', round: 2 })).toEqual({
      competitionId: 'c',
      round: 2,
    });
  });

  it('leave a process without competitions to another one (a retryable error)', async () => {
    world = await makeWorld({ label: 'rounds-none' });
    const run = competeOpenJob.run(
      { deps: world.deps, catalog: world.catalog },
      { data: { competitionId: 'c', round: 0 }, scheduledAt: new Date(), attempt: 1 },
    );
    await expect(run).rejects.toThrow(CompetitionsUnavailableError);
  });

  it('wait out a little clock skew, and retry later when far too early', async () => {
    const clock = new OffsetClock();
    world = await makeWorld({ label: 'rounds-early', clock });
    const deps = competitionDeps(world, clock);
    const { competitionId } = await start(deps);
    const context = { deps: world.deps, catalog: world.catalog, competitions: deps };
    const run = (job: typeof competeOpenJob | typeof competeCloseJob) =>
      job.run(context, { data: { competitionId, round: 0 }, scheduledAt: new Date(), attempt: 1 });
    // Round 1 opens LEAD_IN_MS after the start: 300 ms early is waited out.
    clock.advance(LEAD_IN_MS - 300);
    expect(await run(competeOpenJob)).toMatchObject({ status: 'opened', round: 0 });
    // Its close is 30 s away: far too early, so BullMQ's backoff retries it.
    await expect(run(competeCloseJob)).rejects.toThrow(RoundNotDueError);
    clock.advance(30_000);
    expect(await run(competeCloseJob)).toMatchObject({ status: 'closed', round: 0 });
    expect(await run(competeCloseJob)).toMatchObject({ status: 'closed', round: 0 });
    expect((await world.publisher.posts(PLACE.channel)).map((p) => p.kind)).toEqual([
      'competition-round',
      'competition-result',
    ]);
  });
});

describe('fast-forward', () => {
  it('plays a competition through on real Redis; the real jobs then change nothing', async () => {
    const clock = new ManualClock(START);
    world = await makeWorld({ label: 'rounds-ff', clock });
    const deps = competitionDeps(world, clock);
    const context = { deps: world.deps, catalog: world.catalog, competitions: deps };
    const { competitionId } = await start(deps);
    const ff = (ms: number) => fastForward({ context, clock, durationMs: ms });

    const first = await ff(LEAD_IN_MS);
    expect(first.items.map((i) => [i.name, i.result.status])).toEqual([['compete-open', 'opened']]);
    const answer = async (name: string, text: string, afterMs: number) => {
      clock.advance(afterMs);
      return submitAnswer(deps, actor(name), PLACE, { response: { text } });
    };
    const c = (await deps.competitions.get(competitionId))!;
    const round0 = c.items[0]!;
    const right0 =
      round0.kind === 'numeric'
        ? '32'
        : round0.kind === 'choice'
          ? round0.answer[0]!
          : round0.answerOption;
    expect((await answer('amy', right0, 4_000)).ok).toBe(true);
    expect((await answer('ben', right0, 2_000)).ok).toBe(true);

    // Past the close, the pause and round 2's opening: all three in one move.
    const second = await ff(30_000 - 6_000 + PAUSE_MS + 1_000);
    expect(
      second.items.map((i) => [i.name, 'round' in i.data ? i.data.round : null, i.result.status]),
    ).toEqual([
      ['compete-close', 0, 'closed'],
      ['compete-open', 1, 'opened'],
    ]);
    const round1 = (await deps.competitions.get(competitionId))!.items[1]!;
    const right1 =
      round1.kind === 'numeric'
        ? '32'
        : round1.kind === 'choice'
          ? round1.answer[0]!
          : round1.answerOption;
    expect((await answer('ben', right1, 10_000)).ok).toBe(true);
    const third = await ff(60_000);
    expect(
      third.items.map((i) => [i.name, 'round' in i.data ? i.data.round : null, i.result.status]),
    ).toEqual([['compete-close', 1, 'finished']]);
    expect(await ff(600_000)).toMatchObject({ items: [] });

    const posts = await world.publisher.posts(PLACE.channel);
    expect(posts.map((p) => p.kind)).toEqual([
      'competition-round',
      'competition-result',
      'competition-round',
      'competition-result',
      'competition-standings',
    ]);
    expect(posts.at(-1)!.summary.standings).toMatchObject([
      // amy 4 s (933); ben 6 s (900), then 11 s into round 2 (the window ran 1 s past its opening).
      { rank: 1, name: 'ben', points: 900 + 817, correct: 2 },
      { rank: 2, name: 'amy', points: 933, correct: 1 },
    ]);

    // The real delayed jobs still exist; run by a worker now they are no-ops.
    expect(await world.queue.getJob(competeCloseJobId(competitionId, 1))).toBeTruthy();
    world.startWorker({ context });
    await world.queue.promoteJobs();
    await eventually('the leftover round jobs to complete', async () => {
      const counts = await world.queue.getJobCounts('delayed', 'waiting', 'active', 'completed');
      return counts.delayed + counts.waiting + counts.active === 0 && counts.completed === 4;
    });
    const completed = await world.queue.getCompleted();
    expect(completed.map((j) => j.returnvalue.status).sort()).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(await world.publisher.posts(PLACE.channel)).toHaveLength(5);
    expect(await world.queue.getFailedCount()).toBe(0);
  });
});
