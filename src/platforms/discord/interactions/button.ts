/** A click on one of the bot's buttons: its `custom_id` decoded, then the shared layer. */
import type { ButtonInteraction } from 'discord.js';
import { decodeControl } from '../custom-id.js';
import { runControl } from './control.js';
import type { FlowOutcome, InteractionEnv } from './env.js';

export function onButton(
  interaction: ButtonInteraction,
  env: InteractionEnv,
): Promise<FlowOutcome> {
  return runControl(interaction, decodeControl(interaction.customId), env);
}
