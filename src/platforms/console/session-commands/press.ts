import { dispatchButton } from '../../../commands/buttons/dispatch.js';
import type { ButtonAction } from '../../../core/quiz/views.js';
import { type SessionCommand, refused } from '../context.js';
import { consoleReply } from '../render-reply.js';
import { buttonLabel } from '../view-text.js';
import { isDrillButton } from '../drill-text.js';
import { isCompeteButton, pressCompete } from './press-compete.js';
import { drillPressName, pressDrill } from './press-drill.js';

/** `/press rate knew`, `/press knew` or `/press reveal`: a click on the latest post's button. */
export const press: SessionCommand = async (ctx, args) => {
  const words = ctx.words();
  // A drill card in the person's inbox: `/press drill reveal`, `/press good`.
  const drill = drillPressName(args);
  if (drill !== null) return pressDrill(ctx, drill);
  // A competition round's buttons: `/press b`, `/press answer 42`.
  const compete = (
    ctx.publisher.latestWithButtons(ctx.session.place().channel)?.buttons ?? []
  ).filter(isCompeteButton);
  if (compete.length) return pressCompete(ctx, compete, args);
  const wanted = args.map((a) => a.toLowerCase()).filter((a) => a !== 'rate');
  if (wanted.length !== 1) return refused(words.console.pressUsage);
  const message = ctx.publisher.latestWithButtons(ctx.session.place().channel);
  if (!message) return refused(words.console.nothingToPress);
  const buttons = message.buttons.filter(
    (b): b is ButtonAction => !isCompeteButton(b) && !isDrillButton(b),
  );
  const button = buttons.find((b) => nameOf(b) === wanted[0]);
  if (!button) {
    const available = buttons.map((b) => `${nameOf(b)} (${buttonLabel(b, words)})`);
    return refused(words.console.noSuchButton(wanted[0]!, available));
  }
  const { session } = ctx;
  const reply = await dispatchButton(ctx.services, {
    actor: session.actor(),
    place: session.place(),
    action: button,
  });
  return consoleReply(ctx, reply);
};

/** What a person types to press a button: the rating, or the action's name. */
const nameOf = (b: ButtonAction): string => (b.action === 'rate' ? b.rating : b.action);
