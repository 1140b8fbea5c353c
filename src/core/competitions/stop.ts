import { PublishRefusedError } from '../quiz/ports.js';
import type { Actor, Place } from '../quiz/types.js';
import type { CompetitionDeps, CompetitionStep } from './ports.js';
import { closedStandings } from './present.js';
import { STEP_LEASE_MS } from './steps.js';
import { type CompeteNotice, type CompeteOutcome, competeFail, competeOk } from './views.js';

/**
 * `/quiz compete stop`: an admin or whoever started it ends the channel's competition at once.
 * The standings of the rounds already closed are posted; nothing goes to the boards, so stopping
 * cannot be used to bank a lucky start. Jobs still pending find it stopped and do nothing.
 */
export async function stopCompetition(
  deps: CompetitionDeps,
  actor: Actor,
  place: Place,
): Promise<CompeteOutcome<CompeteNotice>> {
  const id = await deps.competitions.runningIn(place.channel);
  const c = id ? await deps.competitions.get(id) : null;
  if (!c || c.workspace !== place.workspace) return competeFail({ code: 'no-competition' });
  if (!actor.isAdmin && actor.player !== c.startedBy) return competeFail({ code: 'not-starter' });
  if (!(await deps.competitions.end(c.id, 'stopped', deps.clock.now().toISOString())))
    return competeFail({ code: 'no-competition' });
  const ended = (await deps.competitions.get(c.id)) ?? c;
  const { standings, played } = await closedStandings(deps.competitions, ended);
  const step: CompetitionStep = { step: 'standings' };
  if ((await deps.competitions.claim(c.id, step, deps.instanceId, STEP_LEASE_MS)) === 'claimed') {
    try {
      await deps.publisher.post(
        { channel: c.channel },
        {
          kind: 'competition-standings',
          competitionId: c.id,
          state: 'stopped',
          roundsPlayed: played,
          rounds: c.items.length,
          standings,
          awarded: [],
        },
        { idempotencyKey: `compete:${c.id}:standings` },
      );
      await deps.competitions.markPosted(c.id, step);
    } catch (error) {
      await deps.competitions.release(c.id, step, deps.instanceId);
      // Stopped all the same; the reply tells the person, the channel just cannot be told.
      if (!(error instanceof PublishRefusedError)) throw error;
    }
  }
  return competeOk({ code: 'compete-stopped', competitionId: c.id, roundsPlayed: played });
}
