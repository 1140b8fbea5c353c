/**
 * Core's RoundScheduler on BullMQ: one delayed job per competition, round and step, its id
 * derived from them, so scheduling twice (a retried step, a restart) adds nothing. Each job
 * carries everything its step needs; a restarted process just takes the jobs left in Redis.
 */
import type { Queue } from 'bullmq';
import type { RoundScheduler } from '../core/competitions/ports.js';
import type { Clock } from '../core/quiz/ports.js';
import { systemClock } from '../core/time/clock.js';
import { JobsOptionsError, ScheduleInputError } from './errors.js';
import { competeCloseJobId, competeOpenJobId } from './ids.js';
import type { JobDataMap, JobName } from './types.js';

export class BullRoundScheduler implements RoundScheduler {
  private readonly clock: Clock;

  /** `clock` is the bot's: a step due at `at` (bot time) runs `at − clock.now()` from now. */
  constructor(
    private readonly queue: Queue,
    options: { clock?: Clock } = {},
  ) {
    if (!queue || typeof queue.add !== 'function') {
      throw new JobsOptionsError('queue', 'must be a BullMQ Queue');
    }
    this.clock = options.clock ?? systemClock;
  }

  scheduleOpen(competitionId: string, round: number, at: Date): Promise<void> {
    return this.add('compete-open', competeOpenJobId, competitionId, round, at);
  }

  scheduleClose(competitionId: string, round: number, at: Date): Promise<void> {
    return this.add('compete-close', competeCloseJobId, competitionId, round, at);
  }

  private async add(
    name: Extract<JobName, 'compete-open' | 'compete-close'>,
    jobId: (competitionId: string, round: number) => string,
    competitionId: string,
    round: number,
    at: Date,
  ): Promise<void> {
    if (typeof competitionId !== 'string' || competitionId.trim() === '') {
      throw new ScheduleInputError(
        'competitionId',
        competitionId,
        'competitionId must be non-empty',
      );
    }
    if (!Number.isSafeInteger(round) || round < 0) {
      throw new ScheduleInputError('round', round, 'round must be a whole number ≥ 0');
    }
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
      throw new ScheduleInputError('at', at, `${name} time must be a valid Date`);
    }
    const data: JobDataMap[typeof name] = { competitionId, round };
    await this.queue.add(name, data, {
      jobId: jobId(competitionId, round),
      delay: Math.max(0, at.getTime() - this.clock.now().getTime()),
    });
  }
}
