/** Core's outgoing views (what jobs and use cases post to channels and DMs) as Discord messages. */
import type { Locale } from '../../../../commands/quiz.js';
import type { FormulaRenderer } from '../../../core/ports.js';
import type { DrillOutgoingView } from '../../../core/drills/views.js';
import type { OutgoingView } from '../../../core/quiz/views.js';
import { competeWordingFor } from '../../../i18n/compete/index.js';
import { wordingFor } from '../../../i18n/index.js';
import type { BoardCardRenderer } from '../../../runtime/adapter.js';
import { competitionMessage } from './competition.js';
import { dailyQuestionMessages, dailyRevealMessages } from './daily.js';
import { drillMessages } from './drill.js';
import { leaderboardMessage } from './leaderboard.js';
import type { DiscordMessage } from './message.js';
import { plainMessage } from './text.js';

export interface OutgoingContext {
  /** The reader's language: the server's preferred locale, or the DM's person's last one. */
  locale: Locale;
  /** The workspace's time zone, for times written out in words. */
  zone: string;
  formulas: FormulaRenderer;
  boardCard: BoardCardRenderer;
}

export async function outgoingMessages(
  view: OutgoingView | DrillOutgoingView,
  ctx: OutgoingContext,
): Promise<DiscordMessage[]> {
  const words = wordingFor(ctx.locale);
  switch (view.kind) {
    case 'daily-question':
      return dailyQuestionMessages(view, { words, formulas: ctx.formulas });
    case 'daily-reveal':
      return dailyRevealMessages(view, { words, formulas: ctx.formulas });
    case 'leaderboard':
      return [await leaderboardMessage(view, { words, boardCard: ctx.boardCard })];
    case 'notice':
      return [plainMessage(words.notice(view.notice))];
    case 'competition-round':
    case 'competition-result':
    case 'competition-standings':
      return [competitionMessage(view, { words: competeWordingFor(ctx.locale), zone: ctx.zone })];
    case 'drill-session':
    case 'drill-card':
    case 'drill-summary':
      return drillMessages(view, ctx);
  }
}
