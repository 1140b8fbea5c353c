import type { Redis } from 'ioredis';
import type { CompetitionStore } from '../../core/competitions/ports.js';
import type { DrillStore } from '../../core/drills/ports.js';
import type { QuizDeps } from '../../core/quiz/ports.js';
import { RedisCompetitionStore } from './competition-store.js';
import { RedisDailyStore } from './daily-store.js';
import { RedisDrillStore } from './drill-store.js';
import { RedisScoreStore } from './score-store.js';
import { RedisSubscriptionStore } from './subscription-store.js';
import { RedisWorkspaceStore } from './workspace-store.js';

export type QuizStores = Pick<QuizDeps, 'subscriptions' | 'daily' | 'scores' | 'workspaces'>;

/** The four quiz stores, the drill store and the competition store over one client and prefix, for main.ts and the tests. */
export function createRedisStores(options: {
  redis: Redis;
  prefix: string;
}): QuizStores & { drills: DrillStore; competitions: CompetitionStore } {
  return {
    competitions: new RedisCompetitionStore(options),
    drills: new RedisDrillStore(options),
    subscriptions: new RedisSubscriptionStore(options),
    daily: new RedisDailyStore(options),
    scores: new RedisScoreStore(options),
    workspaces: new RedisWorkspaceStore(options),
  };
}
