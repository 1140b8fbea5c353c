/**
 * The jobs layer's failures. Bad input is rejected before it reaches BullMQ, whose own messages
 * for a bad zone ("CronDate: unhandled timestamp") name neither the field nor the fix.
 */

export type ScheduleField =
  | 'time'
  | 'timezone'
  | 'at'
  | 'workspace'
  | 'channel'
  | 'postKey'
  | 'player'
  | 'competitionId'
  | 'round';

/** A schedule input that can never work (a time like 25:00, an unknown zone); never retried. */
export class ScheduleInputError extends Error {
  readonly code = 'SCHEDULE_INPUT_INVALID';
  constructor(
    readonly field: ScheduleField,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}

/** Options given to a queue, worker or scheduler that cannot work; thrown at construction. */
export class JobsOptionsError extends Error {
  readonly code = 'JOBS_OPTIONS_INVALID';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = 'JobsOptionsError';
  }
}

/**
 * Another process holds the channel's claim for this day (it is posting, or died while posting).
 * Retryable: by the time the lease runs out the slot is either posted or free again.
 */
export class ClaimBusyError extends Error {
  readonly code = 'DAILY_CLAIM_BUSY';
  constructor(readonly channel: string) {
    super(`another process is posting the daily question in ${channel}; retrying later`);
    this.name = 'ClaimBusyError';
  }
}
