/**
 * Clicks on a competition round's buttons. They are kept apart from ButtonAction (daily and
 * lookup buttons) because a typed entry comes back with a value the adapter collected.
 */
import { submitAnswer } from '../../core/competitions/answer.js';
import type { CompeteButton } from '../../core/competitions/views.js';
import type { Actor, Place } from '../../core/quiz/types.js';
import { competeReply, competitionsOf } from '../compete.js';
import type { CommandServices } from '../handlers/types.js';
import type { CommandReply } from '../reply.js';

export interface CompeteButtonRequest {
  actor: Actor;
  place: Place;
  action: CompeteButton;
}

/**
 * An option button answers at once. The entry button without a value asks the adapter for an
 * entry (a modal); with the typed value (the modal's submission) it answers.
 */
export async function dispatchCompeteButton(
  services: CommandServices,
  { actor, place, action }: CompeteButtonRequest,
): Promise<CommandReply> {
  const { deps } = competitionsOf(services);
  const target = { competitionId: action.competitionId, round: action.round };
  if (action.action === 'compete-answer') {
    return competeReply(
      await submitAnswer(deps, actor, place, {
        ...target,
        response: { optionIds: [action.optionId] },
      }),
    );
  }
  if (action.value === undefined) return { kind: 'compete-entry', ...target };
  return competeReply(
    await submitAnswer(deps, actor, place, { ...target, response: { text: action.value } }),
  );
}
