/**
 * Competition steps for fast-forward: the next step of each running competition comes from its
 * stored state (the round to open at `opensAt`, or the open round to close at `closesAt`), and
 * after each step the competition's following step, so one `/clock +5m` plays rounds through.
 */
import type { Competition } from '../core/competitions/model.js';
import type { CompetitionDeps } from '../core/competitions/ports.js';
import type { AgendaItem } from './agenda.js';

/** How long fast-forward waits for a step another process is doing (the real job, busy). */
const BUSY_WAIT_MS = 5_000;

type RoundItem = Extract<AgendaItem, { name: 'compete-open' | 'compete-close' }>;

/** The competition's next timed step, or null when it waits for nothing (ended, or mid-step). */
export function nextStep(c: Competition): RoundItem | null {
  if (c.state !== 'running') return null;
  const state = c.rounds[c.round];
  if (!state) return null;
  const data = { competitionId: c.id, round: c.round };
  if (state.openedAt && state.closesAt && !state.closed)
    return { at: new Date(state.closesAt), name: 'compete-close', data };
  if (!state.openedAt && state.opensAt)
    return { at: new Date(state.opensAt), name: 'compete-open', data };
  return null;
}

/** The next step of every running competition due by `to` (overdue ones too). */
export async function competitionAgenda(deps: CompetitionDeps, to: Date): Promise<AgendaItem[]> {
  const items: AgendaItem[] = [];
  for (const id of await deps.competitions.listRunning()) {
    const c = await deps.competitions.get(id);
    const step = c && nextStep(c);
    if (step && step.at.getTime() <= to.getTime()) items.push(step);
  }
  return items;
}

const same = (a: RoundItem, b: RoundItem) =>
  a.name === b.name &&
  a.data.competitionId === b.data.competitionId &&
  a.data.round === b.data.round;

/**
 * After a round step ran, the competition's next step if it is due by `to`. When the step was
 * busy (the real job was doing it), waits briefly for that job to finish first.
 */
export async function followingStep(
  deps: CompetitionDeps,
  done: AgendaItem,
  to: Date,
  busy: boolean,
): Promise<AgendaItem | null> {
  if (done.name !== 'compete-open' && done.name !== 'compete-close') return null;
  const until = Date.now() + (busy ? BUSY_WAIT_MS : 0);
  for (;;) {
    const c = await deps.competitions.get(done.data.competitionId);
    const step = c && nextStep(c);
    if (!step || !same(step, done) || Date.now() >= until) {
      return step && !same(step, done) && step.at.getTime() <= to.getTime() ? step : null;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
