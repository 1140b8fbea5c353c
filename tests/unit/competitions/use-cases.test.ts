/** Competition use cases on fakes, with a manual clock and the recorded round jobs run in order. */
import { describe, expect, it } from 'vitest';
import { submitAnswer } from '../../../src/core/competitions/answer.js';
import { LEAD_IN_MS, PAUSE_MS } from '../../../src/core/competitions/model.js';
import { competitionStatus } from '../../../src/core/competitions/status.js';
import { startCompetition } from '../../../src/core/competitions/start.js';
import { closeRound, finishCompetition, openRound } from '../../../src/core/competitions/steps.js';
import { stopCompetition } from '../../../src/core/competitions/stop.js';
import type {
  CompetitionResultView,
  CompetitionStandingsView,
} from '../../../src/core/competitions/views.js';
import type { Item } from '../../../src/core/items/model.js';
import { PublishRefusedError } from '../../../src/core/quiz/ports.js';
import {
  PLACE,
  actor,
  choiceItem,
  competitionHarness,
  handPool,
  numericItem,
} from '../../support/competition-harness.js';

const alice = actor('alice');
const bob = actor('bob');
const carol = actor('carol');
const admin = actor('boss', true);

type Harness = ReturnType<typeof competitionHarness>;

/** The right and a wrong option of a round as the competition stored it (options are shuffled). */
async function optionsOf(h: Harness, id: string, round: number) {
  const item = (await h.competitions.get(id))!.items[round]!;
  if (item.kind === 'numeric') throw new Error('not a choice');
  const right = item.kind === 'choice' ? item.answer[0]! : item.answerOption;
  return { right, wrong: item.options.find((o) => o.id !== right)!.id };
}

const press = (h: Harness, who = alice, optionId: string, round?: number, id = 'cmp-1') =>
  submitAnswer(h.deps, who, PLACE, {
    competitionId: id,
    ...(round === undefined ? {} : { round }),
    response: { optionIds: [optionId] },
  });

async function started(
  h: Harness,
  items: Item[],
  input: { rounds?: number; seconds?: number } = {},
) {
  const outcome = await startCompetition(h.deps, handPool(items), alice, PLACE, {
    rounds: items.length,
    seconds: 30,
    ...input,
  });
  if (!outcome.ok) throw new Error(`start failed: ${outcome.failure.code}`);
  if (outcome.value.code !== 'compete-started') throw new Error(outcome.value.code);
  return outcome.value;
}

describe('compete start', () => {
  it('fixes the items, plans round 1 after the lead-in, and posts nothing yet', async () => {
    const h = competitionHarness();
    const notice = await started(h, [choiceItem(1), choiceItem(2)]);
    expect(notice).toEqual({
      code: 'compete-started',
      competitionId: 'cmp-1',
      rounds: 2,
      secondsPerRound: 30,
      tags: [],
      opensAt: new Date(h.clock.now().getTime() + LEAD_IN_MS).toISOString(),
    });
    expect(h.pub.posts).toEqual([]);
    expect(h.sched.jobs).toEqual([
      { kind: 'open', competitionId: 'cmp-1', round: 0, at: new Date(notice.opensAt), ran: false },
    ]);
    const c = await h.competitions.get('cmp-1');
    expect(c).toMatchObject({ state: 'running', startedBy: alice.player, secondsPerRound: 30 });
    expect(c!.items.map((i) => i.id).sort()).toEqual(['choice-1', 'choice-2']);
  });

  it.each([
    [{ rounds: 0 }, { code: 'bad-rounds', value: 0, min: 1, max: 20 }],
    [{ rounds: 21 }, { code: 'bad-rounds', value: 21, min: 1, max: 20 }],
    [{ seconds: 9 }, { code: 'bad-seconds', value: 9, min: 10, max: 300 }],
    [{ seconds: 301 }, { code: 'bad-seconds', value: 301, min: 10, max: 300 }],
    [{ tags: ['NLP'] }, { code: 'unknown-tags', tags: ['NLP'], known: ['DL', 'ML'] }],
    [
      { rounds: 4, tags: ['ml'] },
      { code: 'not-enough-items', tags: ['ML'], wanted: 4, available: 1 },
    ],
  ])('refuses %j', async (input, failure) => {
    const h = competitionHarness();
    const pool = handPool([choiceItem(1), choiceItem(2), choiceItem(3, ['ML'])]);
    expect(await startCompetition(h.deps, pool, alice, PLACE, input)).toEqual({
      ok: false,
      failure,
    });
    expect(await h.competitions.runningIn(PLACE.channel)).toBeNull();
  });

  it('says what the bot lacks in the channel', async () => {
    const h = competitionHarness();
    h.pub.setCheck({ ok: false, missing: ['Send Messages'] });
    const outcome = await startCompetition(h.deps, handPool([choiceItem(1)]), alice, PLACE, {});
    expect(outcome).toEqual({
      ok: false,
      failure: { code: 'missing-permissions', missing: ['Send Messages'] },
    });
  });

  it('allows one competition per channel at a time', async () => {
    const h = competitionHarness();
    const pool = handPool([choiceItem(1)]);
    await started(h, [choiceItem(1)]);
    expect(await startCompetition(h.deps, pool, bob, PLACE, { rounds: 1 })).toEqual({
      ok: false,
      failure: { code: 'competition-running', competitionId: 'cmp-1' },
    });
    const elsewhere = { ...PLACE, channel: 'console:ch:other' };
    expect((await startCompetition(h.deps, pool, bob, elsewhere, { rounds: 1 })).ok).toBe(true);
    // Two starts at once in a fresh channel: one wins.
    const third = { ...PLACE, channel: 'console:ch:third' };
    const both = await Promise.all([
      startCompetition(h.deps, pool, alice, third, { rounds: 1 }),
      startCompetition(h.deps, pool, bob, third, { rounds: 1 }),
    ]);
    expect(both.filter((o) => o.ok)).toHaveLength(1);
  });
});

describe('a competition, round by round', () => {
  it('scores by server time: faster right answers score more, wrong ones nothing', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1)]);
    expect(await h.advance(LEAD_IN_MS)).toEqual([
      {
        status: 'opened',
        round: 0,
        closesAt: new Date(h.clock.now().getTime() + 30_000).toISOString(),
      },
    ]);
    const { right, wrong } = await optionsOf(h, 'cmp-1', 0);
    h.clock.advance(3_000);
    expect(await press(h, alice, right)).toEqual({
      ok: true,
      value: { code: 'compete-answered', round: { number: 1, of: 1 }, elapsedMs: 3_000 },
    });
    h.clock.advance(12_000);
    await press(h, bob, right);
    h.clock.advance(1_000);
    await press(h, carol, wrong);
    const answers = await h.competitions.answers('cmp-1', 0);
    expect(answers.map((a) => [a.name, a.correct, a.elapsedMs, a.points])).toEqual([
      ['alice', true, 3_000, 950],
      ['bob', true, 15_000, 750],
      ['carol', false, 16_000, 0],
    ]);
  });

  it('counts the first answer per person and round; a second is refused and changes nothing', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1)]);
    await h.advance(LEAD_IN_MS);
    const { right, wrong } = await optionsOf(h, 'cmp-1', 0);
    h.clock.advance(2_000);
    await press(h, alice, wrong);
    h.clock.advance(1_000);
    expect(await press(h, alice, right)).toEqual({
      ok: false,
      failure: { code: 'already-answered' },
    });
    const typed = await submitAnswer(h.deps, alice, PLACE, { response: { text: right } });
    expect(typed).toEqual({ ok: false, failure: { code: 'already-answered' } });
    expect(await h.competitions.answers('cmp-1', 0)).toMatchObject([
      { player: alice.player, correct: false, points: 0, elapsedMs: 2_000 },
    ]);
  });

  it('refuses answers before the round opens and after it closes', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1), choiceItem(2)]);
    expect(await press(h, alice, 'a', 0)).toEqual({
      ok: false,
      failure: { code: 'round-not-open' },
    });
    await h.advance(LEAD_IN_MS);
    const { right } = await optionsOf(h, 'cmp-1', 0);
    h.clock.advance(30_000);
    expect((await press(h, alice, right)).ok).toBe(true); // at the deadline: still in
    h.clock.advance(1);
    // Past the deadline and before the close job ran: already refused.
    expect(await press(h, bob, right)).toEqual({ ok: false, failure: { code: 'round-closed' } });
    await h.advance(0);
    expect(await press(h, carol, right, 0)).toEqual({
      ok: false,
      failure: { code: 'round-closed' },
    });
    // Round 2 is planned but not open during the pause.
    expect(await press(h, carol, 'a', 1)).toEqual({
      ok: false,
      failure: { code: 'round-not-open' },
    });
    expect((await h.competitions.answers('cmp-1', 0)).map((a) => a.name)).toEqual(['alice']);
  });

  it('an unreadable typed answer is not an answer: the person may try again', async () => {
    const h = competitionHarness();
    await started(h, [numericItem(1)]);
    await h.advance(LEAD_IN_MS);
    expect(await submitAnswer(h.deps, alice, PLACE, { response: { text: 'thirty' } })).toEqual({
      ok: false,
      failure: { code: 'unreadable-answer', problem: 'unparseable', kind: 'numeric' },
    });
    h.clock.advance(6_000);
    expect((await submitAnswer(h.deps, alice, PLACE, { response: { text: '32 px' } })).ok).toBe(
      true,
    );
    expect(await h.competitions.answers('cmp-1', 0)).toMatchObject([
      { answer: '32', correct: true, points: 900 },
    ]);
  });

  it('runs every round, posts results and final standings, and awards board points once', async () => {
    const h = competitionHarness();
    await h.workspaces.setTimezone(PLACE.workspace, 'Asia/Shanghai');
    await started(h, [choiceItem(1), numericItem(2), choiceItem(3)]);
    await h.advance(LEAD_IN_MS);
    const c = (await h.competitions.get('cmp-1'))!;
    const numericRound = c.items.findIndex((i) => i.kind === 'numeric');
    const plays: Record<number, [typeof alice, number, boolean][]> = {
      0: [
        [alice, 2_000, true],
        [bob, 4_000, true],
        [carol, 5_000, false],
      ],
      1: [
        [bob, 1_000, true],
        [alice, 9_000, true],
      ],
      2: [
        [carol, 3_000, true],
        [alice, 6_000, false],
      ],
    };
    for (let round = 0; round < 3; round++) {
      const opened = (await h.competitions.get('cmp-1'))!.rounds[round]!;
      expect(opened.openedAt).toBe(h.clock.now().toISOString());
      let at = 0;
      for (const [who, ms, right] of plays[round]!) {
        h.clock.advance(ms - at);
        at = ms;
        const outcome =
          round === numericRound
            ? await submitAnswer(h.deps, who, PLACE, { response: { text: right ? '32' : '7' } })
            : await press(h, who, (await optionsOf(h, 'cmp-1', round))[right ? 'right' : 'wrong']);
        expect(outcome.ok).toBe(true);
      }
      // To the deadline, the close, the pause and the next opening.
      const results = await h.advance(30_000 - at + PAUSE_MS);
      expect(results[0]).toMatchObject({ status: round === 2 ? 'finished' : 'closed' });
    }

    const results = h
      .views()
      .filter((v): v is CompetitionResultView => v.kind === 'competition-result');
    expect(results.map((r) => [r.round.number, r.answered, r.correct])).toEqual([
      [1, 3, 2],
      [2, 2, 2],
      [3, 2, 1],
    ]);
    expect(results[0]!.fastest.map((f) => [f.name, f.elapsedMs, f.points])).toEqual([
      ['alice', 2_000, 967],
      ['bob', 4_000, 933],
    ]);
    expect(results[0]!.next).toEqual({
      number: 2,
      opensAt: new Date(Date.parse(c.rounds[0]!.openedAt!) + 30_000 + PAUSE_MS).toISOString(),
    });
    expect(results[2]!.next).toBeNull();
    // alice 967 + 850 + 0; bob 933 + 983; carol 0 + 950.
    expect(results[2]!.standings.map((s) => [s.rank, s.name, s.points, s.correct])).toEqual([
      [1, 'bob', 1916, 2],
      [2, 'alice', 1817, 2],
      [3, 'carol', 950, 1],
    ]);

    const finals = h
      .views()
      .filter((v): v is CompetitionStandingsView => v.kind === 'competition-standings');
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({ state: 'finished', roundsPlayed: 3, rounds: 3 });
    expect(finals[0]!.awarded).toEqual([
      { player: bob.player, name: 'bob', points: 8 },
      { player: alice.player, name: 'alice', points: 7 },
      { player: carol.player, name: 'carol', points: 4 },
    ]);
    const week = (await h.scores.top(PLACE.workspace, 'all', 'all', 10)).map((e) => [
      e.name,
      e.points,
    ]);
    expect(week).toEqual([
      ['bob', 8],
      ['alice', 7],
      ['carol', 4],
    ]);

    // Finishing again (a retried job) awards and posts nothing more.
    expect(await finishCompetition(h.deps, 'cmp-1')).toEqual({ status: 'skipped', reason: 'done' });
    expect(await closeRound(h.deps, { competitionId: 'cmp-1', round: 2 })).toEqual({
      status: 'skipped',
      reason: 'done',
    });
    expect((await h.scores.top(PLACE.workspace, 'all', 'all', 10)).map((e) => e.points)).toEqual([
      8, 7, 4,
    ]);
    expect(h.views().filter((v) => v.kind === 'competition-standings')).toHaveLength(1);
    expect(await h.competitions.runningIn(PLACE.channel)).toBeNull();
    expect((await competitionStatus(h.deps, PLACE)).ok && true).toBe(true);
    expect(await competitionStatus(h.deps, PLACE)).toEqual({
      ok: true,
      value: { code: 'compete-status', competition: null },
    });
    // The channel is free again.
    expect(
      (await startCompetition(h.deps, handPool([choiceItem(9)]), bob, PLACE, { rounds: 1 })).ok,
    ).toBe(true);
  });

  it('posts the right answer, named with its text, and never shows it in the round itself', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1)]);
    await h.advance(LEAD_IN_MS);
    const round = h.views()[0]!;
    expect(round.kind).toBe('competition-round');
    expect(JSON.stringify(round)).not.toContain('"answer"');
    await h.advance(30_000);
    const result = h.views()[1] as CompetitionResultView;
    const { right } = await optionsOf(h, 'cmp-1', 0);
    expect(result.expected).toBe(right);
    expect(result.expectedOptions).toEqual([{ id: right, text: 'right 1' }]);
    expect(result.explanation).toBe('Because 1.');
  });

  it('gives numeric rounds an entry button and choice rounds one button per option', async () => {
    const h = competitionHarness();
    await started(h, [numericItem(1), choiceItem(2)]);
    await h.advance(LEAD_IN_MS + 30_000 + PAUSE_MS);
    const rounds = h.views().filter((v) => v.kind === 'competition-round');
    const buttons = rounds.map((r) => (r.kind === 'competition-round' ? r.buttons : []));
    const entry = buttons.find((b) => b.length === 1)!;
    const choice = buttons.find((b) => b.length === 3)!;
    expect(entry[0]).toMatchObject({ action: 'compete-entry', competitionId: 'cmp-1' });
    expect(choice.map((b) => b.action === 'compete-answer' && b.optionId)).toEqual(['a', 'b', 'c']);
  });
});

describe('steps are idempotent and safe to run twice at once', () => {
  it('opens a round once, whoever runs it and however often', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1), choiceItem(2)]);
    h.clock.advance(LEAD_IN_MS);
    const input = { competitionId: 'cmp-1', round: 0 };
    const results = await Promise.all([openRound(h.deps, input), openRound(h.deps, input)]);
    expect(results.map((r) => r.status).sort()).toEqual(['busy', 'opened']);
    expect(await openRound(h.deps, input)).toEqual({ status: 'skipped', reason: 'done' });
    expect(h.pub.posts).toHaveLength(1);
    expect(h.sched.jobs.filter((j) => j.kind === 'close')).toHaveLength(1);
  });

  it('does not open a round before its time, or a round that is not next', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1), choiceItem(2)]);
    h.clock.advance(LEAD_IN_MS - 1_000);
    expect(await openRound(h.deps, { competitionId: 'cmp-1', round: 0 })).toEqual({
      status: 'early',
      waitMs: 1_000,
    });
    expect(await openRound(h.deps, { competitionId: 'cmp-1', round: 1 })).toEqual({
      status: 'skipped',
      reason: 'not-current',
    });
    expect(await closeRound(h.deps, { competitionId: 'cmp-1', round: 0 })).toEqual({
      status: 'skipped',
      reason: 'not-open',
    });
    expect(await openRound(h.deps, { competitionId: 'nope', round: 0 })).toEqual({
      status: 'skipped',
      reason: 'unknown-competition',
    });
  });

  it('closes a round once, not before its deadline, and posts its result once', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1), choiceItem(2)]);
    await h.advance(LEAD_IN_MS);
    const input = { competitionId: 'cmp-1', round: 0 };
    h.clock.advance(29_000);
    expect(await closeRound(h.deps, input)).toEqual({ status: 'early', waitMs: 1_000 });
    h.clock.advance(1_000);
    const [first, second] = await Promise.all([
      closeRound(h.deps, input),
      closeRound(h.deps, input),
    ]);
    expect([first.status, second.status].sort()).toEqual(['busy', 'closed']);
    expect(await closeRound(h.deps, input)).toMatchObject({ status: 'closed' });
    expect(h.views().filter((v) => v.kind === 'competition-result')).toHaveLength(1);
    expect(h.sched.jobs.filter((j) => j.kind === 'open' && j.round === 1)).toHaveLength(1);
  });

  it('stops the competition when the bot loses the channel', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1)]);
    h.pub.failNext(new PublishRefusedError('no access', 'missing-permissions'));
    expect(await h.advance(LEAD_IN_MS)).toEqual([{ status: 'stopped', reason: 'no access' }]);
    expect((await h.competitions.get('cmp-1'))!.state).toBe('stopped');
    expect(await h.competitions.runningIn(PLACE.channel)).toBeNull();
  });
});

describe('compete stop and status', () => {
  it('lets only an admin or the starter stop; stopping posts the standings of closed rounds, awards nothing', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1), choiceItem(2), choiceItem(3)]);
    await h.advance(LEAD_IN_MS);
    h.clock.advance(1_000);
    await press(h, bob, (await optionsOf(h, 'cmp-1', 0)).right);
    await h.advance(29_000 + PAUSE_MS);
    h.clock.advance(1_000);
    await press(h, bob, (await optionsOf(h, 'cmp-1', 1)).right); // round 2 never closes

    expect(await stopCompetition(h.deps, bob, PLACE)).toEqual({
      ok: false,
      failure: { code: 'not-starter' },
    });
    expect(await stopCompetition(h.deps, admin, PLACE)).toEqual({
      ok: true,
      value: { code: 'compete-stopped', competitionId: 'cmp-1', roundsPlayed: 1 },
    });
    expect(await stopCompetition(h.deps, alice, PLACE)).toEqual({
      ok: false,
      failure: { code: 'no-competition' },
    });
    const last = h.views().at(-1) as CompetitionStandingsView;
    expect(last).toMatchObject({
      kind: 'competition-standings',
      state: 'stopped',
      roundsPlayed: 1,
      awarded: [],
    });
    expect(last.standings.map((s) => [s.name, s.points])).toEqual([['bob', 983]]);
    expect(await h.scores.top(PLACE.workspace, 'all', 'all', 10)).toEqual([]);
    // Jobs still pending find it stopped and do nothing.
    const before = h.pub.posts.length;
    expect(await h.advance(60_000)).toEqual([{ status: 'skipped', reason: 'not-running' }]);
    expect(h.pub.posts).toHaveLength(before);
    expect(await press(h, carol, 'a')).toEqual({ ok: false, failure: { code: 'round-closed' } });
    expect(await submitAnswer(h.deps, carol, PLACE, { response: { text: 'a' } })).toEqual({
      ok: false,
      failure: { code: 'no-competition' },
    });
  });

  it('lets the starter stop their own competition', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1)]);
    expect((await stopCompetition(h.deps, alice, PLACE)).ok).toBe(true);
  });

  it('reports the round, its phase and the standings so far', async () => {
    const h = competitionHarness();
    await started(h, [choiceItem(1), choiceItem(2)]);
    const waiting = await competitionStatus(h.deps, PLACE);
    expect(
      waiting.ok && waiting.value.code === 'compete-status' && waiting.value.competition,
    ).toMatchObject({
      competitionId: 'cmp-1',
      startedByName: 'alice',
      round: { number: 1, of: 2 },
      phase: 'waiting',
      standings: [],
    });
    await h.advance(LEAD_IN_MS);
    await press(h, bob, (await optionsOf(h, 'cmp-1', 0)).right);
    const open = await competitionStatus(h.deps, PLACE);
    expect(open.ok && open.value.code === 'compete-status' && open.value.competition).toMatchObject(
      {
        phase: 'open',
        standings: [],
      },
    );
    await h.advance(30_000);
    const next = await competitionStatus(h.deps, PLACE);
    expect(next.ok && next.value.code === 'compete-status' && next.value.competition).toMatchObject(
      {
        round: { number: 2, of: 2 },
        phase: 'waiting',
        standings: [{ rank: 1, name: 'bob', points: 1000 }],
      },
    );
  });
});
