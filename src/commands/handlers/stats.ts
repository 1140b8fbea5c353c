import { playerStats } from '../../core/quiz/boards.js';
import { playerOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz stats [user]`: points, ranks, streak and ratings; the asker's by default. */
export const stats: CommandHandler = async ({ deps }, { actor, place, options }) => {
  const who = playerOption(options, 'user') ?? actor;
  const notice = await playerStats(deps, {
    workspace: place.workspace,
    player: who.player,
    name: who.name,
  });
  return { kind: 'stats', stats: notice };
};
