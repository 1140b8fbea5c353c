import type { Redis } from 'ioredis';
import type { QuizDeps } from '../../core/quiz/ports.js';
import { RedisDailyStore } from './daily-store.js';
import { RedisScoreStore } from './score-store.js';
import { RedisSubscriptionStore } from './subscription-store.js';
import { RedisWorkspaceStore } from './workspace-store.js';

export type QuizStores = Pick<QuizDeps, 'subscriptions' | 'daily' | 'scores' | 'workspaces'>;

/** The four quiz stores over one client and prefix, for main.ts and the tests. */
export function createRedisStores(options: { redis: Redis; prefix: string }): QuizStores {
  return {
    subscriptions: new RedisSubscriptionStore(options),
    daily: new RedisDailyStore(options),
    scores: new RedisScoreStore(options),
    workspaces: new RedisWorkspaceStore(options),
  };
}
