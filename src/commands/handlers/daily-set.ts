import { setDaily } from '../../core/quiz/daily.js';
import { failed, fromOutcome } from '../reply.js';
import { parseMinutes, splitTags } from './coerce.js';
import { textOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz daily set time: timezone: [tags:] [reveal-after:]` (admin). */
export const dailySet: CommandHandler = async ({ deps, catalog }, { actor, place, options }) => {
  const revealAfter = textOption(options, 'reveal-after');
  const minutes = revealAfter === undefined ? undefined : parseMinutes(revealAfter);
  if (minutes === null) {
    return failed({ code: 'bad-duration', option: 'reveal-after', value: revealAfter ?? '' });
  }
  const outcome = await setDaily(deps, catalog, actor, place, {
    time: textOption(options, 'time') ?? '',
    timezone: textOption(options, 'timezone') ?? '',
    tags: splitTags(textOption(options, 'tags')),
    ...(minutes === undefined ? {} : { revealAfterMinutes: minutes }),
  });
  return fromOutcome(outcome);
};
