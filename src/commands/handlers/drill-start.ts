import { startDrill } from '../../core/drills/subscribe.js';
import { drillReply, withDrills } from '../drill.js';
import { splitTags } from './coerce.js';
import { integerOption, textOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz drill start time: timezone: [tags:] [per-day:]`: anyone, for themselves. */
export const drillStart: CommandHandler = (services, { actor, place, options }) =>
  withDrills(services, async (drills) => {
    const perDay = integerOption(options, 'per-day');
    const outcome = await startDrill(drills, services.catalog, actor, place, {
      time: textOption(options, 'time') ?? '',
      timezone: textOption(options, 'timezone') ?? '',
      tags: splitTags(textOption(options, 'tags')),
      ...(perDay === undefined ? {} : { perDay }),
    });
    return drillReply(outcome);
  });
