/** Competition records as stored in Redis, validated on the way out (see codec.ts). */
import { z } from 'zod';
import type { CompetitionPlan, RoundAnswer } from '../../core/competitions/model.js';
import type { Item } from '../../core/items/model.js';
import type { PostedRef } from '../../core/quiz/types.js';

const option = z.object({ id: z.string(), text: z.string() });
const origin = z.union([
  z.object({
    kind: z.literal('generated'),
    generator: z.enum(['which-question', 'cloze']),
    line: z.number(),
  }),
  z.object({
    kind: z.literal('authored'),
    file: z.string(),
    line: z.number(),
    template: z.string().optional(),
  }),
]);
const base = {
  id: z.string(),
  sources: z.array(z.string()),
  tags: z.array(z.string()),
  prompt: z.string(),
  explanation: z.string(),
  origin,
};

const itemSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('choice'),
    options: z.array(option),
    answer: z.array(z.string()),
  }),
  z.object({
    ...base,
    kind: z.literal('numeric'),
    answer: z.number(),
    tolerance: z.object({ abs: z.number(), rel: z.number() }),
    unit: z.string().nullable(),
    params: z.record(z.string(), z.number()).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('cloze'),
    answer: z.string(),
    accept: z.array(z.string()),
    options: z.array(option),
    answerOption: z.string(),
  }),
]) satisfies z.ZodType<Item>;

export const planSchema = z.object({
  id: z.string(),
  workspace: z.string(),
  channel: z.string(),
  startedBy: z.string(),
  startedByName: z.string(),
  secondsPerRound: z.number().int(),
  tags: z.array(z.string()),
  seed: z.string(),
  items: z.array(itemSchema).min(1),
  createdAt: z.string(),
}) satisfies z.ZodType<CompetitionPlan>;

const postedRef = z.object({
  messageId: z.string(),
  threadId: z.string().optional(),
}) satisfies z.ZodType<PostedRef>;

/** What `markOpened` stores for a round. */
export const openedSchema = z.object({
  openedAt: z.string(),
  closesAt: z.string(),
  message: postedRef,
});

export const roundAnswerSchema = z.object({
  player: z.string(),
  name: z.string(),
  answer: z.string(),
  correct: z.boolean(),
  points: z.number().int(),
  elapsedMs: z.number().int(),
}) satisfies z.ZodType<RoundAnswer>;

export const competitionStateSchema = z.enum(['running', 'finished', 'stopped']);
