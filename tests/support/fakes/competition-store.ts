/**
 * In-memory CompetitionStore for unit tests of core; passes the same contract as Redis. Leases
 * expire by the given clock, so a test with a ManualClock can expire one by advancing it.
 */
import {
  type Competition,
  type CompetitionPlan,
  NEW_ROUND,
  type RoundAnswer,
  type RoundState,
} from '../../../src/core/competitions/model.js';
import type {
  ClaimResult,
  CompetitionStep,
  CompetitionStore,
  CreateResult,
  SubmitResult,
} from '../../../src/core/competitions/ports.js';
import type { PostedRef } from '../../../src/core/quiz/types.js';
import { type Clock, systemClock } from '../../../src/core/time/clock.js';

const stepKey = (id: string, s: CompetitionStep) =>
  JSON.stringify([id, s.step, 'round' in s ? s.round : null]);

export function createFakeCompetitionStore(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? systemClock;
  const competitions = new Map<string, Competition>();
  const answers = new Map<string, Map<string, RoundAnswer>>();
  const channels = new Map<string, string>();
  const leases = new Map<string, { owner: string; until: number }>();
  const answersOf = (id: string, round: number) => {
    const key = JSON.stringify([id, round]);
    let map = answers.get(key);
    if (!map) answers.set(key, (map = new Map()));
    return map;
  };
  const liveLease = (key: string) => {
    const lease = leases.get(key);
    return lease && lease.until > clock.now().getTime() ? lease : undefined;
  };
  const isDone = (c: Competition, s: CompetitionStep) =>
    s.step === 'open'
      ? c.rounds[s.round]?.openedAt != null
      : s.step === 'result'
        ? c.rounds[s.round]?.resultPosted === true
        : c.standingsPosted;
  const checkRound = (c: Competition, round: number) => {
    if (!Number.isInteger(round) || round < 0 || round >= c.items.length)
      throw new RangeError(`competition ${c.id} has no round ${round}`);
  };

  const store = {
    async create(plan: CompetitionPlan, firstOpensAt: string): Promise<CreateResult> {
      const running = channels.get(plan.channel);
      if (running) return { ok: false, running };
      if (competitions.has(plan.id)) throw new Error(`competition ${plan.id} exists`);
      channels.set(plan.channel, plan.id);
      const rounds: RoundState[] = plan.items.map(() => ({ ...NEW_ROUND }));
      rounds[0] = { ...rounds[0]!, opensAt: firstOpensAt };
      competitions.set(plan.id, {
        ...structuredClone(plan),
        state: 'running',
        round: 0,
        rounds,
        endedAt: null,
        standingsPosted: false,
      });
      return { ok: true };
    },
    async get(id: string) {
      const c = competitions.get(id);
      return c ? structuredClone(c) : null;
    },
    async runningIn(channel: string) {
      return channels.get(channel) ?? null;
    },
    async listRunning() {
      return [...competitions.values()]
        .filter((c) => c.state === 'running')
        .map((c) => c.id)
        .sort();
    },
    async planRound(id: string, round: number, opensAt: string) {
      const c = competitions.get(id);
      if (!c || c.state !== 'running') return null;
      checkRound(c, round);
      if (round > c.round) c.round = round;
      const state = c.rounds[round]!;
      state.opensAt ??= opensAt;
      return state.opensAt;
    },
    async claim(
      id: string,
      step: CompetitionStep,
      owner: string,
      leaseMs: number,
    ): Promise<ClaimResult> {
      if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0)
        throw new RangeError(`leaseMs must be a positive integer, got ${leaseMs}`);
      const c = competitions.get(id);
      if (c && isDone(c, step)) return 'posted';
      const key = stepKey(id, step);
      if (liveLease(key)) return 'busy';
      leases.set(key, { owner, until: clock.now().getTime() + leaseMs });
      return 'claimed';
    },
    async release(id: string, step: CompetitionStep, owner: string) {
      const key = stepKey(id, step);
      if (liveLease(key)?.owner === owner) leases.delete(key);
    },
    async markOpened(
      id: string,
      round: number,
      opened: { openedAt: string; closesAt: string; message: PostedRef },
    ) {
      const c = competitions.get(id);
      if (!c) return null;
      checkRound(c, round);
      leases.delete(stepKey(id, { step: 'open', round }));
      if (c.state !== 'running') return null;
      const state = c.rounds[round]!;
      if (!state.openedAt) Object.assign(state, structuredClone(opened));
      return structuredClone(state);
    },
    async submit(
      id: string,
      round: number,
      answer: RoundAnswer,
      nowMs: number,
    ): Promise<SubmitResult> {
      const c = competitions.get(id);
      if (!c || c.state !== 'running') return 'not-running';
      const state = c.rounds[round];
      if (!state?.openedAt || !state.closesAt) return 'not-open';
      if (state.closed || nowMs > Date.parse(state.closesAt)) return 'closed';
      const given = answersOf(id, round);
      if (given.has(answer.player)) return 'already-answered';
      given.set(answer.player, structuredClone(answer));
      return 'accepted';
    },
    async closeRound(id: string, round: number) {
      const state = competitions.get(id)?.rounds[round];
      if (!state?.openedAt || state.closed) return false;
      state.closed = true;
      return true;
    },
    async markPosted(id: string, step: Exclude<CompetitionStep, { step: 'open' }>) {
      const c = competitions.get(id);
      leases.delete(stepKey(id, step));
      if (!c) return;
      if (step.step === 'result') {
        checkRound(c, step.round);
        c.rounds[step.round]!.resultPosted = true;
      } else c.standingsPosted = true;
    },
    async answers(id: string, round: number) {
      return [...answersOf(id, round).values()]
        .sort((a, b) => (a.player < b.player ? -1 : a.player > b.player ? 1 : 0))
        .map((a) => structuredClone(a));
    },
    async end(id: string, state: 'finished' | 'stopped', at: string) {
      const c = competitions.get(id);
      if (!c || c.state !== 'running') return false;
      c.state = state;
      c.endedAt = at;
      if (channels.get(c.channel) === id) channels.delete(c.channel);
      return true;
    },
  } satisfies CompetitionStore;
  return store;
}
