/** Drill records as stored in Redis, validated on the way out (see codec.ts). */
import { z } from 'zod';
import type {
  CardState,
  DrillSession,
  DrillSubscription,
  FsrsCardData,
  ReviewLog,
} from '../../core/drills/types.js';

const phase = z.enum(['New', 'Learning', 'Review', 'Relearning']);
const rating = z.enum(['again', 'hard', 'good', 'easy']);

export const drillSubscriptionSchema = z.object({
  workspace: z.string(),
  player: z.string(),
  name: z.string(),
  channel: z.string(),
  time: z.string(),
  timezone: z.string(),
  tags: z.array(z.string()),
  perDay: z.number().int(),
  createdAt: z.string(),
}) satisfies z.ZodType<DrillSubscription>;

const fsrsCardSchema = z.object({
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: phase,
  last_review: z.string().nullable(),
}) satisfies z.ZodType<FsrsCardData>;

export const cardStateSchema = z.object({
  player: z.string(),
  questionId: z.string(),
  fsrs: fsrsCardSchema,
  dueDay: z.string(),
  introducedOn: z.string(),
}) satisfies z.ZodType<CardState>;

export const reviewLogSchema = z.object({
  player: z.string(),
  questionId: z.string(),
  rating,
  phase,
  at: z.string(),
  day: z.string(),
  scheduledDays: z.number(),
}) satisfies z.ZodType<ReviewLog>;

/** The session record; its pending cards live in a set beside it. */
export const storedSessionSchema = z.object({
  player: z.string(),
  workspace: z.string(),
  timezone: z.string(),
  slot: z.string(),
  day: z.string(),
  deliveredAt: z.string(),
  cards: z.array(z.string()),
}) satisfies z.ZodType<Omit<DrillSession, 'pending'>>;
