/**
 * Competition use cases on fakes: a manual clock, the fake competition and score stores, a memory
 * publisher, and a round scheduler that records jobs and can run the due ones in time order (what
 * the BullMQ worker or fast-forward does), moving the clock to each job's time first.
 */
import { loadBank } from '../../src/bank/load.js';
import { type CompetitionPool, competitionPool } from '../../src/core/competitions/pool.js';
import type { CompetitionDeps, RoundScheduler } from '../../src/core/competitions/ports.js';
import { type StepResult, closeRound, openRound } from '../../src/core/competitions/steps.js';
import type { CompetitionView } from '../../src/core/competitions/views.js';
import type { Item } from '../../src/core/items/model.js';
import type { Actor, Place } from '../../src/core/quiz/types.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { loadAuthoredItems } from '../../src/items/load.js';
import { createFakeCompetitionStore } from './fakes/competition-store.js';
import { createFakeStores } from './fakes/stores.js';
import { createMemoryPublisher } from './quiz-harness.js';

export const PLACE: Place = { workspace: 'console:ws:test', channel: 'console:ch:arena' };

export const actor = (name: string, isAdmin = false): Actor => ({
  player: `console:user:${name}`,
  name,
  isAdmin,
});

export interface ScheduledStep {
  kind: 'open' | 'close';
  competitionId: string;
  round: number;
  at: Date;
  ran: boolean;
}

/** A round scheduler that keeps one job per competition, round and kind, like BullMQ job ids. */
export function createRecordingRounds() {
  const jobs: ScheduledStep[] = [];
  const add = (kind: 'open' | 'close', competitionId: string, round: number, at: Date) => {
    if (jobs.some((j) => j.kind === kind && j.competitionId === competitionId && j.round === round))
      return;
    jobs.push({ kind, competitionId, round, at, ran: false });
  };
  const rounds = {
    async scheduleOpen(id, round, at) {
      add('open', id, round, at);
    },
    async scheduleClose(id, round, at) {
      add('close', id, round, at);
    },
  } satisfies RoundScheduler;
  return { rounds, jobs };
}

export function competitionHarness(start = new Date('2025-03-06T01:00:00.000Z')) {
  const clock = new ManualClock(start);
  const { scores, workspaces } = createFakeStores({ clock });
  const competitions = createFakeCompetitionStore({ clock });
  const pub = createMemoryPublisher();
  const sched = createRecordingRounds();
  let ids = 0;
  const deps: CompetitionDeps = {
    clock,
    competitions,
    rounds: sched.rounds,
    publisher: pub.publisher,
    scores,
    workspaces,
    instanceId: 'test-1',
    newId: () => `cmp-${++ids}`,
  };
  /** The competition views posted so far, in order. */
  const views = () =>
    pub.posts
      .map((p) => p.view)
      .filter((v): v is CompetitionView => v.kind.startsWith('competition-'));

  /**
   * Runs every scheduled step due within `ms` from now, in time order (closes before opens at the
   * same instant), moving the clock to each; leaves the clock at now + ms.
   */
  async function advance(ms: number): Promise<StepResult[]> {
    const until = clock.now().getTime() + ms;
    const results: StepResult[] = [];
    for (;;) {
      const due = sched.jobs
        .filter((j) => !j.ran && j.at.getTime() <= until)
        .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === 'close' ? -1 : 1))[0];
      if (!due) break;
      if (due.at.getTime() > clock.now().getTime()) clock.set(due.at);
      due.ran = true;
      const input = { competitionId: due.competitionId, round: due.round };
      results.push(await (due.kind === 'open' ? openRound(deps, input) : closeRound(deps, input)));
    }
    if (until > clock.now().getTime()) clock.set(new Date(until));
    return results;
  }

  return { deps, clock, scores, workspaces, competitions, pub, sched, views, advance };
}

let poolOnce: Promise<CompetitionPool> | undefined;
/** The pool of the default bank and the shipped authored items, built once per test file. */
export function defaultPool(): Promise<CompetitionPool> {
  return (poolOnce ??= (async () => {
    const bank = await loadBank('data/questions.md');
    const authored = await loadAuthoredItems('data/items');
    return competitionPool(bank.questions, authored.items);
  })());
}

/** A single-answer choice item whose right option is `b`. */
export function choiceItem(n: number, tags = ['DL']): Item {
  return {
    kind: 'choice',
    id: `choice-${n}`,
    sources: ['Q1'],
    tags,
    prompt: `Question ${n}: which one?`,
    explanation: `Because ${n}.`,
    options: [
      { id: 'a', text: `wrong ${n}` },
      { id: 'b', text: `right ${n}` },
      { id: 'c', text: `also wrong ${n}` },
    ],
    answer: ['b'],
    origin: { kind: 'authored', file: 'test.yaml', line: n },
  };
}

/** A numeric item whose answer is 32 px, within 0.5. */
export function numericItem(n: number): Item {
  return {
    kind: 'numeric',
    id: `numeric-${n}`,
    sources: ['Q3'],
    tags: ['DL'],
    prompt: `Question ${n}: how wide?`,
    explanation: '32.',
    answer: 32,
    tolerance: { abs: 0.5, rel: 0 },
    unit: 'px',
    origin: { kind: 'authored', file: 'test.yaml', line: n },
  };
}

/** A pool of hand-made items, so tests know every answer (the sample still orders them by seed). */
export function handPool(items: Item[]): CompetitionPool {
  return { items, tags: [...new Set(items.flatMap((i) => i.tags))].sort() };
}
