import type { Place } from '../quiz/types.js';
import type { CompetitionDeps } from './ports.js';
import { STANDINGS_SHOWN, closedStandings, roundNumber } from './present.js';
import type { CompeteNotice, CompeteOutcome, CompetitionSummary } from './views.js';
import { competeOk } from './views.js';

/** `/quiz compete status`: the channel's running competition, its round and standings so far. */
export async function competitionStatus(
  deps: CompetitionDeps,
  place: Place,
): Promise<CompeteOutcome<CompeteNotice>> {
  const id = await deps.competitions.runningIn(place.channel);
  const c = id ? await deps.competitions.get(id) : null;
  if (!c || c.workspace !== place.workspace || c.state !== 'running') {
    return competeOk({ code: 'compete-status', competition: null });
  }
  const state = c.rounds[c.round]!;
  const now = deps.clock.now().getTime();
  let phase: CompetitionSummary['phase'] = 'waiting';
  if (state.openedAt) {
    phase = state.closed || now > Date.parse(state.closesAt!) ? 'closing' : 'open';
  }
  const { standings } = await closedStandings(deps.competitions, c);
  return competeOk({
    code: 'compete-status',
    competition: {
      competitionId: c.id,
      startedByName: c.startedByName,
      tags: c.tags,
      secondsPerRound: c.secondsPerRound,
      round: roundNumber(c, c.round),
      phase,
      at: phase === 'waiting' ? state.opensAt : state.closesAt,
      standings: standings.slice(0, STANDINGS_SHOWN),
    },
  });
}
