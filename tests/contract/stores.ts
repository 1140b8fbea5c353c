/**
 * What every contract suite gets: a factory of fresh, empty stores sharing one backing state (the
 * score store refuses ratings of posts the daily store revealed, and the daily store reads back
 * the ratings the score store wrote). Ids look like real adapter keys, colons included.
 */
import type { QuizDeps } from '../../src/core/quiz/ports.js';
import type { DailyPost, DailySubscription } from '../../src/core/quiz/types.js';

export type QuizStores = Pick<QuizDeps, 'subscriptions' | 'daily' | 'scores' | 'workspaces'>;
export type MakeStores = () => Promise<QuizStores>;

export const WS = 'slack:team:T1';
export const OTHER_WS = 'discord:guild:123';
export const CHANNEL = 'slack:channel:T1:C1';

export function aSub(overrides: Partial<DailySubscription> = {}): DailySubscription {
  return {
    workspace: WS,
    channel: CHANNEL,
    time: '09:30',
    timezone: 'Asia/Shanghai',
    tags: ['ml', '损失函数'],
    revealAfterMinutes: 480,
    createdBy: 'slack:user:T1:U1',
    createdAt: '2025-03-01T01:00:00.000Z',
    paused: null,
    ...overrides,
  };
}

export function aPost(
  channel: string,
  slot: string,
  overrides: Partial<DailyPost> = {},
): DailyPost {
  return {
    key: `${channel}|${slot}`,
    workspace: WS,
    channel,
    slot,
    day: slot.slice(0, 10),
    questionId: 'Q1',
    postedAt: `${slot.slice(0, 10)}T01:30:00.000Z`,
    revealAt: `${slot.slice(0, 10)}T09:30:00.000Z`,
    message: { messageId: 'm-1', threadId: 't-1' },
    revealed: false,
    revealPosted: false,
    ...overrides,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
