import { competitionStatus } from '../../core/competitions/status.js';
import { competeReply, competitionsOf } from '../compete.js';
import type { CommandHandler } from './types.js';

/** `/quiz compete status`: the round in play and the standings so far. */
export const competeStatus: CommandHandler = async (services, { place }) =>
  competeReply(await competitionStatus(competitionsOf(services).deps, place));
