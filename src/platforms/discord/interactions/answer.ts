/** A reply model as what the interaction is answered with: messages, or a modal that asks for an entry. */
import type { Locale } from '../../../../commands/quiz.js';
import { type CommandReply, visibilityOf } from '../../../commands/reply.js';
import type { AdapterServices } from '../../../runtime/adapter.js';
import { entryModal } from '../render/modal.js';
import { replyMessages } from '../render/reply.js';
import { discordWordsFor } from '../wording.js';
import type { Answer } from './respond.js';

export interface AnswerContext {
  services: Pick<AdapterServices, 'deps' | 'formulas' | 'boardCard'>;
  locale: Locale;
  workspace: string;
  /** The reply answers a "Show answer" click. */
  answering: boolean;
}

export async function answerFor(reply: CommandReply, ctx: AnswerContext): Promise<Answer> {
  if (reply.kind === 'compete-entry') {
    return { kind: 'modal', modal: entryModal(reply, discordWordsFor(ctx.locale)) };
  }
  const { deps, formulas, boardCard } = ctx.services;
  const messages = await replyMessages(reply, {
    locale: ctx.locale,
    formulas,
    boardCard,
    answering: ctx.answering,
    zone: async () => (await deps.workspaces.timezone(ctx.workspace)) ?? 'UTC',
  });
  // Drill cards live in the person's DM with the bot, where a plain message is as private as an
  // ephemeral one and, unlike it, is still there tomorrow.
  const visibility = reply.kind === 'drill-view' ? 'public' : visibilityOf(reply);
  return { kind: 'messages', visibility, messages };
}
