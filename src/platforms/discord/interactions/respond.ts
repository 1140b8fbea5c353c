/**
 * Answers an interaction within Discord's 3-second deadline. The answer is worked out while a
 * timer runs; if it is not ready by DEFER_AFTER_MS after the interaction was created (a formula
 * to draw, a card to render, a post to make), the interaction is deferred first ("thinking…")
 * and the answer edited in when it is ready. Fast answers go out as one plain reply.
 *
 * A deferral must choose ephemeral or public before the answer exists, so it uses the expected
 * visibility (public only for a lookup asked to be public); if such a lookup then fails, the
 * failure fills the public placeholder rather than leave it hanging.
 */
import {
  MessageFlags,
  type InteractionEditReplyOptions,
  type ModalBuilder,
  type RepliableInteraction,
} from 'discord.js';
import type { Visibility } from '../../../commands/reply.js';
import { DISCORD_INTERACTION_DEADLINE_MS } from '../limits.js';
import type { DiscordMessage } from '../render/message.js';

/**
 * When to defer, counted from the interaction's creation: well inside the deadline, leaving room
 * for the gateway's delivery and the callback's own round trip.
 */
export const DEFER_AFTER_MS = Math.round(DISCORD_INTERACTION_DEADLINE_MS * 0.4);

export type Answer =
  | { kind: 'messages'; visibility: Visibility; messages: DiscordMessage[] }
  | { kind: 'modal'; modal: ModalBuilder };

export interface RespondOptions {
  /** The visibility a deferral takes, before the answer is known. */
  expected: Visibility;
  deferAfterMs?: number;
}

/** How the interaction was answered, for logs and tests. */
export interface Responded {
  deferred: boolean;
  messages: number;
}

export async function respond(
  interaction: RepliableInteraction,
  work: Promise<Answer>,
  options: RespondOptions,
): Promise<Responded> {
  const age = Date.now() - interaction.createdTimestamp;
  const budget = Math.max(0, (options.deferAfterMs ?? DEFER_AFTER_MS) - age);
  const early = await within(work, budget);
  if (early) return deliver(interaction, early, false);
  await interaction.deferReply(flagsFor(options.expected));
  return deliver(interaction, await work, true);
}

/** The answer if it settles within `ms`, else null; a failure within `ms` rejects. */
async function within(work: Promise<Answer>, ms: number): Promise<Answer | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function deliver(
  interaction: RepliableInteraction,
  answer: Answer,
  deferred: boolean,
): Promise<Responded> {
  if (answer.kind === 'modal') {
    if (!interaction.isMessageComponent() && !interaction.isChatInputCommand()) {
      throw new Error('only commands and components can answer with a modal');
    }
    if (deferred) throw new Error('a modal cannot follow a deferral');
    await interaction.showModal(answer.modal);
    return { deferred, messages: 0 };
  }
  const [first, ...rest] = answer.messages;
  if (!first) throw new Error('an answer needs at least one message');
  const flags = flagsFor(answer.visibility);
  if (deferred) await interaction.editReply(editOf(first));
  else await interaction.reply({ ...first, ...flags });
  for (const message of rest) await interaction.followUp({ ...message, ...flags });
  return { deferred, messages: answer.messages.length };
}

function flagsFor(visibility: Visibility): { flags?: MessageFlags.Ephemeral } {
  return visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {};
}

/** An edit replaces what a deferral left: content, embeds, files and components. */
function editOf(message: DiscordMessage): InteractionEditReplyOptions {
  return { content: message.content ?? '', ...message };
}

/** An unexpected failure, told to the person privately whatever state the interaction is in. */
export async function apologise(interaction: RepliableInteraction, message: DiscordMessage) {
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(editOf(message));
  } else if (interaction.replied) {
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  }
}
