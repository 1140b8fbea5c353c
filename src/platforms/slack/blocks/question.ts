/**
 * A question in its three Slack shapes: a lookup (question and answer), a daily post (the
 * question, a hint, when the answer comes, the rating buttons) and a reveal or private peek (the
 * answer in the post's thread or only to the asker). All go through the same document layout.
 */
import type { Question } from '../../../core/bank/model.js';
import type { FormulaRenderer } from '../../../core/ports.js';
import type { ButtonAction, OutgoingView, Recap } from '../../../core/quiz/views.js';
import { buildQuestionDocument } from '../../../core/views/build.js';
import { renderDocument } from '../../../core/views/render.js';
import type { ImageUploader } from '../images.js';
import { escapeSlack } from '../mrkdwn.js';
import type { SlackWords } from '../wording/index.js';
import { type Block, type SlackMessage, actions, button, context } from './kit.js';
import { documentMessages } from './document.js';
import { slackDate } from './time.js';

export interface QuestionContext {
  words: SlackWords;
  renderer: FormulaRenderer;
  images: ImageUploader;
}

/** `/quiz show`, `/quiz random`, a "Show" button: the question with its answer. */
export async function lookupMessages(
  question: Question,
  ctx: QuestionContext,
): Promise<SlackMessage[]> {
  return questionMessages(question, true, ctx, {});
}

/** A private peek at a daily question's answer, before its public reveal. */
export async function peekMessages(
  question: Question,
  ctx: QuestionContext,
): Promise<SlackMessage[]> {
  return questionMessages(question, true, ctx, {
    top: [context(escapeSlack(ctx.words.peekHeader(question.id)))],
  });
}

/** The daily question as posted in its channel; the discussion goes in this message's thread. */
export async function dailyQuestionMessages(
  view: Extract<OutgoingView, { kind: 'daily-question' }>,
  ctx: QuestionContext,
): Promise<SlackMessage[]> {
  const { words } = ctx;
  const { question } = view;
  const top: Block[] = [context(escapeSlack(words.dailyHeader(view.day)))];
  if (question.keyPoints) top.push(context(escapeSlack(words.hint(question.keyPoints))));
  // The time is a Slack date token: each reader sees it in their own time zone.
  const answerAt = escapeSlack(words.answerAt('\u0000')).replace(
    '\u0000',
    slackDate(view.revealAt),
  );
  const bottom: Block[] = [
    context(answerAt),
    actions(view.buttons.map((b, n) => button(buttonLabel(b, words), b, n))),
  ];
  return questionMessages(question, false, ctx, {
    top,
    bottom,
    text: `${words.dailyHeader(view.day)}: ${question.id} · ${question.title}`,
  });
}

/** The answer, posted in the daily question's thread with how people rated themselves. */
export async function revealMessages(
  question: Question,
  recap: Recap,
  ctx: QuestionContext,
): Promise<SlackMessage[]> {
  const { words } = ctx;
  return questionMessages(question, true, ctx, {
    top: [context(`*${escapeSlack(words.revealHeader)}*`)],
    bottom: [context(escapeSlack(words.recap(recap)))],
    text: `${words.revealHeader}: ${question.id} · ${question.title}`,
  });
}

export function buttonLabel(b: ButtonAction, words: SlackWords): string {
  if (b.action === 'rate') return words.button(b.rating);
  if (b.action === 'reveal') return words.button('reveal');
  return words.slack.showButton;
}

/** A question with the bot's own blocks above and below it. */
export async function questionMessages(
  question: Question,
  withAnswer: boolean,
  ctx: QuestionContext,
  extra: { top?: Block[]; bottom?: Block[]; text?: string },
): Promise<SlackMessage[]> {
  const doc = await renderDocument(buildQuestionDocument(question, { withAnswer }), ctx.renderer);
  return documentMessages(doc, {
    images: ctx.images,
    filePrefix: question.id,
    imageAsText: ctx.words.slack.formulaAsText,
    ...extra,
  });
}
