import { drillStats as statsOf } from '../../core/drills/stats.js';
import { withDrills } from '../drill.js';
import type { CommandHandler } from './types.js';

/** `/quiz drill stats`: the asker's streak, reviews, recall rate and cards due. */
export const drillStats: CommandHandler = (services, { actor, place }) =>
  withDrills(services, async (drills) => ({
    kind: 'drill-notice',
    notice: await statsOf(drills, actor, place),
  }));
