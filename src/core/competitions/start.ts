import type { Actor, Place } from '../quiz/types.js';
import {
  type CompetitionPlan,
  DEFAULT_ROUNDS,
  DEFAULT_SECONDS,
  LEAD_IN_MS,
  MAX_ROUNDS,
  MAX_SECONDS,
  MIN_ROUNDS,
  MIN_SECONDS,
} from './model.js';
import { type CompetitionPool, chooseRounds, resolvePoolTags } from './pool.js';
import type { CompetitionDeps } from './ports.js';
import { type CompeteNotice, type CompeteOutcome, competeFail, competeOk } from './views.js';

export interface StartInput {
  rounds?: number;
  tags?: string[];
  seconds?: number;
  /** Chooses the items; default the competition's id (tests pass one to know the items). */
  seed?: string;
}

/**
 * `/quiz compete start`: anyone may start one competition per channel. Items are chosen and fixed
 * now; round 1 opens after a short lead-in, by a scheduled job like every later step.
 */
export async function startCompetition(
  deps: CompetitionDeps,
  pool: CompetitionPool,
  actor: Actor,
  place: Place,
  input: StartInput,
): Promise<CompeteOutcome<CompeteNotice>> {
  const rounds = input.rounds ?? DEFAULT_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < MIN_ROUNDS || rounds > MAX_ROUNDS)
    return competeFail({ code: 'bad-rounds', value: rounds, min: MIN_ROUNDS, max: MAX_ROUNDS });
  const seconds = input.seconds ?? DEFAULT_SECONDS;
  if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS)
    return competeFail({
      code: 'bad-seconds',
      value: seconds,
      min: MIN_SECONDS,
      max: MAX_SECONDS,
    });
  const { tags, unknown } = resolvePoolTags(pool, input.tags ?? []);
  if (unknown.length)
    return competeFail({ code: 'unknown-tags', tags: unknown, known: [...pool.tags] });
  const running = await deps.competitions.runningIn(place.channel);
  if (running) return competeFail({ code: 'competition-running', competitionId: running });
  const check = await deps.publisher.checkChannel(place.channel);
  if (!check.ok) return competeFail({ code: 'missing-permissions', missing: check.missing });

  const id = deps.newId?.() ?? globalThis.crypto.randomUUID();
  const seed = input.seed ?? id;
  const items = chooseRounds(pool, { n: rounds, tags, seed });
  if (items.length < rounds)
    return competeFail({ code: 'not-enough-items', tags, wanted: rounds, available: items.length });
  const now = deps.clock.now();
  const plan: CompetitionPlan = {
    id,
    workspace: place.workspace,
    channel: place.channel,
    startedBy: actor.player,
    startedByName: actor.name,
    secondsPerRound: seconds,
    tags,
    seed,
    items,
    createdAt: now.toISOString(),
  };
  const opensAt = new Date(now.getTime() + LEAD_IN_MS);
  // The claim is atomic: of two starts racing past the check above, one gets the channel.
  const created = await deps.competitions.create(plan, opensAt.toISOString());
  if (!created.ok)
    return competeFail({ code: 'competition-running', competitionId: created.running });
  try {
    await deps.rounds.scheduleOpen(id, 0, opensAt);
  } catch (error) {
    // Without its first job nothing would ever move it: free the channel rather than block it.
    await deps.competitions.end(id, 'stopped', now.toISOString());
    throw error;
  }
  return competeOk({
    code: 'compete-started',
    competitionId: id,
    rounds,
    secondsPerRound: seconds,
    tags,
    opensAt: opensAt.toISOString(),
  });
}
