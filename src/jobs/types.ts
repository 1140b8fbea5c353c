/**
 * The jobs quizbot runs, their data, and the contract every handler file implements. Handlers are
 * plain functions over core so the worker and fast-forward call exactly the same code.
 */
import type { Catalog } from '../core/catalog.js';
import type { CompetitionDeps } from '../core/competitions/ports.js';
import type { DrillDeps } from '../core/drills/ports.js';
import type { QuizDeps } from '../core/quiz/ports.js';

export const JOB_NAMES = [
  'daily',
  'reveal',
  'period-close',
  'drill',
  'compete-open',
  'compete-close',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * What each job carries in Redis. The planned time normally comes from the job itself (the cron
 * slot in a scheduler job's id, or add time + delay); `scheduledAt` states it explicitly for a
 * firing added by hand (a catch-up, a test).
 */
export interface JobDataMap {
  daily: { channel: string; scheduledAt?: string };
  reveal: { postKey: string };
  'period-close': { workspace: string; period: 'week' | 'month' };
  drill: { workspace: string; player: string; scheduledAt?: string };
  'compete-open': { competitionId: string; round: number };
  'compete-close': { competitionId: string; round: number };
}

/** What a handler needs to run: the core's dependencies and the loaded bank. */
export interface JobContext {
  deps: QuizDeps;
  catalog: Catalog;
  /** Drill deliveries; a process built without them leaves drill jobs to one that has them. */
  drills?: DrillDeps;
  /** Competition rounds; a process built without them leaves round jobs to one that has them. */
  competitions?: CompetitionDeps;
}

/** One run of a job: its data, the instant it was planned for, and which attempt this is. */
export interface JobRun<D> {
  data: D;
  /** The firing's own time (cron slot or planned delay), never the time it happens to run. */
  scheduledAt: Date;
  /** 1 on the first try. */
  attempt: number;
}

/** A short, JSON-safe summary stored as the job's return value and returned to fast-forward. */
export type JobResult = { status: string } & Record<
  string,
  string | number | boolean | null | undefined
>;

export interface JobHandler<N extends JobName = JobName> {
  readonly name: N;
  /** Checks raw job data; throws `JobDataError` when it can never be processed. */
  parse(data: unknown): JobDataMap[N];
  /** Runs the job's one core use case. Throws only what deserves a retry (or is refused for good). */
  run(ctx: JobContext, run: JobRun<JobDataMap[N]>): Promise<JobResult>;
}

/** Job data that does not have the job's shape; the job fails at once without retries. */
export class JobDataError extends Error {
  readonly code = 'JOB_DATA_INVALID';
  constructor(job: string, problem: string) {
    super(`${job} job data ${problem}`);
    this.name = 'JobDataError';
  }
}

/** Reads a required non-empty string field of raw job data. */
export function stringField(job: string, data: unknown, field: string): string {
  const value = (data as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'string' || value === '') {
    throw new JobDataError(job, `lacks a non-empty string "${field}"`);
  }
  return value;
}
