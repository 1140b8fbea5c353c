/**
 * The timed steps of a competition, each run by a job (or by fast-forward): open a round, close
 * it, finish. Every step is idempotent and safe to run twice at once: a posting step holds a
 * claim with a lease, the message carries an idempotency key, and what it records wins once.
 */
import { PublishRefusedError } from '../quiz/ports.js';
import { monthKey, weekKey } from '../time/zone.js';
import { type Competition, PAUSE_MS } from './model.js';
import type { CompetitionDeps, CompetitionStep } from './ports.js';
import { closedStandings, resultView, roundView } from './present.js';
import { boardPoints } from './scoring.js';

/**
 * How long one process may hold a posting step's claim. Round messages are short text, so a
 * process that died holding one delays the competition by at most this much.
 */
export const STEP_LEASE_MS = 15_000;

export type StepResult =
  | { status: 'opened'; round: number; closesAt: string }
  | { status: 'closed'; round: number; nextOpensAt: string }
  | { status: 'finished'; players: number; awarded: number }
  | { status: 'stopped'; reason: string }
  | { status: 'early'; waitMs: number }
  | { status: 'busy' }
  | {
      status: 'skipped';
      reason: 'unknown-competition' | 'not-running' | 'not-current' | 'done' | 'not-open';
    };

const ms = (iso: string) => Date.parse(iso);

/** Posts round `round`'s item and schedules its close `secondsPerRound` after the post. */
export async function openRound(
  deps: CompetitionDeps,
  input: { competitionId: string; round: number },
): Promise<StepResult> {
  const { competitionId: id, round } = input;
  const c = await deps.competitions.get(id);
  if (!c) return { status: 'skipped', reason: 'unknown-competition' };
  if (c.state !== 'running') return { status: 'skipped', reason: 'not-running' };
  if (round !== c.round) return { status: 'skipped', reason: 'not-current' };
  const state = c.rounds[round]!;
  if (state.openedAt) return ensureClose(deps, c, round);
  const now = deps.clock.now().getTime();
  if (state.opensAt && ms(state.opensAt) > now) {
    return { status: 'early', waitMs: ms(state.opensAt) - now };
  }
  const step: CompetitionStep = { step: 'open', round };
  const claim = await deps.competitions.claim(id, step, deps.instanceId, STEP_LEASE_MS);
  if (claim === 'busy') return { status: 'busy' };
  if (claim === 'posted') {
    const again = await deps.competitions.get(id);
    return again ? ensureClose(deps, again, round) : { status: 'skipped', reason: 'done' };
  }
  let message;
  try {
    message = await deps.publisher.post({ channel: c.channel }, roundView(c, round), {
      idempotencyKey: `compete:${id}:open:${round}`,
    });
  } catch (error) {
    await deps.competitions.release(id, step, deps.instanceId);
    return refusedOrThrow(deps, c, error);
  }
  // The post is out: timing starts now, on the server's clock, whatever the client says later.
  const openedAt = deps.clock.now();
  const closesAt = new Date(openedAt.getTime() + c.secondsPerRound * 1000);
  const stored = await deps.competitions.markOpened(id, round, {
    openedAt: openedAt.toISOString(),
    closesAt: closesAt.toISOString(),
    message,
  });
  if (!stored?.closesAt) return { status: 'skipped', reason: 'not-running' };
  await deps.rounds.scheduleClose(id, round, new Date(stored.closesAt));
  return { status: 'opened', round, closesAt: stored.closesAt };
}

/** An opened round whose close job may be missing (a crash after the post): schedule it again. */
async function ensureClose(
  deps: CompetitionDeps,
  c: Competition,
  round: number,
): Promise<StepResult> {
  const state = c.rounds[round]!;
  if (state.closesAt && !state.closed) {
    await deps.rounds.scheduleClose(c.id, round, new Date(state.closesAt));
  }
  return { status: 'skipped', reason: 'done' };
}

/**
 * Freezes the round's answers at its deadline, posts the answer with the round's fastest correct
 * answers and the standings so far, then plans the next round after a pause, or finishes.
 */
export async function closeRound(
  deps: CompetitionDeps,
  input: { competitionId: string; round: number },
): Promise<StepResult> {
  const { competitionId: id, round } = input;
  const c = await deps.competitions.get(id);
  if (!c) return { status: 'skipped', reason: 'unknown-competition' };
  if (c.state === 'stopped') return { status: 'skipped', reason: 'not-running' };
  const state = c.rounds[round];
  if (!state?.openedAt || !state.closesAt) return { status: 'skipped', reason: 'not-open' };
  const now = deps.clock.now().getTime();
  if (now < ms(state.closesAt)) return { status: 'early', waitMs: ms(state.closesAt) - now };

  await deps.competitions.closeRound(id, round);
  const last = round === c.items.length - 1;
  let next: { round: number; opensAt: string } | null = null;
  if (!last) {
    // From the deadline, or from now when this runs late, so people always get the pause.
    const planned = new Date(Math.max(now, ms(state.closesAt)) + PAUSE_MS).toISOString();
    const opensAt = await deps.competitions.planRound(id, round + 1, planned);
    if (!opensAt) return { status: 'skipped', reason: 'not-running' };
    next = { round: round + 1, opensAt };
  }
  if (!state.resultPosted) {
    const posted = await postResult(deps, c, round, next);
    if (posted) return posted;
  }
  if (!next) return finishCompetition(deps, id);
  await deps.rounds.scheduleOpen(id, next.round, new Date(next.opensAt));
  return { status: 'closed', round, nextOpensAt: next.opensAt };
}

/** Posts a round's result once; returns a result only when the caller must stop there. */
async function postResult(
  deps: CompetitionDeps,
  c: Competition,
  round: number,
  next: { round: number; opensAt: string } | null,
): Promise<StepResult | null> {
  const step: CompetitionStep = { step: 'result', round };
  const claim = await deps.competitions.claim(c.id, step, deps.instanceId, STEP_LEASE_MS);
  if (claim === 'busy') return { status: 'busy' };
  if (claim === 'posted') return null;
  const answers = await deps.competitions.answers(c.id, round);
  // Re-read: the round just closed, so it counts in the standings.
  const fresh = (await deps.competitions.get(c.id)) ?? c;
  const { standings } = await closedStandings(deps.competitions, fresh);
  try {
    await deps.publisher.post(
      { channel: c.channel },
      resultView(c, round, answers, standings, next),
      { idempotencyKey: `compete:${c.id}:result:${round}` },
    );
  } catch (error) {
    await deps.competitions.release(c.id, step, deps.instanceId);
    return refusedOrThrow(deps, c, error);
  }
  await deps.competitions.markPosted(c.id, step);
  return null;
}

/**
 * Ends the competition, adds each player's points to the workspace's boards once (an idempotency
 * key per competition and player), and posts the final standings once.
 */
export async function finishCompetition(
  deps: CompetitionDeps,
  competitionId: string,
): Promise<StepResult> {
  const before = await deps.competitions.get(competitionId);
  if (!before) return { status: 'skipped', reason: 'unknown-competition' };
  if (before.state === 'stopped') return { status: 'skipped', reason: 'not-running' };
  await deps.competitions.end(competitionId, 'finished', deps.clock.now().toISOString());
  const c = (await deps.competitions.get(competitionId)) ?? before;
  if (c.standingsPosted) return { status: 'skipped', reason: 'done' };
  const { standings, played } = await closedStandings(deps.competitions, c);
  // The boards' week and month are those of the end, in the workspace's zone.
  const endedAt = new Date(c.endedAt ?? deps.clock.now().toISOString());
  const zone = (await deps.workspaces.timezone(c.workspace)) ?? 'UTC';
  const periods = { week: weekKey(endedAt, zone), month: monthKey(endedAt, zone) };
  const awarded: { player: string; name: string; points: number }[] = [];
  for (const line of standings) {
    const points = boardPoints(line.points);
    if (points <= 0) continue;
    await deps.scores.award({
      workspace: c.workspace,
      player: line.player,
      name: line.name,
      points,
      periods,
      idempotencyKey: `compete:${c.id}:${line.player}`,
    });
    awarded.push({ player: line.player, name: line.name, points });
  }
  const step: CompetitionStep = { step: 'standings' };
  const claim = await deps.competitions.claim(c.id, step, deps.instanceId, STEP_LEASE_MS);
  if (claim === 'busy') return { status: 'busy' };
  if (claim === 'posted') return { status: 'skipped', reason: 'done' };
  try {
    await deps.publisher.post(
      { channel: c.channel },
      {
        kind: 'competition-standings',
        competitionId: c.id,
        state: 'finished',
        roundsPlayed: played,
        rounds: c.items.length,
        standings,
        awarded,
      },
      { idempotencyKey: `compete:${c.id}:standings` },
    );
  } catch (error) {
    await deps.competitions.release(c.id, step, deps.instanceId);
    // The points are on the boards already; without the channel there is nobody to tell.
    if (error instanceof PublishRefusedError) return { status: 'stopped', reason: error.message };
    throw error;
  }
  await deps.competitions.markPosted(c.id, step);
  return { status: 'finished', players: standings.length, awarded: awarded.length };
}

/** The bot lost the channel: the competition cannot go on, so it stops (no points awarded). */
async function refusedOrThrow(
  deps: CompetitionDeps,
  c: Competition,
  error: unknown,
): Promise<StepResult> {
  if (!(error instanceof PublishRefusedError)) throw error;
  await deps.competitions.end(c.id, 'stopped', deps.clock.now().toISOString());
  return { status: 'stopped', reason: error.message };
}
