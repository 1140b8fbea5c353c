/** The shared command layer's reply models as console text, in the session's language. */
import { quizCommand } from '../../../commands/quiz.js';
import { helpText } from '../../commands/help.js';
import { type CommandFailure, type CommandReply, outcomeOf } from '../../commands/reply.js';
import { competeWordingFor } from '../../i18n/compete/index.js';
import { drillWordingFor } from '../../i18n/drill/index.js';
import { boardText } from './board-text.js';
import { type ConsoleContext, type Reply } from './context.js';
import { drillReplyText } from './drill-text.js';
import { formatQuestion } from './format.js';
import { answerText } from './view-text.js';
import type { ConsoleWords } from './wording/index.js';

/** A reply model as printed text with its outcome for metrics. */
export async function consoleReply(ctx: ConsoleContext, reply: CommandReply): Promise<Reply> {
  return { text: await renderReply(ctx, reply), outcome: outcomeOf(reply) };
}

/** A reply model as printed text. The console has one reader, so visibility changes nothing. */
export async function renderReply(ctx: ConsoleContext, reply: CommandReply): Promise<string> {
  const words = ctx.words();
  const { style } = ctx;
  switch (reply.kind) {
    case 'question':
      // Lookups print formulas as TeX: a terminal reads TeX fine.
      return formatQuestion(reply.question, style, reply.withAnswer);
    case 'daily-answer': {
      const text = ctx.publisher.textContext(`peek-${reply.question.id}`);
      return `${words.peekHeader(reply.question.id)}\n${await answerText(reply.question, text)}`;
    }
    case 'search':
      return reply.hits
        .map((h) => `${style.bold(`${h.id} · ${h.title}`)}\n  ${style.dim(h.excerpt.text)}`)
        .join('\n');
    case 'help':
      return helpText(quizCommand, reply.locale, { isAdmin: reply.isAdmin });
    case 'notice':
      return words.notice(reply.notice);
    case 'stats':
      return words.notice(reply.stats);
    case 'leaderboard':
      return boardText(reply.view, {
        words,
        style,
        callerPlayer: reply.viewer,
        boardCard: ctx.services.boardCard,
        images: ctx.images,
        cardName: `leaderboard-${reply.view.period}-${reply.view.periodKey}`,
      });
    case 'failure':
      return failureText(words, reply.failure);
    case 'compete-notice':
      return competeWordingFor(ctx.session.locale).notice(reply.notice, ctx.session.zone);
    case 'compete-failure':
      return competeWordingFor(ctx.session.locale).failure(reply.failure);
    case 'compete-entry':
      return competeWordingFor(ctx.session.locale).entryHint('/press answer <value>');
    case 'drill-notice':
      return drillWordingFor(ctx.session.locale).notice(reply.notice, ctx.session.zone);
    case 'drill-failure':
      return drillWordingFor(ctx.session.locale).failure(reply.failure);
    case 'drill-view':
      return drillReplyText(reply, ctx.publisher.textContext(`drill-${reply.view.kind}`));
  }
}

/** A failure's shared sentence, with the console's admin hint and suggestions as a list. */
export function failureText(words: ConsoleWords, failure: CommandFailure): string {
  const text = words.failure(failure);
  if (failure.code === 'not-admin') return `${text}${words.console.adminHint}`;
  if (failure.code === 'unknown-question' && failure.suggestions.length > 0) {
    return [text, words.didYouMean, ...failure.suggestions.map((s) => `  ${s.label}`)].join('\n');
  }
  return text;
}
