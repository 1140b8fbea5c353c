/**
 * Drill DMs: a delivery's session (its header and the first card), a card's question side with
 * **Show answer**, its answer side with Again / Hard / Good / Easy (each with the interval it
 * would give), and the summary. A click's reply is the next view, after what the rating gave.
 */
import { ButtonStyle } from 'discord.js';
import type { Locale } from '../../../../commands/quiz.js';
import type { DrillRated } from '../../../commands/reply.js';
import type { FormulaRenderer } from '../../../core/ports.js';
import type { DrillRating } from '../../../core/drills/types.js';
import type { DrillCardView, DrillOutgoingView } from '../../../core/drills/views.js';
import { type DrillWording, drillWordingFor } from '../../../i18n/drill/index.js';
import { DISCORD_MAX_CONTENT, fitText } from '../limits.js';
import { escapeDiscord } from '../markdown.js';
import type { ButtonSpec } from './components.js';
import { questionMessages } from './document.js';
import { COLOR, type DiscordMessage } from './message.js';
import { plainMessage } from './text.js';

export interface DrillContext {
  locale: Locale;
  formulas: FormulaRenderer;
}

const RATING_STYLE: Record<DrillRating, ButtonSpec['style']> = {
  again: ButtonStyle.Danger,
  hard: ButtonStyle.Secondary,
  good: ButtonStyle.Primary,
  easy: ButtonStyle.Success,
};

export function drillMessages(
  view: DrillOutgoingView,
  ctx: DrillContext,
  rated: DrillRated | null = null,
): Promise<DiscordMessage[]> {
  const words = drillWordingFor(ctx.locale);
  const ratedLine = rated ? [words.rated(rated)] : [];
  const lead = ratedLine.map(escapeDiscord);
  switch (view.kind) {
    case 'drill-session':
      return cardMessages(view.card, words, ctx, [
        ...lead,
        `**${escapeDiscord(words.sessionHeader(view))}**`,
      ]);
    case 'drill-card':
      return cardMessages(view, words, ctx, lead);
    case 'drill-summary':
      return Promise.resolve([
        plainMessage([...ratedLine, words.summaryHeader, words.summary(view)].join('\n')),
      ]);
  }
}

function cardMessages(
  card: DrillCardView,
  words: DrillWording,
  ctx: DrillContext,
  lead: readonly string[],
): Promise<DiscordMessage[]> {
  const lines = [...lead];
  if (card.side === 'front') {
    lines.push(`-# ${escapeDiscord(words.cardHeader(card.position, card.isNew))}`);
    const keyPoints = card.question.keyPoints?.trim();
    if (keyPoints) lines.push(words.hint(`||${escapeDiscord(keyPoints)}||`));
  } else {
    lines.push(
      `-# ${escapeDiscord(words.answerHeader(card.position))}`,
      escapeDiscord(words.howWell),
    );
  }
  const buttons: ButtonSpec[] = card.buttons.map((b) =>
    b.action === 'drill-reveal'
      ? { control: b, label: words.revealButton, style: ButtonStyle.Primary }
      : card.side === 'back'
        ? {
            control: b,
            label: words.ratingButton(b.rating, card.intervals[b.rating]),
            style: RATING_STYLE[b.rating],
          }
        : { control: b, label: words.rating(b.rating), style: RATING_STYLE[b.rating] },
  );
  return questionMessages(card.question, {
    withAnswer: card.side === 'back',
    formulas: ctx.formulas,
    color: card.side === 'back' ? COLOR.answer : COLOR.question,
    content: fitText(lines.join('\n'), DISCORD_MAX_CONTENT),
    buttons,
  });
}
