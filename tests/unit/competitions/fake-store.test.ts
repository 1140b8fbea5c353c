/** The in-memory competition store passes the same contract as Redis, so core tests can trust it. */
import { runCompetitionStoreContract } from '../../contract/competition-store.contract.js';
import { createFakeCompetitionStore } from '../../support/fakes/competition-store.js';

runCompetitionStoreContract('fake', async () => createFakeCompetitionStore());
