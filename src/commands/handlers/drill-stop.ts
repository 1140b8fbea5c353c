import { stopDrill } from '../../core/drills/subscribe.js';
import { drillReply, withDrills } from '../drill.js';
import type { CommandHandler } from './types.js';

/** `/quiz drill stop`: no more deliveries in this workspace; cards and history are kept. */
export const drillStop: CommandHandler = (services, { actor, place }) =>
  withDrills(services, async (drills) => drillReply(await stopDrill(drills, actor, place)));
