/** Core's outgoing views (what jobs and use cases post) as Slack messages. */
import type { DrillOutgoingView } from '../../../core/drills/views.js';
import type { OutgoingView } from '../../../core/quiz/views.js';
import type { BoardContext } from './board.js';
import { boardMessage } from './board.js';
import { competitionMessage } from './competition.js';
import { drillMessages } from './drill.js';
import type { SlackMessage } from './kit.js';
import { type QuestionContext, dailyQuestionMessages, revealMessages } from './question.js';
import { textMessage } from './reply.js';

export type ViewContext = QuestionContext & BoardContext & { zone: string };

/** Everything a publisher posts: core's views and drill DMs. */
export type PostedView = OutgoingView | DrillOutgoingView;

export async function viewMessages(view: PostedView, ctx: ViewContext): Promise<SlackMessage[]> {
  switch (view.kind) {
    case 'daily-question':
      return dailyQuestionMessages(view, ctx);
    case 'daily-reveal':
      return revealMessages(view.question, view.recap, ctx);
    case 'leaderboard':
      return [await boardMessage(view, ctx)];
    case 'notice':
      return [textMessage(ctx.words.notice(view.notice))];
    case 'competition-round':
    case 'competition-result':
    case 'competition-standings':
      return [competitionMessage(view, ctx.words, ctx.zone)];
    case 'drill-session':
    case 'drill-card':
    case 'drill-summary':
      return drillMessages(view, ctx);
  }
}
