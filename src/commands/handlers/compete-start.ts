import { startCompetition } from '../../core/competitions/start.js';
import { competeReply, competitionsOf } from '../compete.js';
import { splitTags } from './coerce.js';
import { integerOption, textOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz compete start [rounds] [tags:] [seconds:]`: anyone may start one per channel. */
export const competeStart: CommandHandler = async (services, { actor, place, options }) => {
  const { deps, pool } = competitionsOf(services);
  const rounds = integerOption(options, 'rounds');
  const seconds = integerOption(options, 'seconds');
  const outcome = await startCompetition(deps, pool, actor, place, {
    tags: splitTags(textOption(options, 'tags')),
    ...(rounds === undefined ? {} : { rounds }),
    ...(seconds === undefined ? {} : { seconds }),
  });
  return competeReply(outcome);
};
