/**
 * A submitted modal: the typed answer to a competition round. The modal's `custom_id` is the entry
 * button's, so it decodes to the same control, now with the value the person typed.
 */
import type { ModalSubmitInteraction } from 'discord.js';
import { type DecodedId, decodeControl } from '../custom-id.js';
import { ENTRY_FIELD } from '../render/modal.js';
import { runControl } from './control.js';
import type { FlowOutcome, InteractionEnv } from './env.js';

export function onModalSubmit(
  interaction: ModalSubmitInteraction,
  env: InteractionEnv,
): Promise<FlowOutcome> {
  return runControl(interaction, withEntry(decodeControl(interaction.customId), interaction), env);
}

function withEntry(decoded: DecodedId, interaction: ModalSubmitInteraction): DecodedId {
  if (!decoded.ok) return decoded;
  if (decoded.control.action !== 'compete-entry') return { ok: false, reason: 'malformed' };
  const value = interaction.fields.getTextInputValue(ENTRY_FIELD).trim();
  return { ok: true, control: { ...decoded.control, value } };
}
