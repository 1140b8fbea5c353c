import { stopCompetition } from '../../core/competitions/stop.js';
import { competeReply, competitionsOf } from '../compete.js';
import type { CommandHandler } from './types.js';

/** `/quiz compete stop`: an admin or whoever started it. */
export const competeStop: CommandHandler = async (services, { actor, place }) =>
  competeReply(await stopCompetition(competitionsOf(services).deps, actor, place));
