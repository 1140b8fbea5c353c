/**
 * Drill cards as DM messages: the question side with its hint and "Show answer", the answer side
 * with a button per rating (each saying when the card would come back), and the session's
 * summary. A delivery's first message says what the session holds.
 */
import type {
  DrillCardBack,
  DrillCardFront,
  DrillOutgoingView,
  DrillSummaryView,
} from '../../../core/drills/views.js';
import { escapeSlack } from '../mrkdwn.js';
import {
  type Block,
  type SlackMessage,
  actions,
  button,
  context,
  header,
  sections,
} from './kit.js';
import { type QuestionContext, questionMessages } from './question.js';

export async function drillMessages(
  view: DrillOutgoingView,
  ctx: QuestionContext,
  above: Block[] = [],
): Promise<SlackMessage[]> {
  switch (view.kind) {
    case 'drill-session':
      return front(view.card, ctx, [
        ...above,
        context(escapeSlack(ctx.words.drill.sessionHeader(view))),
      ]);
    case 'drill-card':
      return view.side === 'front' ? front(view, ctx, above) : back(view, ctx, above);
    case 'drill-summary':
      return [summary(view, ctx, above)];
  }
}

function front(
  card: DrillCardFront,
  ctx: QuestionContext,
  above: Block[],
): Promise<SlackMessage[]> {
  const w = ctx.words.drill;
  const top = [...above, context(escapeSlack(w.cardHeader(card.position, card.isNew)))];
  if (card.question.keyPoints) top.push(context(escapeSlack(w.hint(card.question.keyPoints))));
  const bottom = [actions(card.buttons.map((b, n) => button(w.revealButton, b, n, 'primary')))];
  return questionMessages(card.question, false, ctx, { top, bottom });
}

function back(card: DrillCardBack, ctx: QuestionContext, above: Block[]): Promise<SlackMessage[]> {
  const w = ctx.words.drill;
  const top = [...above, context(escapeSlack(w.answerHeader(card.position)))];
  const buttons = card.buttons.map((b, n) =>
    button(
      b.action === 'drill-rate'
        ? w.ratingButton(b.rating, card.intervals[b.rating])
        : w.revealButton,
      b,
      n,
    ),
  );
  const bottom = [context(escapeSlack(w.howWell)), actions(buttons)];
  return questionMessages(card.question, true, ctx, { top, bottom });
}

function summary(view: DrillSummaryView, ctx: QuestionContext, above: Block[]): SlackMessage {
  const w = ctx.words.drill;
  return {
    text: w.summaryHeader,
    blocks: [...above, header(w.summaryHeader), ...sections(escapeSlack(w.summary(view)))],
  };
}
