/**
 * A whole competition through the console adapter: real Redis, real BullMQ, the shared command
 * layer, bot time on a manual clock moved with `/clock +Ns`. Two simulated people (`/as alice`,
 * `/as bob`) answer five rounds at different times; a duplicate and a late answer are refused;
 * the round results, the final standings and the boards show the right points in the right order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Competition } from '../../../src/core/competitions/model.js';
import { boardPoints, roundPoints } from '../../../src/core/competitions/scoring.js';
import type { Item } from '../../../src/core/items/model.js';
import { formatNumber } from '../../../src/core/items/numbers.js';
import { ManualClock } from '../../../src/core/time/clock.js';
import { RedisCompetitionStore } from '../../../src/store/redis/competition-store.js';
import { type ConsoleBot, startConsoleBot } from '../../support/console-bot.js';

const START = new Date('2025-03-06T01:00:00.000Z');
const GENERAL = 'console:ch:general';

let c: ConsoleBot;
let store: RedisCompetitionStore;
beforeAll(async () => {
  c = await startConsoleBot({ clockBase: new ManualClock(START) });
  store = new RedisCompetitionStore({ redis: c.redis.client, prefix: c.prefix });
});
afterAll(() => c?.cleanup());

async function running(): Promise<Competition> {
  const id = await store.runningIn(GENERAL);
  const competition = id && (await store.get(id));
  if (!competition) throw new Error('no competition running in #general');
  return competition;
}

/** What a person types to answer an item right, or wrong. */
function press(item: Item, right: boolean): string {
  if (item.kind === 'numeric')
    return `/press answer ${formatNumber(right ? item.answer : item.answer + 1000)}`;
  const rightIds = item.kind === 'choice' ? item.answer : [item.answerOption];
  const wrong = item.options.find((o) => !rightIds.includes(o.id))!.id;
  if (item.kind === 'choice' && item.answer.length > 1)
    return `/press answer ${right ? rightIds.join(' ') : wrong}`;
  return `/press ${right ? rightIds[0] : wrong}`;
}

// alice answers the moment a round opens, bob 3 s later; alice misses round 4, bob round 2.
const PLAN = [
  { alice: true, bob: true },
  { alice: true, bob: false },
  { alice: true, bob: true },
  { alice: false, bob: true },
  { alice: true, bob: true },
];
const ALICE = 4 * roundPoints(true, 0, 30_000);
const BOB = 4 * roundPoints(true, 3_000, 30_000);

describe('a five-round competition at the console', () => {
  it('refuses bad settings in words, and starts with the defaults', async () => {
    expect(await c.send('/quiz compete start 25')).toContain('rounds: expected 1 to 20, got "25"');
    expect(await c.send('/quiz compete start seconds:5')).toContain('expected 10 to 300');
    expect(await c.send('/quiz compete start tags:NLP')).toContain(
      'No competition items are tagged NLP. Tags with items:',
    );
    expect(await c.send('/quiz compete status')).toContain('No competition in this channel.');
    expect(await c.send('/quiz compete start')).toContain(
      'Competition on: 5 rounds of 30 s. Round 1 opens at 01:00:05.',
    );
    expect(await c.send('/quiz compete start 3')).toContain(
      'A competition is already running in this channel',
    );
    expect(await c.send('/quiz compete answer 42')).toContain('The next round has not opened yet.');
  });

  it('plays five rounds: answers timed on the server, duplicates and late answers refused', async () => {
    for (let round = 0; round < 5; round++) {
      const opened = await c.send('/clock +5s');
      // `busy` only if the real BullMQ job, woken at that very moment, took the step first.
      expect(opened).toMatch(new RegExp(`compete-open round ${round + 1}: (opened|busy)`));
      expect(opened).toContain(`│ Round ${round + 1} of 5`);
      expect(opened).toMatch(/│ \[ .+ \]/);
      const item = (await running()).items[round]!;

      await c.send('/as alice');
      expect(await c.send(press(item, PLAN[round]!.alice))).toContain(
        `Answer locked in for round ${round + 1}, 0.0 s after it opened.`,
      );
      expect(await c.send('/clock +3s')).toContain('0 scheduled things ran');
      await c.send('/as bob');
      expect(await c.send(press(item, PLAN[round]!.bob))).toContain('3.0 s after it opened');
      // A second answer (even the right one) does not replace the first.
      expect(await c.send(press(item, true))).toContain(
        'You already answered this round; only your first answer counts.',
      );

      const closed = await c.send('/clock +27s');
      expect(closed).toMatch(
        new RegExp(
          `compete-close round ${round + 1}: (${round === 4 ? 'finished' : 'closed'}|busy)`,
        ),
      );
      expect(closed).toContain(`│ Round ${round + 1} of 5 · result`);
      const right = [PLAN[round]!.alice && 'alice', PLAN[round]!.bob && 'bob'].filter(Boolean);
      expect(closed).toContain(`│ 2 answers, ${right.length} right.`);
      if (right[0] === 'alice') expect(closed).toMatch(/│ {3}1\. alice · 0\.0 s · \+1000/);
      if (PLAN[round]!.bob) expect(closed).toMatch(/│ {3}\d\. bob · 3\.0 s · \+950/);

      // Too late: the round is closed, whatever the button.
      await c.send('/as carol');
      expect(await c.send(press(item, true))).toContain('Too late: this round is closed.');
      await c.send('/as you');
    }
    expect(await store.runningIn(GENERAL)).toBeNull(); // over: the channel is free again
  });

  it('posts the final standings and adds the points to the boards once', async () => {
    const out = c.transcript();
    expect(out).toContain('│ Final standings · 5 rounds');
    expect(out).toContain(`│   1. alice · ${ALICE} pts · 4/5 right`);
    expect(out).toContain(`│   2. bob · ${BOB} pts · 4/5 right`);
    expect(out).not.toContain('carol ·');
    expect(out).toContain(
      `│ Added to the boards: alice +${boardPoints(ALICE)}, bob +${boardPoints(BOB)}.`,
    );
    expect(out.split('Final standings')).toHaveLength(2);
    const board = await c.send('/quiz leaderboard all');
    expect(board).toMatch(new RegExp(`1\\. alice +${boardPoints(ALICE)} pts`));
    expect(board).toMatch(new RegExp(`2\\. bob +${boardPoints(BOB)} pts`));
    // Time moves on: the real round jobs left in BullMQ change nothing.
    expect(await c.send('/clock +10m')).toContain('0 scheduled things ran');
    expect(c.transcript().split('Final standings')).toHaveLength(2);
    expect(await c.send('/quiz compete status')).toContain('No competition in this channel.');
  });

  it('lets only an admin or the starter stop a competition', async () => {
    await c.send('/as bob');
    expect(await c.send('/quiz compete start 2 seconds:10')).toContain('Competition on: 2 rounds');
    await c.send('/as alice');
    expect(await c.send('/quiz compete stop')).toContain(
      'Only an admin or whoever started the competition can stop it.',
    );
    expect(await c.send('/clock +5s')).toContain('Round 1 of 2');
    expect(await c.send('/quiz compete status')).toMatch(
      /Competition by bob: round 1 of 2 open until/,
    );
    await c.send('/as bob');
    const stopped = await c.send('/quiz compete stop');
    expect(stopped).toContain('Competition stopped · standings after 0 rounds of 2');
    expect(stopped).toContain('Competition stopped after 0 rounds; no points go to the boards.');
    expect(await c.send('/clock +1m')).not.toContain('compete-close');
  });

  it('speaks Chinese after /lang zh', async () => {
    await c.send('/lang zh');
    expect(await c.send('/quiz compete status')).toContain('本频道没有进行中的竞赛。');
    await c.send('/lang en');
  });
});
