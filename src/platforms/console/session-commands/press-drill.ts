import { dispatchButton } from '../../../commands/buttons/dispatch.js';
import type { DrillButton } from '../../../core/drills/views.js';
import { DRILL_RATINGS } from '../../../core/drills/types.js';
import { drillWordingFor } from '../../../i18n/drill/index.js';
import { type ConsoleContext, type Reply, ok, refused } from '../context.js';
import { drillButtonName, drillButtons, drillReplyText, isDrillButton } from '../drill-text.js';
import { dmKey } from '../ids.js';
import { consoleReply } from '../render-reply.js';

/** `/press drill reveal`, `/press drill good`, or a bare rating (`/press good`): a drill press. */
export function drillPressName(args: readonly string[]): string | null {
  const words = args.map((a) => a.toLowerCase());
  if (words[0] === 'drill') return words.slice(1).join(' ');
  const [only] = words;
  return words.length === 1 && DRILL_RATINGS.some((r) => r === only) ? only! : null;
}

/**
 * Presses a button of the newest drill card in the person's inbox. The reply (the card's answer
 * side, or the rating's due day and the next card) is printed and added to the inbox, where a
 * platform would show it in the DM under the card.
 */
export async function pressDrill(ctx: ConsoleContext, name: string): Promise<Reply> {
  const { session } = ctx;
  // Only the newest DM counts: once a session's summary is in, its cards take no more presses.
  const latest = ctx.publisher.latestIn(dmKey(session.user));
  const buttons: DrillButton[] = (latest?.buttons ?? []).filter(isDrillButton);
  if (buttons.length === 0) return refused(ctx.words().console.noDrillCard);
  const button = buttons.find((b) => drillButtonName(b) === name);
  if (!button) {
    const words = drillWordingFor(session.locale);
    const available = buttons.map((b) =>
      b.action === 'drill-rate' ? `${b.rating} (${words.rating(b.rating)})` : 'reveal',
    );
    return refused(ctx.words().console.noSuchButton(name, available));
  }
  const reply = await dispatchButton(ctx.services, {
    actor: session.actor(),
    place: session.place(),
    action: button,
  });
  if (reply.kind !== 'drill-view') return consoleReply(ctx, reply);
  const text = await ctx.publisher.appendDm(session.user, drillButtons(reply.view), (view) =>
    drillReplyText(reply, view),
  );
  return ok(text);
}
