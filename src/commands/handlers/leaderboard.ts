import { leaderboard as board } from '../../core/quiz/boards.js';
import { PERIODS } from '../../core/quiz/types.js';
import { choiceOption } from './options.js';
import type { CommandHandler } from './types.js';

/** `/quiz leaderboard [week|month|all]`: this workspace's board, the week's by default. */
export const leaderboard: CommandHandler = async ({ deps }, { actor, place, options }) => {
  const period = choiceOption(options, 'period', PERIODS) ?? 'week';
  const view = await board(deps, { workspace: place.workspace, period, player: actor.player });
  return { kind: 'leaderboard', view, viewer: actor.player };
};
