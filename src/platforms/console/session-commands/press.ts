import type { ButtonAction } from '../../../core/quiz/views.js';
import { press as pressButton } from '../buttons.js';
import { type SessionCommand, refused } from '../context.js';
import { buttonLabel } from '../view-text.js';

/** `/press rate knew`, `/press knew` or `/press reveal`: a click on the latest post's button. */
export const press: SessionCommand = async (ctx, args) => {
  const words = ctx.words();
  const wanted = args.map((a) => a.toLowerCase()).filter((a) => a !== 'rate');
  if (wanted.length !== 1) return refused(words.console.pressUsage);
  const message = ctx.publisher.latestWithButtons(ctx.session.place().channel);
  if (!message) return refused(words.console.nothingToPress);
  const button = message.buttons.find((b) => nameOf(b) === wanted[0]);
  if (!button) {
    const available = message.buttons.map((b) => `${nameOf(b)} (${buttonLabel(b, words)})`);
    return refused(words.console.noSuchButton(wanted[0]!, available));
  }
  return pressButton(ctx, button);
};

/** What a person types to press a button: the rating, or the action's name. */
const nameOf = (b: ButtonAction): string => (b.action === 'rate' ? b.rating : b.action);
