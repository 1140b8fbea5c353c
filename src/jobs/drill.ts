/** Job `drill`: one person's due cards by DM, for the day the firing was scheduled for. */
import { deliverDue } from '../core/drills/deliver.js';
import { ClaimBusyError } from './errors.js';
import { stringField, type JobHandler } from './types.js';

/**
 * Another process holds the person's delivery claim for this day. A ClaimBusyError, so the worker
 * retries it after the short busy delay and fast-forward reports it as busy.
 */
export class DrillBusyError extends ClaimBusyError {
  constructor(player: string) {
    super(player);
    this.message = `another process is delivering the drill of ${player}; retrying later`;
  }
}

/** This process was built without drill deps; retrying lets a process that has them take it. */
export class DrillsNotWiredError extends Error {
  readonly code = 'DRILLS_NOT_WIRED';
  constructor() {
    super('this process has no drill dependencies; another process will take the job');
    this.name = 'DrillsNotWiredError';
  }
}

export const drillJob: JobHandler<'drill'> = {
  name: 'drill',
  parse: (data) => ({
    workspace: stringField('drill', data, 'workspace'),
    player: stringField('drill', data, 'player'),
  }),
  async run({ drills, catalog }, { data, scheduledAt }) {
    if (!drills) throw new DrillsNotWiredError();
    // The scheduled time picks the local day, so a retried or late job delivers its own day once.
    const result = await deliverDue(drills, catalog, { ...data, scheduledAt });
    switch (result.status) {
      case 'delivered':
        return {
          status: 'delivered',
          player: data.player,
          day: result.session.day,
          cards: result.session.cards.length,
        };
      case 'refused':
        return { status: 'refused', player: data.player, reason: result.reason };
      case 'skipped':
        if (result.reason === 'busy') throw new DrillBusyError(data.player);
        return { status: 'skipped', player: data.player, reason: result.reason };
    }
  },
};
