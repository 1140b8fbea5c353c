import { grade, type Response } from '../items/grade.js';
import type { Actor, Place } from '../quiz/types.js';
import type { CompetitionDeps } from './ports.js';
import { roundNumber } from './present.js';
import { roundPoints } from './scoring.js';
import {
  type CompeteFailure,
  type CompeteNotice,
  type CompeteOutcome,
  competeFail,
  competeOk,
} from './views.js';

export interface AnswerInput {
  /** From a button; a typed answer means the channel's running competition. */
  competitionId?: string;
  /** From a button; a typed answer means the current round. */
  round?: number;
  response: Response;
}

const REFUSALS: Record<string, CompeteFailure> = {
  'already-answered': { code: 'already-answered' },
  closed: { code: 'round-closed' },
  'not-open': { code: 'round-not-open' },
  'not-running': { code: 'no-competition' },
};

/**
 * A person answers a round. Timed on the server: elapsed = now − the round's opening, from the
 * bot's clock. Only the first answer per person and round counts, and none after the deadline;
 * both rules hold atomically in the store, so two clicks or two processes cannot break them.
 * The reply does not say whether the answer was right: the round's result does, for everyone.
 */
export async function submitAnswer(
  deps: CompetitionDeps,
  actor: Actor,
  place: Place,
  input: AnswerInput,
): Promise<CompeteOutcome<CompeteNotice>> {
  const id = input.competitionId ?? (await deps.competitions.runningIn(place.channel));
  const c = id ? await deps.competitions.get(id) : null;
  if (!c || c.workspace !== place.workspace) return competeFail({ code: 'no-competition' });
  // A button of a competition that ended: its rounds are all closed.
  if (c.state !== 'running') return competeFail({ code: 'round-closed' });
  const round = input.round ?? c.round;
  const state = c.rounds[round];
  const item = c.items[round];
  if (!state || !item || !state.openedAt || !state.closesAt)
    return competeFail({ code: 'round-not-open' });
  const now = deps.clock.now().getTime();
  if (state.closed || now > Date.parse(state.closesAt))
    return competeFail({ code: 'round-closed' });

  const graded = grade(item, input.response);
  if (graded.understood === null) {
    // Unreadable is not wrong: the person may try again while the round is open.
    return competeFail({
      code: 'unreadable-answer',
      problem: graded.problem ?? 'unparseable',
      kind: item.kind,
    });
  }
  const elapsedMs = Math.max(0, now - Date.parse(state.openedAt));
  const result = await deps.competitions.submit(
    c.id,
    round,
    {
      player: actor.player,
      name: actor.name,
      answer: graded.understood,
      correct: graded.correct,
      points: roundPoints(graded.correct, elapsedMs, c.secondsPerRound * 1000),
      elapsedMs,
    },
    now,
  );
  if (result !== 'accepted') return competeFail(REFUSALS[result]!);
  return competeOk({ code: 'compete-answered', round: roundNumber(c, round), elapsedMs });
}
