/**
 * Retry and retention for every quizbot job. Handlers are idempotent, so retrying is always safe;
 * what matters is retrying long enough to outlast a Redis restart or a dead process's claim lease.
 */
import type { JobsOptions } from 'bullmq';
import { CLAIM_LEASE_MS } from '../core/quiz/daily.js';
import { JobsOptionsError } from './errors.js';

/** Name of the custom backoff type; every quizbot worker registers `retryDelay` for it. */
export const BACKOFF_TYPE = 'quizbot';

export interface RetryPolicy {
  /** Tries per job, the first included. Default 12. */
  attempts: number;
  /** First retry delay for ordinary failures; doubles each time. Default 2 s. */
  baseDelayMs: number;
  /** Cap of the doubling. Default 5 min (12 tries then span about 25 minutes). */
  maxDelayMs: number;
  /** Delay while another process holds a daily claim: a fraction of its lease. Default 10 s. */
  busyDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 12,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  busyDelayMs: Math.round(CLAIM_LEASE_MS / 6),
};

/** Fills in defaults and rejects values that cannot work. */
export function retryPolicy(input: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY, ...input };
  positiveInt('retry.attempts', policy.attempts, 1, 100);
  positiveInt('retry.baseDelayMs', policy.baseDelayMs, 1, 3_600_000);
  positiveInt('retry.maxDelayMs', policy.maxDelayMs, policy.baseDelayMs, 86_400_000);
  positiveInt('retry.busyDelayMs', policy.busyDelayMs, 1, 3_600_000);
  return policy;
}

/** Options every quizbot job is added with (the scheduler's templates included). */
export function jobOptions(policy: RetryPolicy): JobsOptions {
  return {
    attempts: policy.attempts,
    backoff: { type: BACKOFF_TYPE },
    // Kept for a while so a job id stays taken (a re-added reveal is ignored) and can be inspected.
    removeOnComplete: { age: 3 * 86_400, count: 20_000 },
    removeOnFail: { age: 14 * 86_400 },
  };
}

/** The worker's backoff strategy: short fixed waits while a claim is busy, doubling otherwise. */
export function retryDelay(policy: RetryPolicy) {
  return (attemptsMade: number, _type?: string, err?: Error): number => {
    const jitter = 0.8 + Math.random() * 0.4;
    if (err?.name === 'ClaimBusyError') return Math.round(policy.busyDelayMs * jitter);
    const doubled = policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1);
    return Math.round(Math.min(doubled, policy.maxDelayMs) * jitter);
  };
}

/** Throws `JobsOptionsError` unless `value` is an integer within [min, max]. */
export function positiveInt(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new JobsOptionsError(
      option,
      `must be a whole number from ${min} to ${max}, got ${String(value)}`,
    );
  }
  return value;
}
