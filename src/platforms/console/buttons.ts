/**
 * What pressing each kind of button does (`/press …` in the console; a click on a platform).
 * One small function per ButtonAction, listed in a typed map so a new action cannot be missed.
 */
import { rateDaily } from '../../core/quiz/answer.js';
import type { ButtonAction } from '../../core/quiz/views.js';
import { type ConsoleContext, type Reply, ok, refused, worded } from './context.js';
import { formatQuestion } from './format.js';
import { answerText } from './view-text.js';

type ButtonHandlers = {
  [A in ButtonAction['action']]: (
    ctx: ConsoleContext,
    button: Extract<ButtonAction, { action: A }>,
  ) => Promise<Reply>;
};

export const buttonHandlers: ButtonHandlers = {
  rate: async (ctx, button) =>
    worded(
      ctx,
      await rateDaily(ctx.services.deps, ctx.session.actor(), ctx.session.place(), {
        rating: button.rating,
        postKey: button.postKey,
      }),
    ),

  // A private peek at the answer, so a person can rate themselves before the public reveal.
  reveal: async (ctx, button) => {
    const { deps, catalog } = ctx.services;
    const words = ctx.words();
    const post = await deps.daily.getPost(button.postKey);
    const question = post && catalog.get(post.questionId);
    if (!post || !question || post.workspace !== ctx.session.place().workspace) {
      return refused(words.failure({ code: 'unknown-post' }));
    }
    const text = ctx.publisher.textContext(`peek-${post.questionId}`);
    return ok(`${words.peekHeader(question.id)}\n${await answerText(question, text)}`);
  },

  'show-answer': async (ctx, button) => {
    const question = ctx.services.catalog.get(button.questionId);
    if (!question) return refused(ctx.words().lookup.unknownQuestion(button.questionId, []));
    return ok(formatQuestion(question, ctx.style));
  },
};

/** Runs a button's handler, keeping the action and its data together for the compiler. */
export function press(ctx: ConsoleContext, button: ButtonAction): Promise<Reply> {
  switch (button.action) {
    case 'rate':
      return buttonHandlers.rate(ctx, button);
    case 'reveal':
      return buttonHandlers.reveal(ctx, button);
    case 'show-answer':
      return buttonHandlers['show-answer'](ctx, button);
  }
}
