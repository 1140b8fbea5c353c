import { drillNow as deliverNow } from '../../core/drills/deliver.js';
import { drillReply, withDrills } from '../drill.js';
import type { CommandHandler } from './types.js';

/** `/quiz drill now`: a session by DM at once, whatever was delivered today. */
export const drillNow: CommandHandler = (services, { actor, place }) =>
  withDrills(services, async (drills) =>
    drillReply(await deliverNow(drills, services.catalog, actor, place)),
  );
