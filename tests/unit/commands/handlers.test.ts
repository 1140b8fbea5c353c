/**
 * Every `/quiz` subcommand through the shared dispatcher on in-memory fakes: option coercion and
 * its refusals, the admin gate, and the reply model each one returns.
 */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../commands/quiz.js';
import { dispatchCommand } from '../../../src/commands/handlers/dispatch.js';
import { commandHandlers } from '../../../src/commands/handlers/registry.js';
import type { CommandOptions, CommandServices } from '../../../src/commands/handlers/types.js';
import { type CommandReply, outcomeOf, visibilityOf } from '../../../src/commands/reply.js';
import type { Actor, Place } from '../../../src/core/quiz/types.js';
import { createHarness, defaultCatalog } from '../../support/quiz-harness.js';

const catalog = await defaultCatalog();
const place: Place = { workspace: 'test:ws:1', channel: 'test:ch:general' };
const admin: Actor = { player: 'test:user:admin', name: 'Admin', isAdmin: true };
const bob: Actor = { player: 'test:user:bob', name: 'Bob', isAdmin: false };
const daily = { time: '09:30', timezone: 'Asia/Shanghai' };

function setup() {
  const h = createHarness(new Date('2026-11-26T00:00:00Z'));
  const services = { deps: h.deps, catalog } satisfies CommandServices;
  const run = (
    path: string,
    options: CommandOptions = {},
    as: { actor?: Actor; locale?: Locale } = {},
  ): Promise<CommandReply> =>
    dispatchCommand(services, {
      actor: as.actor ?? admin,
      place,
      path: path.split(' '),
      options,
      locale: as.locale ?? 'en',
    });
  return { h, run };
}

/** The failure code of a reply, or its kind when it did not fail. */
const codeOf = (reply: CommandReply) =>
  reply.kind === 'failure' ? reply.failure.code : `(${reply.kind})`;

/** Groups whose subcommands are tested in their own file (`drill-commands.test.ts`). */
const TESTED_IN_OWN_FILE = ['drill', 'compete'];

/** One test per registry entry; the last test checks none is missing. */
const perCommand: Record<string, () => Promise<void>> = {
  async show() {
    const { run } = setup();
    expect(await run('show', { id: 'Q3' })).toMatchObject({
      kind: 'question',
      question: { id: 'Q3' },
      withAnswer: true,
      visibility: 'ephemeral',
    });
    const shared = await run('show', { id: '3', public: true });
    expect(shared).toMatchObject({ question: { id: 'Q3' }, visibility: 'public' });
    expect(visibilityOf(shared)).toBe('public');
    const miss = await run('show', { id: 'whitening' });
    expect(miss).toMatchObject({
      kind: 'failure',
      failure: {
        code: 'unknown-question',
        input: 'whitening',
        suggestions: [{ id: 'Q4', label: 'Q4 · 为什么需要白化' }],
      },
    });
    expect(outcomeOf(miss)).toBe('refused');
    expect(codeOf(await run('show', { id: 'Q3', public: 'yes' }))).toBe('bad-option');
  },

  async search() {
    const { run } = setup();
    const found = await run('search', { query: '白化', limit: 2 });
    expect(found).toMatchObject({ kind: 'search', query: '白化' });
    if (found.kind !== 'search') throw new Error('not a search');
    expect(found.hits.map((h) => h.id).sort()).toEqual(['Q4', 'Q5']);
    const many = await run('search', { query: '梯度' }); // 19 questions match
    expect(many.kind === 'search' && many.hits.length).toBe(5); // the default limit
    expect(await run('search', { query: '  ' })).toEqual({
      kind: 'failure',
      failure: { code: 'empty-query' },
    });
    expect(await run('search', { query: 'zzqxv' })).toEqual({
      kind: 'failure',
      failure: { code: 'no-hits', query: 'zzqxv' },
    });
    expect(await run('search', { query: 'x', limit: 26 })).toEqual({
      kind: 'failure',
      failure: {
        code: 'bad-option',
        option: 'limit',
        value: '26',
        expected: { type: 'integer', min: 1, max: 25 },
      },
    });
    expect(codeOf(await run('search', { query: 'x', limit: 2.5 }))).toBe('bad-option');
    expect(codeOf(await run('search', {}))).toBe('missing-option');
  },

  async random() {
    const { run } = setup();
    const reply = await run('random', { tag: 'ci', public: true });
    expect(reply).toMatchObject({ kind: 'question', withAnswer: true, visibility: 'public' });
    expect(reply.kind === 'question' && reply.question.tags).toContain('CI');
    expect(await run('random', { tag: 'nope' })).toEqual({
      kind: 'failure',
      failure: { code: 'no-random', tag: 'nope', known: ['CI', 'DL', 'ML'] },
    });
  },

  async 'daily set'() {
    const { h, run } = setup();
    const reply = await run('daily set', { ...daily, tags: 'dl, ML', 'reveal-after': '1h30m' });
    expect(reply).toMatchObject({
      kind: 'notice',
      notice: { code: 'daily-set', sub: { tags: ['DL', 'ML'], revealAfterMinutes: 90 } },
    });
    expect(h.sched.dailies.get(place.channel)).toMatchObject({ time: '09:30' });
    expect(await run('daily set', { ...daily, 'reveal-after': 'soon' })).toEqual({
      kind: 'failure',
      failure: { code: 'bad-duration', option: 'reveal-after', value: 'soon' },
    });
    expect(await run('daily set', { time: '09:30' })).toEqual({
      kind: 'failure',
      failure: { code: 'missing-option', option: 'timezone' },
    });
    expect(codeOf(await run('daily set', { ...daily, time: '25:00' }))).toBe('bad-time');
    expect(codeOf(await run('daily set', { ...daily, tags: 'XYZ' }))).toBe('unknown-tags');
    expect(codeOf(await run('daily set', { ...daily, 'reveal-after': '30h' }))).toBe(
      'bad-reveal-after',
    );
    // The admin gate comes before any option is read.
    expect(await run('daily set', { 'reveal-after': 'soon' }, { actor: bob })).toEqual({
      kind: 'failure',
      failure: { code: 'not-admin' },
    });
  },

  async 'daily off'() {
    const { run } = setup();
    expect(codeOf(await run('daily off', {}, { actor: bob }))).toBe('not-admin');
    expect(await run('daily off')).toEqual({
      kind: 'notice',
      notice: { code: 'daily-off', existed: false },
    });
    await run('daily set', daily);
    expect(await run('daily off')).toMatchObject({ notice: { existed: true } });
  },

  async 'daily now'() {
    const { h, run } = setup();
    expect(codeOf(await run('daily now'))).toBe('no-daily');
    await run('daily set', daily);
    expect(codeOf(await run('daily now', {}, { actor: bob }))).toBe('not-admin');
    expect(await run('daily now')).toMatchObject({
      kind: 'notice',
      notice: { code: 'daily-posted' },
    });
    expect(h.pub.posts).toHaveLength(1);
  },

  async 'daily status'() {
    const { run } = setup();
    expect(await run('daily status', {}, { actor: bob })).toEqual({
      kind: 'notice',
      notice: { code: 'daily-status', sub: null, next: null, posted: 0 },
    });
    await run('daily set', daily);
    expect(await run('daily status', {}, { actor: bob })).toMatchObject({
      notice: { code: 'daily-status', next: '2026-11-26T01:30:00.000Z' },
    });
  },

  async answer() {
    const { run } = setup();
    expect(codeOf(await run('answer', { rating: 'knew' }, { actor: bob }))).toBe(
      'no-open-question',
    );
    await run('daily set', daily);
    await run('daily now');
    expect(await run('answer', { rating: 'partly' }, { actor: bob })).toMatchObject({
      kind: 'notice',
      notice: { code: 'rated', rating: 'partly', previous: null, delta: 2 },
    });
    expect(await run('answer', { rating: 'maybe' }, { actor: bob })).toEqual({
      kind: 'failure',
      failure: {
        code: 'bad-option',
        option: 'rating',
        value: 'maybe',
        expected: { type: 'choice', choices: ['knew', 'partly', 'missed'] },
      },
    });
    expect(codeOf(await run('answer', {}, { actor: bob }))).toBe('missing-option');
  },

  async leaderboard() {
    const { run } = setup();
    await run('daily set', daily);
    await run('daily now');
    await run('answer', { rating: 'knew' }, { actor: bob });
    const week = await run('leaderboard', {}, { actor: bob });
    expect(week).toMatchObject({
      kind: 'leaderboard',
      viewer: bob.player,
      view: { period: 'week', entries: [{ name: 'Bob', points: 3 }] },
    });
    expect(outcomeOf(week)).toBe('ok');
    expect(visibilityOf(week)).toBe('ephemeral');
    expect(await run('leaderboard', { period: 'all' })).toMatchObject({
      view: { period: 'all', periodKey: 'all' },
    });
    expect(codeOf(await run('leaderboard', { period: 'year' }))).toBe('bad-option');
  },

  async stats() {
    const { run } = setup();
    await run('daily set', daily);
    await run('daily now');
    await run('answer', { rating: 'missed' }, { actor: bob });
    expect(await run('stats', {}, { actor: bob })).toMatchObject({
      kind: 'stats',
      stats: { code: 'stats', player: bob.player, name: 'Bob', points: { all: 1 } },
    });
    expect(await run('stats', { user: { player: bob.player, name: 'Bob' } })).toMatchObject({
      stats: { name: 'Bob', ratings: { missed: 1 } },
    });
    expect(await run('stats')).toMatchObject({ stats: { name: 'Admin', points: { all: 0 } } });
    // A user option the adapter did not resolve into a player is refused, not guessed at.
    expect(await run('stats', { user: 'bob' })).toMatchObject({
      failure: { code: 'bad-option', option: 'user', expected: { type: 'user' } },
    });
  },

  async help() {
    const { run } = setup();
    expect(await run('help', {}, { actor: bob, locale: 'zh-CN' })).toEqual({
      kind: 'help',
      locale: 'zh-CN',
      isAdmin: false,
    });
    expect(await run('help')).toEqual({ kind: 'help', locale: 'en', isAdmin: true });
  },
};

describe('dispatchCommand', () => {
  for (const [key, test] of Object.entries(perCommand)) it(`/quiz ${key}`, test);

  it("covers every registry entry above, or in the group's own test file", () => {
    const ownFile = (key: string) => TESTED_IN_OWN_FILE.includes(key.split(' ')[0]!);
    expect(Object.keys(perCommand).sort()).toEqual(
      Object.keys(commandHandlers)
        .filter((key) => !ownFile(key))
        .sort(),
    );
  });

  it('refuses paths and options the spec does not have', async () => {
    const { run } = setup();
    expect(await run('daily')).toEqual({
      kind: 'failure',
      failure: { code: 'unknown-command', path: 'daily' },
    });
    expect(codeOf(await run('bogus'))).toBe('unknown-command');
    expect(await run('show', { id: 'Q3', colour: 'red' })).toEqual({
      kind: 'failure',
      failure: { code: 'unknown-option', option: 'colour', known: ['id', 'public'] },
    });
  });
});
