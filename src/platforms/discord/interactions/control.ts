/**
 * A decoded button or modal control through the shared layer: daily and lookup buttons go to
 * `dispatchButton`, competition buttons (and the typed entry a modal brings back) to
 * `dispatchCompeteButton`. An id that does not decode gets a polite private note instead.
 */
import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import { dispatchButton } from '../../../commands/buttons/dispatch.js';
import { dispatchCompeteButton } from '../../../commands/buttons/compete.js';
import { type CommandReply, outcomeOf } from '../../../commands/reply.js';
import type { Control, DecodedId } from '../custom-id.js';
import { plainMessage } from '../render/text.js';
import { discordWordsFor } from '../wording.js';
import { answerFor } from './answer.js';
import type { FlowOutcome, InteractionEnv } from './env.js';
import { warnOfClosedDms } from './dm-warning.js';
import { respond } from './respond.js';
import { type Who, whoActed } from './who.js';

export async function runControl(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  decoded: DecodedId,
  env: InteractionEnv,
): Promise<FlowOutcome> {
  const who = whoActed(interaction);
  const words = discordWordsFor(who.locale);
  if (!decoded.ok || (isCompete(decoded.control) && !env.services.competitions)) {
    const note = !decoded.ok
      ? decoded.reason === 'stale'
        ? words.staleControl
        : words.malformedControl
      : words.unavailable;
    await interaction.reply({ ...plainMessage(note), flags: MessageFlags.Ephemeral });
    return 'refused';
  }
  const { control } = decoded;
  let outcome: FlowOutcome = 'ok';
  const work = dispatchControl(control, who, env).then((reply) => {
    outcome = outcomeOf(reply);
    return answerFor(reply, {
      services: env.services,
      locale: who.locale,
      workspace: who.place.workspace,
      answering: control.action === 'show-answer',
    });
  });
  const responded = await respond(interaction, work, {
    expected: 'ephemeral',
    ...(env.deferAfterMs === undefined ? {} : { deferAfterMs: env.deferAfterMs }),
  });
  if (responded.messages > 0) await warnOfClosedDms(interaction, who, env);
  return outcome;
}

function dispatchControl(control: Control, who: Who, env: InteractionEnv): Promise<CommandReply> {
  const request = { actor: who.actor, place: who.place };
  switch (control.action) {
    case 'rate':
    case 'reveal':
    case 'show-answer':
    case 'drill-reveal':
    case 'drill-rate':
      return dispatchButton(env.services, { ...request, action: control });
    case 'compete-answer':
    case 'compete-entry':
      return dispatchCompeteButton(env.services, { ...request, action: control });
  }
}

const isCompete = (control: Control): boolean =>
  control.action === 'compete-answer' || control.action === 'compete-entry';
