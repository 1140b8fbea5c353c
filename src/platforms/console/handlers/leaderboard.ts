import { leaderboard as board } from '../../../core/quiz/boards.js';
import type { PeriodKind } from '../../../core/quiz/types.js';
import { boardText } from '../board-text.js';
import { type QuizHandler, ok } from '../context.js';
import { WORKSPACE } from '../ids.js';

/** `/quiz leaderboard [week|month|all]`: the board as text and a PNG card. */
export const leaderboard: QuizHandler = async (ctx, options) => {
  const period = (typeof options.period === 'string' ? options.period : 'week') as PeriodKind;
  const player = ctx.session.actor().player;
  const view = await board(ctx.services.deps, { workspace: WORKSPACE, period, player });
  return ok(
    await boardText(view, {
      words: ctx.words(),
      style: ctx.style,
      callerPlayer: player,
      boardCard: ctx.services.boardCard,
      images: ctx.images,
      cardName: `leaderboard-${period}-${view.periodKey}`,
    }),
  );
};
