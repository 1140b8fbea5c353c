/**
 * What the two round jobs share: reading their data, and turning a step's result into a job
 * result or a retry. A step a little early (clocks of two machines disagree) waits it out; one
 * far too early, or busy in another process, is retried by BullMQ's backoff.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CompetitionDeps } from '../core/competitions/ports.js';
import type { StepResult } from '../core/competitions/steps.js';
import { ClaimBusyError } from './errors.js';
import { JobDataError, stringField, type JobContext, type JobResult } from './types.js';

/** How early a step may run and still just wait for its time. */
export const MAX_EARLY_WAIT_MS = 5_000;

export interface RoundJobData {
  competitionId: string;
  round: number;
}

/** Checks a round job's data. */
export function parseRoundJob(job: string, data: unknown): RoundJobData {
  const competitionId = stringField(job, data, 'competitionId');
  const round = (data as Record<string, unknown>).round;
  if (typeof round !== 'number' || !Number.isSafeInteger(round) || round < 0) {
    throw new JobDataError(job, 'lacks a whole-number "round"');
  }
  return { competitionId, round };
}

/** Another process (or job) is posting this step right now; retried after a short wait. */
export class CompetitionStepBusyError extends ClaimBusyError {
  constructor(step: string, data: RoundJobData) {
    super(data.competitionId);
    this.message = `another process is doing ${step} of round ${data.round} of competition ${data.competitionId}; retrying later`;
  }
}

/** The step is not due yet by this process's clock; retried later. */
export class RoundNotDueError extends Error {
  readonly code = 'ROUND_NOT_DUE';
  constructor(
    step: string,
    readonly waitMs: number,
  ) {
    super(`${step} is due in ${waitMs} ms by this process's clock; retrying later`);
    this.name = 'RoundNotDueError';
  }
}

/** This process was built without competitions; another one will take the job. */
export class CompetitionsUnavailableError extends Error {
  readonly code = 'COMPETITIONS_UNAVAILABLE';
  constructor() {
    super('this process runs no competitions; another process will take the job');
    this.name = 'CompetitionsUnavailableError';
  }
}

/** Runs one competition step for a job (or fast-forward) and reports its result. */
export async function runRoundStep(
  ctx: JobContext,
  name: string,
  data: RoundJobData,
  step: (deps: CompetitionDeps, input: RoundJobData) => Promise<StepResult>,
): Promise<JobResult> {
  const deps = ctx.competitions;
  if (!deps) throw new CompetitionsUnavailableError();
  let result = await step(deps, data);
  if (result.status === 'early' && result.waitMs <= MAX_EARLY_WAIT_MS) {
    await sleep(result.waitMs);
    result = await step(deps, data);
  }
  if (result.status === 'early') throw new RoundNotDueError(name, result.waitMs);
  if (result.status === 'busy') throw new CompetitionStepBusyError(name, data);
  return { ...result, competitionId: data.competitionId };
}
