/**
 * Records are JSON in Redis and validated on the way out, so a corrupt or foreign value fails
 * loudly with the key that holds it instead of as an undefined deep inside a use case.
 */
import { z } from 'zod';
import type { DailyPost, DailySubscription, Rating } from '../../core/quiz/types.js';

/** Data in Redis does not have the shape quizbot wrote; `key` says where to look. */
export class StoreDataError extends Error {
  readonly code = 'STORE_DATA_INVALID';
  constructor(
    readonly key: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Redis value at ${key} is not valid: ${detail}`, options);
    this.name = 'StoreDataError';
  }
}

const rating = z.enum(['knew', 'partly', 'missed']) satisfies z.ZodType<Rating>;

export const subscriptionSchema = z.object({
  workspace: z.string(),
  channel: z.string(),
  time: z.string(),
  timezone: z.string(),
  tags: z.array(z.string()),
  revealAfterMinutes: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  paused: z.object({ reason: z.string(), at: z.string() }).nullable(),
}) satisfies z.ZodType<DailySubscription>;

export const postSchema = z.object({
  key: z.string(),
  workspace: z.string(),
  channel: z.string(),
  slot: z.string(),
  day: z.string(),
  questionId: z.string(),
  postedAt: z.string(),
  revealAt: z.string(),
  message: z.object({ messageId: z.string(), threadId: z.string().optional() }),
  revealed: z.boolean(),
  revealPosted: z.boolean(),
}) satisfies z.ZodType<DailyPost>;

/** One player's rating of a post, with the points it earned and the boards they went to. */
export const ratingRecordSchema = z.object({
  rating,
  points: z.number().int(),
  week: z.string(),
  month: z.string(),
});
export type RatingRecord = z.infer<typeof ratingRecordSchema>;

/** Parses and validates a JSON record read from `key`. */
export function decode<T>(schema: z.ZodType<T>, raw: string, key: string): T {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new StoreDataError(key, 'not JSON', { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new StoreDataError(key, z.prettifyError(parsed.error), { cause: parsed.error });
  return parsed.data;
}

/** An integer stored as a string (a missing one counts as 0). */
export function count(raw: string | null | undefined, key: string): number {
  if (raw === null || raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isSafeInteger(n))
    throw new StoreDataError(key, `expected an integer, found ${JSON.stringify(raw)}`);
  return n;
}
