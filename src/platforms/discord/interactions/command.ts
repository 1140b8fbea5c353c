/**
 * `/quiz …`: the path and options against the spec, who and where, the shared dispatcher's reply,
 * rendered and sent (deferred first when it might miss the deadline).
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { quizCommand } from '../../../../commands/quiz.js';
import { dispatchCommand } from '../../../commands/handlers/dispatch.js';
import { outcomeOf } from '../../../commands/reply.js';
import { leafAt } from '../../../commands/spec.js';
import { answerFor } from './answer.js';
import type { FlowOutcome, InteractionEnv } from './env.js';
import { optionsOf, pathOf } from './options.js';
import { warnOfClosedDms } from './dm-warning.js';
import { respond } from './respond.js';
import { whoActed } from './who.js';

export async function onCommand(
  interaction: ChatInputCommandInteraction,
  env: InteractionEnv,
): Promise<FlowOutcome> {
  const path = pathOf(interaction);
  const leaf = leafAt(quizCommand, path);
  const who = whoActed(interaction);
  const options = leaf ? optionsOf(interaction, leaf) : {};
  let outcome: FlowOutcome = 'ok';
  const work = dispatchCommand(env.services, { ...who, path, options }).then((reply) => {
    outcome = outcomeOf(reply);
    return answerFor(reply, {
      services: env.services,
      locale: who.locale,
      workspace: who.place.workspace,
      answering: false,
    });
  });
  const responded = await respond(interaction, work, {
    expected: options.public === true ? 'public' : 'ephemeral',
    ...(env.deferAfterMs === undefined ? {} : { deferAfterMs: env.deferAfterMs }),
  });
  if (responded.messages > 0) await warnOfClosedDms(interaction, who, env);
  return outcome;
}
