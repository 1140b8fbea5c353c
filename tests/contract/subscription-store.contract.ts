/** The SubscriptionStore contract, run against every implementation. */
import { describe, expect, it } from 'vitest';
import { type MakeStores, CHANNEL, OTHER_WS, WS, aSub } from './stores.js';

export function runSubscriptionStoreContract(name: string, make: MakeStores): void {
  describe(`SubscriptionStore contract: ${name}`, () => {
    it('returns null for a channel without a subscription', async () => {
      const { subscriptions } = await make();
      expect(await subscriptions.get(CHANNEL)).toBeNull();
      expect(await subscriptions.listAll()).toEqual([]);
      expect(await subscriptions.listByWorkspace(WS)).toEqual([]);
    });

    it('stores a subscription whole and replaces it on put', async () => {
      const { subscriptions } = await make();
      const sub = aSub();
      await subscriptions.put(sub);
      expect(await subscriptions.get(CHANNEL)).toEqual(sub);
      const paused = aSub({
        tags: [],
        paused: { reason: 'missing Send Messages', at: '2025-03-02T00:00:00.000Z' },
      });
      await subscriptions.put(paused);
      expect(await subscriptions.get(CHANNEL)).toEqual(paused);
      expect(await subscriptions.listAll()).toEqual([paused]);
    });

    it('hands out copies: changing a result does not change the store', async () => {
      const { subscriptions } = await make();
      await subscriptions.put(aSub());
      const got = (await subscriptions.get(CHANNEL))!;
      got.tags.push('changed');
      expect((await subscriptions.get(CHANNEL))!.tags).toEqual(aSub().tags);
    });

    it('removes once: true the first time, false after', async () => {
      const { subscriptions } = await make();
      await subscriptions.put(aSub());
      expect(await subscriptions.remove(CHANNEL)).toBe(true);
      expect(await subscriptions.remove(CHANNEL)).toBe(false);
      expect(await subscriptions.get(CHANNEL)).toBeNull();
      expect(await subscriptions.listByWorkspace(WS)).toEqual([]);
      expect(await subscriptions.listAll()).toEqual([]);
    });

    it('lists by workspace, ordered by channel, and all together', async () => {
      const { subscriptions } = await make();
      const b = aSub({ channel: 'slack:channel:T1:C2' });
      const a = aSub({ channel: 'slack:channel:T1:C1' });
      const other = aSub({ workspace: OTHER_WS, channel: 'discord:channel:9' });
      for (const sub of [b, other, a]) await subscriptions.put(sub);
      expect(await subscriptions.listByWorkspace(WS)).toEqual([a, b]);
      expect(await subscriptions.listByWorkspace(OTHER_WS)).toEqual([other]);
      expect(await subscriptions.listByWorkspace('slack:team')).toEqual([]);
      expect((await subscriptions.listAll()).map((s) => s.channel).sort()).toEqual(
        [other.channel, a.channel, b.channel].sort(),
      );
    });

    it('moves a channel between workspaces when it is put again', async () => {
      const { subscriptions } = await make();
      await subscriptions.put(aSub());
      await subscriptions.put(aSub({ workspace: OTHER_WS }));
      expect(await subscriptions.listByWorkspace(WS)).toEqual([]);
      expect(await subscriptions.listByWorkspace(OTHER_WS)).toEqual([
        aSub({ workspace: OTHER_WS }),
      ]);
    });

    it('keeps concurrent puts of different channels', async () => {
      const { subscriptions } = await make();
      const subs = Array.from({ length: 50 }, (_, i) =>
        aSub({ channel: `slack:channel:T1:C${String(i).padStart(2, '0')}` }),
      );
      await Promise.all(subs.map((sub) => subscriptions.put(sub)));
      expect(await subscriptions.listByWorkspace(WS)).toEqual(subs);
    });
  });
}
