/** The in-memory DrillStore passes the same contract as Redis, so core unit tests can trust it. */
import { expect, it } from 'vitest';
import { ManualClock } from '../../src/core/time/clock.js';
import { runDrillStoreContract } from '../contract/drill-store.contract.js';
import { createFakeDrillStore } from '../support/fakes/drill-store.js';

runDrillStoreContract('fake', async () => createFakeDrillStore());

it('the fake expires delivery leases by the clock it is given', async () => {
  const clock = new ManualClock(new Date('2025-03-04T02:00:00Z'));
  const store = createFakeDrillStore({ clock });
  expect(await store.claimDelivery('p', '2025-03-03', 'a', 60_000)).toBe('claimed');
  clock.advance(59_999);
  expect(await store.claimDelivery('p', '2025-03-03', 'b', 60_000)).toBe('busy');
  clock.advance(1);
  expect(await store.claimDelivery('p', '2025-03-03', 'b', 60_000)).toBe('claimed');
});
