/** In-memory SubscriptionStore for unit tests of core; passes the same contract as Redis. */
import type { SubscriptionStore } from '../../../src/core/quiz/ports.js';
import type { DailySubscription } from '../../../src/core/quiz/types.js';

export function createFakeSubscriptionStore() {
  // Copies in and out, as Redis would: a caller mutating a result must not change the store.
  const subs = new Map<string, DailySubscription>();
  const sorted = (list: DailySubscription[]) =>
    list
      .map((sub) => structuredClone(sub))
      .sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  return {
    async get(channel: string) {
      const sub = subs.get(channel);
      return sub ? structuredClone(sub) : null;
    },
    async put(sub: DailySubscription) {
      subs.set(sub.channel, structuredClone(sub));
    },
    async remove(channel: string) {
      return subs.delete(channel);
    },
    async listByWorkspace(workspace: string) {
      return sorted([...subs.values()].filter((sub) => sub.workspace === workspace));
    },
    async listAll() {
      return sorted([...subs.values()]);
    },
  } satisfies SubscriptionStore;
}
