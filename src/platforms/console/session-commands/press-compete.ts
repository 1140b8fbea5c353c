import { dispatchCompeteButton } from '../../../commands/buttons/compete.js';
import type { CompeteButton } from '../../../core/competitions/views.js';
import { competeWordingFor } from '../../../i18n/compete/index.js';
import { competeButtonLabel, competeButtonName } from '../competition-text.js';
import { type ConsoleContext, type Reply, refused } from '../context.js';
import { consoleReply } from '../render-reply.js';

/** Whether a remembered button is a competition round's. */
export const isCompeteButton = (b: { action: string }): b is CompeteButton =>
  b.action === 'compete-answer' || b.action === 'compete-entry';

/**
 * `/press b` clicks a round's option; `/press answer 42` clicks its entry button and types 42
 * into the entry (what a modal does on Discord and Slack).
 */
export async function pressCompete(
  ctx: ConsoleContext,
  buttons: readonly CompeteButton[],
  args: readonly string[],
): Promise<Reply> {
  const [name = '', ...rest] = args;
  const button = buttons.find((b) => competeButtonName(b) === name.toLowerCase());
  if (!button) {
    const words = competeWordingFor(ctx.session.locale);
    const available = buttons.map(
      (b) => `${competeButtonName(b)} (${competeButtonLabel(b, words)})`,
    );
    return refused(ctx.words().console.noSuchButton(name, available));
  }
  const value = rest.join(' ').trim();
  const action = button.action === 'compete-entry' && value ? { ...button, value } : button;
  const { session } = ctx;
  const reply = await dispatchCompeteButton(ctx.services, {
    actor: session.actor(),
    place: session.place(),
    action,
  });
  return consoleReply(ctx, reply);
}
