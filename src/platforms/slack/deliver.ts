/** A reply model drawn in the reader's language and sent where it belongs. */
import type { Locale } from '../../../commands/quiz.js';
import { type CommandReply, visibilityOf } from '../../commands/reply.js';
import { replyMessages, textMessage } from './blocks/reply.js';
import type { SlackContext } from './context.js';
import { workspaceOf } from './actors.js';
import type { Replier } from './replies.js';
import { slackWordingFor } from './wording/index.js';

export async function deliverReply(
  ctx: SlackContext,
  reply: CommandReply,
  to: { locale: Locale; replier: Replier },
): Promise<void> {
  const words = slackWordingFor(to.locale);
  const messages = await replyMessages(reply, {
    words,
    renderer: ctx.services.formulas,
    boardCard: ctx.services.boardCard,
    images: ctx.images,
    zone: await zoneOf(ctx),
  });
  if (messages.length === 0) return;
  if (reply.kind === 'drill-view') {
    // Drill cards live in the person's DM, where only they read anything: they stay in the
    // conversation (not as ephemeral replies that vanish), and turning a card over replaces it.
    await to.replier.send(messages, 'public', { replaceOriginal: reply.rated === null });
    return;
  }
  await to.replier.send(messages, visibilityOf(reply));
}

/** One of Slack's own sentences (an unexpected error, an old button) to the asker. */
export async function deliverText(text: string, replier: Replier): Promise<void> {
  await replier.send([textMessage(text)], 'ephemeral');
}

/** The workspace's time zone (set by its first `daily set`), UTC until then. */
export async function zoneOf(ctx: SlackContext): Promise<string> {
  return (await ctx.services.deps.workspaces.timezone(workspaceOf(ctx))) ?? 'UTC';
}
