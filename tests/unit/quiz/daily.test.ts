import { describe, expect, it } from 'vitest';
import { rateDaily } from '../../../src/core/quiz/answer.js';
import { closePeriod, leaderboard, playerStats } from '../../../src/core/quiz/boards.js';
import {
  dailyNow,
  dailyOff,
  dailyStatus,
  fireDaily,
  setDaily,
} from '../../../src/core/quiz/daily.js';
import { PublishRefusedError } from '../../../src/core/quiz/ports.js';
import { revealDaily } from '../../../src/core/quiz/reveal.js';
import type { Actor, Place } from '../../../src/core/quiz/types.js';
import { createHarness, defaultCatalog } from '../../support/quiz-harness.js';

const catalog = await defaultCatalog();
const place: Place = { workspace: 'console:ws:w1', channel: 'console:ch:general' };
const admin: Actor = { player: 'console:user:admin', name: 'Admin', isAdmin: true };
const user = (n: number): Actor => ({
  player: `console:user:u${n}`,
  name: `用户${n}`,
  isAdmin: false,
});
const daily = { time: '09:30', timezone: 'Asia/Shanghai' };

describe('daily set / off / status', () => {
  it('stores and schedules a subscription, and says when the next question comes', async () => {
    const h = createHarness(new Date('2026-11-26T00:00:00Z'));
    const r = await setDaily(h.deps, catalog, admin, place, {
      ...daily,
      tags: ['dl'],
      revealAfterMinutes: 120,
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        code: 'daily-set',
        next: '2026-11-26T01:30:00.000Z',
        sub: { tags: ['DL'], time: '09:30' },
      },
    });
    expect(h.sched.dailies.get(place.channel)).toMatchObject({
      timezone: 'Asia/Shanghai',
      revealAfterMinutes: 120,
    });
    expect(h.sched.periodCloses.get(place.workspace)).toBe('Asia/Shanghai');
    expect(await dailyStatus(h.deps, place)).toMatchObject({
      ok: true,
      value: { code: 'daily-status', next: '2026-11-26T01:30:00.000Z' },
    });
    expect(await dailyOff(h.deps, admin, place)).toMatchObject({
      ok: true,
      value: { existed: true },
    });
    expect(h.sched.dailies.has(place.channel)).toBe(false);
  });

  it('rejects bad input clearly and refuses non-admins', async () => {
    const h = createHarness();
    expect(await setDaily(h.deps, catalog, user(1), place, daily)).toEqual({
      ok: false,
      failure: { code: 'not-admin' },
    });
    expect(
      await setDaily(h.deps, catalog, admin, place, { ...daily, time: '25:00' }),
    ).toMatchObject({ failure: { code: 'bad-time', value: '25:00' } });
    expect(
      await setDaily(h.deps, catalog, admin, place, { ...daily, timezone: 'Mars/Base' }),
    ).toMatchObject({ failure: { code: 'bad-timezone' } });
    expect(
      await setDaily(h.deps, catalog, admin, place, { ...daily, tags: ['DL', 'nope'] }),
    ).toMatchObject({
      failure: { code: 'unknown-tags', tags: ['nope'], known: ['CI', 'DL', 'ML'] },
    });
    expect(
      await setDaily(h.deps, catalog, admin, place, { ...daily, revealAfterMinutes: 0 }),
    ).toMatchObject({ failure: { code: 'bad-reveal-after' } });
    h.pub.setCheck({ ok: false, missing: ['Send Messages', 'Create Public Threads'] });
    expect(await setDaily(h.deps, catalog, admin, place, daily)).toMatchObject({
      failure: { code: 'missing-permissions', missing: ['Send Messages', 'Create Public Threads'] },
    });
    expect(h.sched.dailies.size).toBe(0);
  });
});

describe('daily firing, ratings and reveal', () => {
  it('posts once per day, never repeats until the complete questions are used up, skips incomplete ones', async () => {
    const h = createHarness(new Date('2026-11-26T01:30:00Z'));
    await setDaily(h.deps, catalog, admin, place, daily);
    const complete = catalog.bank.questions.filter((q) => q.complete).map((q) => q.id);
    const seen: string[] = [];
    for (let day = 0; day < complete.length; day++) {
      const at = new Date(h.clock.now());
      const first = await fireDaily(h.deps, catalog, { channel: place.channel, scheduledAt: at });
      const again = await fireDaily(h.deps, catalog, { channel: place.channel, scheduledAt: at });
      expect(first.status).toBe('posted');
      expect(again).toEqual({ status: 'skipped', reason: 'already-posted' });
      if (first.status === 'posted') seen.push(first.post.questionId);
      h.clock.advance(86_400_000);
    }
    expect(new Set(seen).size).toBe(complete.length);
    expect([...seen].sort()).toEqual([...complete].sort());
    const next = await fireDaily(h.deps, catalog, {
      channel: place.channel,
      scheduledAt: h.clock.now(),
    });
    expect(next.status).toBe('posted');
    expect(h.pub.posts).toHaveLength(complete.length + 1);
  });

  it('counts each rating once, lets people change their mind until the reveal, and recaps', async () => {
    const h = createHarness(new Date('2026-11-26T01:30:00Z'));
    await setDaily(h.deps, catalog, admin, place, daily);
    const fired = await fireDaily(h.deps, catalog, { channel: place.channel });
    if (fired.status !== 'posted') throw new Error('not posted');
    expect(h.sched.reveals.get(fired.post.key)?.toISOString()).toBe('2026-11-26T09:30:00.000Z');
    expect(h.pub.posts[0]!.view).toMatchObject({
      kind: 'daily-question',
      buttons: expect.arrayContaining([
        { action: 'rate', postKey: fired.post.key, rating: 'knew' },
      ]),
    });

    await rateDaily(h.deps, user(1), place, { rating: 'knew' });
    await rateDaily(h.deps, user(1), place, { rating: 'knew' }); // double click
    await rateDaily(h.deps, user(2), place, { rating: 'missed' });
    const changed = await rateDaily(h.deps, user(2), place, {
      rating: 'partly',
      postKey: fired.post.key,
    });
    expect(changed).toMatchObject({
      ok: true,
      value: { code: 'rated', previous: 'missed', delta: 1 },
    });
    const board = await leaderboard(h.deps, { workspace: place.workspace, period: 'week' });
    expect(board.entries.map((e) => [e.name, e.points])).toEqual([
      ['用户1', 3],
      ['用户2', 2],
    ]);

    const reveal = await revealDaily(h.deps, catalog, fired.post.key);
    expect(reveal).toEqual({
      status: 'revealed',
      recap: { tried: 2, byRating: { knew: 1, partly: 1, missed: 0 } },
    });
    expect(h.pub.posts[1]).toMatchObject({
      thread: fired.post.message,
      view: { kind: 'daily-reveal' },
    });
    expect(await revealDaily(h.deps, catalog, fired.post.key)).toEqual({
      status: 'skipped',
      reason: 'already-revealed',
    });
    expect(await rateDaily(h.deps, user(3), place, { rating: 'knew' })).toEqual({
      ok: false,
      failure: { code: 'already-revealed' },
    });
    expect(h.pub.posts).toHaveLength(2);
  });

  it('keeps streaks per person and shows a broken one as 0', async () => {
    const h = createHarness(new Date('2026-11-26T01:30:00Z'));
    await setDaily(h.deps, catalog, admin, place, daily);
    for (let d = 0; d < 3; d++) {
      await fireDaily(h.deps, catalog, { channel: place.channel });
      await rateDaily(h.deps, user(1), place, { rating: 'partly' });
      h.clock.advance(86_400_000);
    }
    let stats = await playerStats(h.deps, {
      workspace: place.workspace,
      player: user(1).player,
      name: '用户1',
    });
    expect(stats).toMatchObject({
      streak: { current: 3, best: 3 },
      ratings: { partly: 3 },
      points: { all: 6 },
      ranks: { all: 1 },
    });
    h.clock.advance(3 * 86_400_000);
    stats = await playerStats(h.deps, {
      workspace: place.workspace,
      player: user(1).player,
      name: '用户1',
    });
    expect(stats).toMatchObject({ streak: { current: 0, best: 3 } });
  });

  it('pauses a channel the platform refuses and releases the claim on other errors', async () => {
    const h = createHarness(new Date('2026-11-26T01:30:00Z'));
    await setDaily(h.deps, catalog, admin, place, daily);
    h.pub.failNext(new Error('network down'));
    await expect(fireDaily(h.deps, catalog, { channel: place.channel })).rejects.toThrow(
      'network down',
    );
    h.pub.failNext(null);
    expect((await fireDaily(h.deps, catalog, { channel: place.channel })).status).toBe('posted');

    h.clock.advance(86_400_000);
    h.pub.failNext(new PublishRefusedError('Missing Access', 'missing-permissions'));
    expect(await fireDaily(h.deps, catalog, { channel: place.channel })).toEqual({
      status: 'refused',
      reason: 'Missing Access',
    });
    expect((await h.stores.subscriptions.get(place.channel))?.paused?.reason).toBe(
      'Missing Access',
    );
    h.pub.failNext(null);
    h.clock.advance(86_400_000);
    expect(await fireDaily(h.deps, catalog, { channel: place.channel })).toEqual({
      status: 'skipped',
      reason: 'paused',
    });
  });

  it('daily now posts an extra question for admins only', async () => {
    const h = createHarness(new Date('2026-11-26T01:30:00Z'));
    expect(await dailyNow(h.deps, catalog, admin, place)).toEqual({
      ok: false,
      failure: { code: 'no-daily' },
    });
    await setDaily(h.deps, catalog, admin, place, daily);
    await fireDaily(h.deps, catalog, { channel: place.channel });
    expect(await dailyNow(h.deps, catalog, user(1), place)).toEqual({
      ok: false,
      failure: { code: 'not-admin' },
    });
    expect(await dailyNow(h.deps, catalog, admin, place)).toMatchObject({
      ok: true,
      value: { code: 'daily-posted' },
    });
    expect(h.pub.posts).toHaveLength(2);
  });
});

describe('boards', () => {
  it('closes a week once, archives it and posts the final board to daily channels', async () => {
    const h = createHarness(new Date('2026-11-26T01:30:00Z'));
    await setDaily(h.deps, catalog, admin, place, daily);
    await fireDaily(h.deps, catalog, { channel: place.channel });
    await rateDaily(h.deps, user(1), place, { rating: 'knew' });
    const firedAt = new Date('2026-11-29T16:00:00Z'); // Monday 00:00 in Shanghai
    const closed = await closePeriod(h.deps, {
      workspace: place.workspace,
      period: 'week',
      firedAt,
    });
    expect(closed).toEqual({ closed: true, periodKey: '2026-W48', posted: 1 });
    expect(
      await closePeriod(h.deps, { workspace: place.workspace, period: 'week', firedAt }),
    ).toMatchObject({ closed: false, posted: 0 });
    expect(h.pub.posts.at(-1)!.view).toMatchObject({
      kind: 'leaderboard',
      final: true,
      periodKey: '2026-W48',
      entries: [{ name: '用户1', points: 3 }],
    });
  });

  it('keeps workspaces apart', async () => {
    const h = createHarness(new Date('2026-11-26T01:30:00Z'));
    const other: Place = { workspace: 'console:ws:w2', channel: 'console:ch:other' };
    await setDaily(h.deps, catalog, admin, place, daily);
    await setDaily(h.deps, catalog, admin, other, daily);
    await fireDaily(h.deps, catalog, { channel: place.channel });
    await fireDaily(h.deps, catalog, { channel: other.channel });
    await rateDaily(h.deps, user(1), place, { rating: 'knew' });
    expect(
      (await leaderboard(h.deps, { workspace: other.workspace, period: 'all' })).entries,
    ).toEqual([]);
    const latest = await h.stores.daily.latestPost(place.channel);
    expect(
      await rateDaily(h.deps, user(1), other, { rating: 'knew', postKey: latest!.key }),
    ).toEqual({ ok: false, failure: { code: 'unknown-post' } });
  });
});
