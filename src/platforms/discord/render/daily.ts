/**
 * The daily question and its reveal. The post carries a header, when the answer comes (a Discord
 * timestamp, which every reader sees in their own time zone), the key points as a spoilered hint,
 * the question, and the rating and "Show answer" buttons; the reveal carries the answer and the
 * recap of how people rated themselves.
 */
import { ButtonStyle, TimestampStyles, time } from 'discord.js';
import type { Rating } from '../../../core/quiz/types.js';
import type { ButtonAction, OutgoingView } from '../../../core/quiz/views.js';
import type { FormulaRenderer } from '../../../core/ports.js';
import type { Wording } from '../../../i18n/index.js';
import { DISCORD_MAX_CONTENT, fitText } from '../limits.js';
import { escapeDiscord } from '../markdown.js';
import type { ButtonSpec } from './components.js';
import { questionMessages } from './document.js';
import { COLOR, type DiscordMessage } from './message.js';

type DailyQuestion = Extract<OutgoingView, { kind: 'daily-question' }>;
type DailyReveal = Extract<OutgoingView, { kind: 'daily-reveal' }>;

export interface DailyContext {
  words: Wording;
  formulas: FormulaRenderer;
}

const RATING_STYLE: Record<Rating, ButtonSpec['style']> = {
  knew: ButtonStyle.Success,
  partly: ButtonStyle.Primary,
  missed: ButtonStyle.Secondary,
};

export function dailyQuestionMessages(
  view: DailyQuestion,
  { words, formulas }: DailyContext,
): Promise<DiscordMessage[]> {
  const revealAt = new Date(view.revealAt);
  const when = `${time(revealAt, TimestampStyles.ShortDateTime)} (${time(revealAt, TimestampStyles.RelativeTime)})`;
  const lines = [`**${escapeDiscord(words.dailyHeader(view.day))}**`, words.answerAt(when)];
  const keyPoints = view.question.keyPoints?.trim();
  if (keyPoints) lines.push(words.hint(`||${escapeDiscord(keyPoints)}||`));
  return questionMessages(view.question, {
    withAnswer: false,
    formulas,
    color: COLOR.question,
    content: fitText(lines.join('\n'), DISCORD_MAX_CONTENT),
    buttons: view.buttons.map((b) => dailyButton(b, words)),
  });
}

export function dailyRevealMessages(
  view: DailyReveal,
  { words, formulas }: DailyContext,
): Promise<DiscordMessage[]> {
  const content = `**${escapeDiscord(words.revealHeader)}** · ${escapeDiscord(words.recap(view.recap))}`;
  return questionMessages(view.question, {
    withAnswer: true,
    formulas,
    color: COLOR.answer,
    content: fitText(content, DISCORD_MAX_CONTENT),
  });
}

function dailyButton(action: ButtonAction, words: Wording): ButtonSpec {
  switch (action.action) {
    case 'rate':
      return {
        control: action,
        label: words.button(action.rating),
        style: RATING_STYLE[action.rating],
      };
    case 'reveal':
      return { control: action, label: words.button('reveal'), style: ButtonStyle.Secondary };
    case 'show-answer':
      return { control: action, label: words.button('reveal'), style: ButtonStyle.Secondary };
  }
}
