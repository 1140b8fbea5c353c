/**
 * `/quiz drill …` and the drill card buttons through the shared command layer, on fakes: options
 * coerced and checked against the spec, core's outcomes as drill reply models, refusals counted
 * as refused, and a process without drill deps saying so instead of crashing.
 */
import { describe, expect, it } from 'vitest';
import { dispatchButton } from '../../../src/commands/buttons/dispatch.js';
import { drillWarning } from '../../../src/commands/drill.js';
import { dispatchCommand } from '../../../src/commands/handlers/dispatch.js';
import type { CommandOptions, CommandServices } from '../../../src/commands/handlers/types.js';
import { type CommandReply, outcomeOf } from '../../../src/commands/reply.js';
import { deliverDue } from '../../../src/core/drills/deliver.js';
import type { DrillButton } from '../../../src/core/drills/views.js';
import type { Actor } from '../../../src/core/quiz/types.js';
import {
  PLACE,
  WS,
  at,
  createDrillHarness,
  dmChannel,
  person,
} from '../../support/drill-harness.js';
import { createHarness } from '../../support/quiz-harness.js';

const ZONE = 'Asia/Shanghai';
const ANN = person('ann');
const START = { time: '21:00', timezone: ZONE, 'per-day': 3 };

function setup(options: { drills?: boolean } = {}) {
  const h = createDrillHarness({ start: at('2026-03-02', '20:00', ZONE) });
  const quiz = createHarness(h.clock.now());
  const services: CommandServices = {
    deps: quiz.deps,
    catalog: h.catalog,
    ...(options.drills === false ? {} : { drills: h.deps }),
  };
  const run = (path: string, options: CommandOptions = {}, who: Actor = ANN) =>
    dispatchCommand(services, {
      actor: who,
      place: PLACE,
      path: path.split(' '),
      options,
      locale: 'en',
    });
  const press = (action: DrillButton, who: Actor = ANN) =>
    dispatchButton(services, { actor: who, place: PLACE, action });
  return { h, services, run, press };
}

/** The failure code, notice code or kind of a reply. */
const codeOf = (reply: CommandReply) =>
  reply.kind === 'drill-failure' || reply.kind === 'failure'
    ? reply.failure.code
    : reply.kind === 'drill-notice'
      ? reply.notice.code
      : reply.kind;

describe('/quiz drill start', () => {
  it('stores and schedules the asker’s drill; anyone may run it', async () => {
    const { h, run } = setup();
    const reply = await run('drill start', { ...START, tags: 'dl' });
    expect(reply).toMatchObject({
      kind: 'drill-notice',
      notice: {
        code: 'drill-started',
        sub: { player: ANN.player, time: '21:00', timezone: ZONE, perDay: 3, tags: ['DL'] },
        next: at('2026-03-02', '21:00', ZONE).toISOString(),
      },
    });
    expect(outcomeOf(reply)).toBe('ok');
    expect([...h.scheduled.keys()]).toEqual([`${WS}|${ANN.player}`]);
  });

  it('refuses bad options: the spec’s limits first, then core’s checks', async () => {
    const { h, run } = setup();
    expect(codeOf(await run('drill start', { ...START, 'per-day': 0 }))).toBe('bad-option');
    expect(codeOf(await run('drill start', { timezone: ZONE }))).toBe('missing-option');
    const badTime = await run('drill start', { ...START, time: '25:00' });
    expect(badTime).toEqual({
      kind: 'drill-failure',
      failure: { code: 'bad-time', value: '25:00' },
    });
    expect(outcomeOf(badTime)).toBe('refused');
    expect(codeOf(await run('drill start', { ...START, timezone: 'Mars/Base' }))).toBe(
      'bad-timezone',
    );
    expect(codeOf(await run('drill start', { ...START, tags: 'NOPE' }))).toBe('unknown-tags');
    expect(h.scheduled.size).toBe(0);
  });
});

describe('/quiz drill stop', () => {
  it('unschedules the drill and says whether there was one', async () => {
    const { h, run } = setup();
    await run('drill start', START);
    expect(await run('drill stop')).toEqual({
      kind: 'drill-notice',
      notice: { code: 'drill-stopped', existed: true },
    });
    expect(h.scheduled.size).toBe(0);
    expect(await run('drill stop')).toMatchObject({ notice: { existed: false } });
  });
});

describe('/quiz drill now', () => {
  it('needs a drill, then sends the due cards by DM', async () => {
    const { h, run } = setup();
    expect(await run('drill now')).toEqual({
      kind: 'drill-failure',
      failure: { code: 'no-drill' },
    });
    await run('drill start', START);
    expect(await run('drill now')).toEqual({
      kind: 'drill-notice',
      notice: { code: 'drill-delivered', cards: 3 },
    });
    expect(h.dms.sent).toHaveLength(1);
    expect(h.dms.sent[0]).toMatchObject({
      channel: dmChannel(ANN.player),
      view: { kind: 'drill-session', fresh: 3, card: { side: 'front' } },
    });
  });

  it('words closed DMs as a refusal', async () => {
    const { h, run } = setup();
    await run('drill start', START);
    h.dms.close(ANN.player);
    const reply = await run('drill now');
    expect(codeOf(reply)).toBe('dm-closed');
    expect(outcomeOf(reply)).toBe('refused');
  });
});

describe('/quiz drill stats', () => {
  it('gives the asker’s streak, reviews, recall and cards due', async () => {
    const { run, press, h } = setup();
    expect(await run('drill stats')).toMatchObject({
      kind: 'drill-notice',
      notice: { code: 'drill-stats', streak: { current: 0 }, recallRate: null, learned: 0 },
    });
    await run('drill start', START);
    await run('drill now');
    const session = (await h.drills.session(ANN.player))!;
    const [first, second] = session.cards as [string, string];
    await press({ action: 'drill-rate', questionId: first, rating: 'good' });
    await press({ action: 'drill-rate', questionId: second, rating: 'again' });
    expect(await run('drill stats')).toMatchObject({
      kind: 'drill-notice',
      notice: {
        code: 'drill-stats',
        name: 'ann',
        timezone: ZONE,
        streak: { current: 1, best: 1 },
        reviews: { total: 2, last30Days: 2, recalledLast30Days: 1 },
        recallRate: 0.5,
        learned: 2,
      },
    });
  });
});

describe('drill card buttons through dispatchButton', () => {
  it('reveal shows the answer side; a rating gives the due day and the next card', async () => {
    const { run, press, h } = setup();
    await run('drill start', START);
    await run('drill now');
    const [first, second] = (await h.drills.session(ANN.player))!.cards as [string, string];
    const back = await press({ action: 'drill-reveal', questionId: first });
    expect(back).toMatchObject({
      kind: 'drill-view',
      rated: null,
      view: { kind: 'drill-card', side: 'back', question: { id: first } },
    });
    if (back.kind !== 'drill-view' || back.view.kind !== 'drill-card') throw new Error('no back');
    expect(back.view.buttons.map((b) => (b.action === 'drill-rate' ? b.rating : b.action))).toEqual(
      ['again', 'hard', 'good', 'easy'],
    );
    const rated = await press({ action: 'drill-rate', questionId: first, rating: 'good' });
    expect(rated).toMatchObject({
      kind: 'drill-view',
      rated: { questionId: first, rating: 'good', intervalDays: 3, dueDay: '2026-03-05' },
      view: { kind: 'drill-card', side: 'front', question: { id: second } },
    });
    // A second click on the same rating counts once.
    expect(codeOf(await press({ action: 'drill-rate', questionId: first, rating: 'good' }))).toBe(
      'not-in-session',
    );
  });

  it('the last rating ends the session with the summary; with no session the press is refused', async () => {
    const { run, press, h } = setup();
    expect(codeOf(await press({ action: 'drill-reveal', questionId: 'Q1' }))).toBe('no-session');
    await run('drill start', START);
    await run('drill now');
    const cards = (await h.drills.session(ANN.player))!.cards;
    let last: CommandReply | undefined;
    for (const questionId of cards) {
      last = await press({ action: 'drill-rate', questionId, rating: 'easy' });
    }
    expect(last).toMatchObject({
      kind: 'drill-view',
      rated: { rating: 'easy' },
      view: { kind: 'drill-summary', rated: 3, again: 0, streak: { current: 1 } },
    });
  });
});

describe('a process without drill deps', () => {
  it('answers every drill command and button with drills-unavailable', async () => {
    const { run, press } = setup({ drills: false });
    for (const path of ['drill start', 'drill stop', 'drill now', 'drill stats']) {
      const reply = await run(path, path === 'drill start' ? START : {});
      expect(reply).toEqual({ kind: 'drill-failure', failure: { code: 'drills-unavailable' } });
      expect(outcomeOf(reply)).toBe('refused');
    }
    expect(codeOf(await press({ action: 'drill-reveal', questionId: 'Q1' }))).toBe(
      'drills-unavailable',
    );
  });
});

describe('drillWarning', () => {
  it('tells a refused scheduled DM once, as a drill notice', async () => {
    const { h, run, services } = setup();
    await run('drill start', START);
    h.dms.close(ANN.player);
    h.clock.set(at('2026-03-02', '21:00', ZONE));
    expect(
      await deliverDue(h.deps, h.catalog, { player: ANN.player, workspace: WS }),
    ).toMatchObject({ status: 'refused' });
    expect(await drillWarning(services, ANN, PLACE)).toMatchObject({
      kind: 'drill-notice',
      notice: { code: 'drill-dm-refused', reason: 'Cannot send messages to this user' },
    });
    expect(await drillWarning(services, ANN, PLACE)).toBeNull();
    expect(await drillWarning({ ...services, drills: undefined }, ANN, PLACE)).toBeNull();
  });
});
