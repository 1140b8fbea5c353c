/**
 * After answering someone in a server channel: if their drill could not reach them by DM (closed
 * DMs), tell them once, privately, in the same channel. Core keeps the "once".
 */
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { drillWarning } from '../../../commands/drill.js';
import { answerFor } from './answer.js';
import type { InteractionEnv } from './env.js';
import type { Who } from './who.js';

export async function warnOfClosedDms(
  interaction: RepliableInteraction,
  who: Who,
  env: InteractionEnv,
): Promise<void> {
  if (!interaction.inGuild()) return;
  const warning = await drillWarning(env.services, who.actor, who.place);
  if (!warning) return;
  const answer = await answerFor(warning, {
    services: env.services,
    locale: who.locale,
    workspace: who.place.workspace,
    answering: false,
  });
  if (answer.kind !== 'messages') return;
  for (const message of answer.messages) {
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  }
}
