/** The in-memory fakes pass the same store contracts as Redis, so core unit tests can trust them. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/time/clock.js';
import { runDailyStoreContract } from '../contract/daily-store.contract.js';
import { runScoreStoreContract } from '../contract/score-store.contract.js';
import { runSubscriptionStoreContract } from '../contract/subscription-store.contract.js';
import { runWorkspaceStoreContract } from '../contract/workspace-store.contract.js';
import { createFakeStores } from '../support/fakes/stores.js';

const make = async () => createFakeStores();

runSubscriptionStoreContract('fake', make);
runDailyStoreContract('fake', make);
runScoreStoreContract('fake', make);
runWorkspaceStoreContract('fake', make);

describe('fake stores beyond the contract', () => {
  it('expire claim leases by the clock they are given', async () => {
    const clock = new ManualClock(new Date('2025-03-03T01:30:00Z'));
    const { daily } = createFakeStores({ clock });
    expect(await daily.claim('c', '2025-03-03', 'a', 60_000)).toBe('claimed');
    clock.advance(59_999);
    expect(await daily.claim('c', '2025-03-03', 'b', 60_000)).toBe('busy');
    clock.advance(1);
    expect(await daily.claim('c', '2025-03-03', 'b', 60_000)).toBe('claimed');
  });

  it('keep the archived final boards for inspection', async () => {
    const { scores } = createFakeStores();
    const entries = [{ rank: 1, player: 'p', name: 'P', points: 3 }];
    await scores.closePeriod('w', 'week', '2025-W10', entries);
    await scores.closePeriod('w', 'week', '2025-W10', []);
    expect(scores.archived()).toEqual([
      { workspace: 'w', period: 'week', periodKey: '2025-W10', entries },
    ]);
  });
});
