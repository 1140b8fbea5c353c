/**
 * The drill core's DrillScheduler port on BullMQ: one cron job scheduler per person and workspace,
 * at their time in their zone. Same idempotent upsert as the daily question's.
 */
import type { Queue } from 'bullmq';
import type { DrillScheduler } from '../core/drills/ports.js';
import type { DrillSubscription } from '../core/drills/types.js';
import { checkKey, checkTimeZone, dailyCron } from './cron.js';
import { JobsOptionsError } from './errors.js';
import { drillSchedulerId } from './ids.js';
import { upsertCronScheduler } from './scheduler.js';
import type { JobDataMap } from './types.js';

export class BullDrillScheduler implements DrillScheduler {
  constructor(private readonly queue: Queue) {
    if (!queue || typeof queue.upsertJobScheduler !== 'function') {
      throw new JobsOptionsError('queue', 'must be a BullMQ Queue');
    }
  }

  async upsertDrill(sub: DrillSubscription): Promise<void> {
    const workspace = checkKey('workspace', sub.workspace);
    const player = checkKey('player', sub.player);
    const data: JobDataMap['drill'] = { workspace, player };
    await upsertCronScheduler(this.queue, {
      id: drillSchedulerId(workspace, player),
      pattern: dailyCron(sub.time),
      tz: checkTimeZone(sub.timezone),
      name: 'drill',
      data,
    });
  }

  async removeDrill(workspace: string, player: string): Promise<void> {
    await this.queue.removeJobScheduler(
      drillSchedulerId(checkKey('workspace', workspace), checkKey('player', player)),
    );
  }
}
