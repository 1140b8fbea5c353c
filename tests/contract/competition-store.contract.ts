/**
 * The CompetitionStore contract, run against every implementation: the channel claim, rounds,
 * posting claims, atomic answers (first one counts, none after the deadline or the close), ending.
 */
import { describe, expect, it } from 'vitest';
import type { CompetitionPlan, RoundAnswer } from '../../src/core/competitions/model.js';
import type { CompetitionStore } from '../../src/core/competitions/ports.js';
import type { Item } from '../../src/core/items/model.js';
import { CHANNEL, WS, sleep } from './stores.js';

export type MakeCompetitionStore = () => Promise<CompetitionStore>;

const LONG = 60_000;
const T0 = Date.parse('2025-03-06T01:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const OPENED = {
  openedAt: iso(T0),
  closesAt: iso(T0 + 30_000),
  message: { messageId: 'm-1', threadId: 't-1' },
};

const choice = (n: number): Item => ({
  kind: 'choice',
  id: `item-${n}`,
  sources: ['Q1'],
  tags: ['DL'],
  prompt: `Which one? ${n}`,
  explanation: 'Because.',
  options: [
    { id: 'a', text: 'one' },
    { id: 'b', text: 'two' },
  ],
  answer: ['b'],
  origin: { kind: 'authored', file: 'data/items/x.yaml', line: n },
});

const numeric: Item = {
  kind: 'numeric',
  id: 'conv[W=32]',
  sources: ['Q3'],
  tags: ['DL'],
  prompt: 'How wide? $W=32$',
  explanation: '32',
  answer: 32,
  tolerance: { abs: 0, rel: 0 },
  unit: 'px',
  params: { W: 32 },
  origin: { kind: 'authored', file: 'data/items/conv.yaml', line: 3, template: 'conv' },
};

/** A plan with ids shaped like real adapter keys (colons included). */
export function aPlan(overrides: Partial<CompetitionPlan> = {}): CompetitionPlan {
  return {
    id: 'cmp:1',
    workspace: WS,
    channel: CHANNEL,
    startedBy: 'slack:user:T1:U1',
    startedByName: 'Ada',
    secondsPerRound: 30,
    tags: ['DL'],
    seed: 'seed-1',
    items: [choice(1), numeric, choice(3)],
    createdAt: iso(T0 - 5_000),
    ...overrides,
  };
}

export function anAnswer(player: string, overrides: Partial<RoundAnswer> = {}): RoundAnswer {
  return {
    player,
    name: player.split(':').at(-1)!,
    answer: 'b',
    correct: true,
    points: 900,
    elapsedMs: 6_000,
    ...overrides,
  };
}

export function runCompetitionStoreContract(name: string, make: MakeCompetitionStore): void {
  describe(`CompetitionStore contract: ${name}`, () => {
    describe('create', () => {
      it('stores the plan as running, round 0 planned and every other round empty', async () => {
        const store = await make();
        expect(await store.create(aPlan(), iso(T0))).toEqual({ ok: true });
        const c = await store.get('cmp:1');
        expect(c).toMatchObject({ ...aPlan(), state: 'running', round: 0, endedAt: null });
        expect(c!.standingsPosted).toBe(false);
        expect(c!.rounds).toEqual([
          {
            opensAt: iso(T0),
            openedAt: null,
            closesAt: null,
            message: null,
            closed: false,
            resultPosted: false,
          },
          {
            opensAt: null,
            openedAt: null,
            closesAt: null,
            message: null,
            closed: false,
            resultPosted: false,
          },
          {
            opensAt: null,
            openedAt: null,
            closesAt: null,
            message: null,
            closed: false,
            resultPosted: false,
          },
        ]);
        expect(await store.get('cmp:unknown')).toBeNull();
      });

      it('holds one competition per channel: a second start is told which one runs', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        expect(await store.create(aPlan({ id: 'cmp:2' }), iso(T0))).toEqual({
          ok: false,
          running: 'cmp:1',
        });
        expect(await store.get('cmp:2')).toBeNull();
        const other = aPlan({ id: 'cmp:3', channel: 'slack:channel:T1:C2' });
        expect(await store.create(other, iso(T0))).toEqual({ ok: true });
        expect(await store.runningIn(CHANNEL)).toBe('cmp:1');
        expect(await store.runningIn('slack:channel:T1:C2')).toBe('cmp:3');
        expect(await store.runningIn('slack:channel:T1:C9')).toBeNull();
        expect(await store.listRunning()).toEqual(['cmp:1', 'cmp:3']);
      });

      it('gives the channel to exactly one of many starts racing for it', async () => {
        const store = await make();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.create(aPlan({ id: `cmp:r${i}` }), iso(T0))),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(await store.listRunning()).toHaveLength(1);
      });
    });

    describe('rounds', () => {
      it('plans rounds forward only, each round keeping its first planned time', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        expect(await store.planRound('cmp:1', 1, iso(T0 + 40_000))).toBe(iso(T0 + 40_000));
        expect(await store.planRound('cmp:1', 1, iso(T0 + 99_000))).toBe(iso(T0 + 40_000));
        expect((await store.get('cmp:1'))!.round).toBe(1);
        expect(await store.planRound('cmp:1', 0, iso(T0 + 99_000))).toBe(iso(T0));
        expect((await store.get('cmp:1'))!.round).toBe(1);
        expect((await store.get('cmp:1'))!.rounds[1]!.opensAt).toBe(iso(T0 + 40_000));
      });

      it('records the first opening of a round; later ones change nothing', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        const first = await store.markOpened('cmp:1', 0, OPENED);
        expect(first).toMatchObject({ ...OPENED, closed: false, resultPosted: false });
        const again = await store.markOpened('cmp:1', 0, {
          ...OPENED,
          openedAt: iso(T0 + 1),
          message: { messageId: 'm-2' },
        });
        expect(again).toEqual(first);
        expect((await store.get('cmp:1'))!.rounds[0]).toEqual(first);
      });

      it('freezes an opened round once, and never one that did not open', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        expect(await store.closeRound('cmp:1', 0)).toBe(false);
        await store.markOpened('cmp:1', 0, OPENED);
        expect(await store.closeRound('cmp:1', 0)).toBe(true);
        expect(await store.closeRound('cmp:1', 0)).toBe(false);
        expect((await store.get('cmp:1'))!.rounds[0]!.closed).toBe(true);
      });
    });

    describe('posting claims', () => {
      it('lets one owner claim a step; others (and the owner) are busy; only the owner releases', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        const open0 = { step: 'open', round: 0 } as const;
        expect(await store.claim('cmp:1', open0, 'proc-a', LONG)).toBe('claimed');
        expect(await store.claim('cmp:1', open0, 'proc-b', LONG)).toBe('busy');
        expect(await store.claim('cmp:1', open0, 'proc-a', LONG)).toBe('busy');
        expect(await store.claim('cmp:1', { step: 'open', round: 1 }, 'proc-b', LONG)).toBe(
          'claimed',
        );
        expect(await store.claim('cmp:1', { step: 'result', round: 0 }, 'proc-b', LONG)).toBe(
          'claimed',
        );
        await store.release('cmp:1', open0, 'proc-b');
        expect(await store.claim('cmp:1', open0, 'proc-b', LONG)).toBe('busy');
        await store.release('cmp:1', open0, 'proc-a');
        expect(await store.claim('cmp:1', open0, 'proc-b', LONG)).toBe('claimed');
      });

      it('gives exactly one claim to many owners racing', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.claim('cmp:1', { step: 'standings' }, `proc-${i}`, LONG),
          ),
        );
        expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
      });

      it('expires with its lease', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        expect(await store.claim('cmp:1', { step: 'standings' }, 'proc-a', 50)).toBe('claimed');
        await sleep(120);
        expect(await store.claim('cmp:1', { step: 'standings' }, 'proc-b', LONG)).toBe('claimed');
      });

      it('answers posted for everyone once the step is done', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        const steps = [
          { step: 'open', round: 0 },
          { step: 'result', round: 0 },
          { step: 'standings' },
        ] as const;
        for (const s of steps)
          expect(await store.claim('cmp:1', s, 'proc-a', LONG)).toBe('claimed');
        await store.markOpened('cmp:1', 0, OPENED);
        await store.markPosted('cmp:1', steps[1]);
        await store.markPosted('cmp:1', steps[2]);
        for (const s of steps) expect(await store.claim('cmp:1', s, 'proc-b', LONG)).toBe('posted');
        const c = await store.get('cmp:1');
        expect(c!.rounds[0]!.resultPosted).toBe(true);
        expect(c!.rounds[1]!.resultPosted).toBe(false);
        expect(c!.standingsPosted).toBe(true);
        expect(await store.claim('cmp:1', { step: 'result', round: 1 }, 'proc-b', LONG)).toBe(
          'claimed',
        );
      });

      it('rejects a lease that is not a positive integer', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        await expect(store.claim('cmp:1', { step: 'standings' }, 'a', 0)).rejects.toThrow(
          RangeError,
        );
      });
    });

    describe('submit', () => {
      it('refuses answers before the round opens', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        expect(await store.submit('cmp:1', 0, anAnswer('p:1'), T0)).toBe('not-open');
        expect(await store.answers('cmp:1', 0)).toEqual([]);
      });

      it('keeps the first answer of each person; a second one is refused and changes nothing', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        await store.markOpened('cmp:1', 0, OPENED);
        const ada = anAnswer('slack:user:T1:Ada', { elapsedMs: 1_234 });
        expect(await store.submit('cmp:1', 0, ada, T0 + 1_234)).toBe('accepted');
        const retry = anAnswer('slack:user:T1:Ada', { answer: 'a', correct: false, points: 0 });
        expect(await store.submit('cmp:1', 0, retry, T0 + 2_000)).toBe('already-answered');
        const bob = anAnswer('slack:user:T1:Bob', { answer: 'a', correct: false, points: 0 });
        expect(await store.submit('cmp:1', 0, bob, T0 + 3_000)).toBe('accepted');
        expect(await store.answers('cmp:1', 0)).toEqual([ada, bob]);
        expect(await store.answers('cmp:1', 1)).toEqual([]);
      });

      it('counts one answer of many sent at once by the same person', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        await store.markOpened('cmp:1', 0, OPENED);
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.submit('cmp:1', 0, anAnswer('p:1', { elapsedMs: i }), T0 + i),
          ),
        );
        expect(results.filter((r) => r === 'accepted')).toHaveLength(1);
        expect(results.filter((r) => r === 'already-answered')).toHaveLength(19);
        expect(await store.answers('cmp:1', 0)).toHaveLength(1);
      });

      it('takes an answer at the deadline, refuses one a millisecond after', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        await store.markOpened('cmp:1', 0, OPENED);
        expect(await store.submit('cmp:1', 0, anAnswer('p:1'), T0 + 30_000)).toBe('accepted');
        expect(await store.submit('cmp:1', 0, anAnswer('p:2'), T0 + 30_001)).toBe('closed');
        expect((await store.answers('cmp:1', 0)).map((a) => a.player)).toEqual(['p:1']);
      });

      it('refuses answers once the round is frozen, even before its deadline', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        await store.markOpened('cmp:1', 0, OPENED);
        await store.closeRound('cmp:1', 0);
        expect(await store.submit('cmp:1', 0, anAnswer('p:1'), T0 + 1_000)).toBe('closed');
      });

      it('refuses answers once the competition ended', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        await store.markOpened('cmp:1', 0, OPENED);
        await store.end('cmp:1', 'stopped', iso(T0 + 1_000));
        expect(await store.submit('cmp:1', 0, anAnswer('p:1'), T0 + 2_000)).toBe('not-running');
        expect(await store.submit('cmp:none', 0, anAnswer('p:1'), T0)).toBe('not-running');
      });
    });

    describe('end', () => {
      it('ends once, frees the channel for a new competition and leaves the list of running', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        expect(await store.end('cmp:1', 'finished', iso(T0 + 99_000))).toBe(true);
        expect(await store.end('cmp:1', 'stopped', iso(T0 + 99_999))).toBe(false);
        expect(await store.end('cmp:unknown', 'stopped', iso(T0))).toBe(false);
        expect(await store.get('cmp:1')).toMatchObject({
          state: 'finished',
          endedAt: iso(T0 + 99_000),
        });
        expect(await store.runningIn(CHANNEL)).toBeNull();
        expect(await store.listRunning()).toEqual([]);
        expect(await store.create(aPlan({ id: 'cmp:2' }), iso(T0))).toEqual({ ok: true });
      });

      it('stops planning and opening once ended', async () => {
        const store = await make();
        await store.create(aPlan(), iso(T0));
        await store.end('cmp:1', 'stopped', iso(T0));
        expect(await store.planRound('cmp:1', 1, iso(T0))).toBeNull();
        expect(await store.markOpened('cmp:1', 0, OPENED)).toBeNull();
        expect((await store.get('cmp:1'))!.rounds[0]!.openedAt).toBeNull();
      });
    });
  });
}
