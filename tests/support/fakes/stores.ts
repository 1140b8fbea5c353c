/** The four fake quiz stores wired to one shared state, as the Redis ones share one Redis. */
import type { Clock } from '../../../src/core/time/clock.js';
import { createFakeDailyStore } from './daily-store.js';
import { createPostBook } from './post-book.js';
import { createFakeScoreStore } from './score-store.js';
import { createFakeSubscriptionStore } from './subscription-store.js';
import { createFakeWorkspaceStore } from './workspace-store.js';

/** Fresh, empty stores; pass the test's clock so claim leases expire when it moves. */
export function createFakeStores(options: { clock?: Clock } = {}) {
  const book = createPostBook();
  return {
    subscriptions: createFakeSubscriptionStore(),
    daily: createFakeDailyStore({ book, clock: options.clock }),
    scores: createFakeScoreStore({ book }),
    workspaces: createFakeWorkspaceStore(),
  };
}
