/**
 * `/quiz compete …` and the round buttons through the shared command layer, on fakes: options
 * coerced, core's outcomes as compete reply models, refusals counted as refused.
 */
import { describe, expect, it } from 'vitest';
import { dispatchCompeteButton } from '../../../src/commands/buttons/compete.js';
import { dispatchCommand } from '../../../src/commands/handlers/dispatch.js';
import type { CommandOptions, CommandServices } from '../../../src/commands/handlers/types.js';
import { type CommandReply, outcomeOf } from '../../../src/commands/reply.js';
import { LEAD_IN_MS } from '../../../src/core/competitions/model.js';
import type { Actor } from '../../../src/core/quiz/types.js';
import {
  PLACE,
  actor,
  choiceItem,
  competitionHarness,
  handPool,
  numericItem,
} from '../../support/competition-harness.js';
import { createHarness, defaultCatalog } from '../../support/quiz-harness.js';

const catalog = await defaultCatalog();
const alice = actor('alice');

function setup() {
  const h = competitionHarness();
  const quiz = createHarness();
  const services: CommandServices = {
    deps: quiz.deps,
    catalog,
    competitions: { deps: h.deps, pool: handPool([choiceItem(1), numericItem(2)]) },
  };
  const run = (path: string, options: CommandOptions = {}, who: Actor = alice) =>
    dispatchCommand(services, {
      actor: who,
      place: PLACE,
      path: path.split(' '),
      options,
      locale: 'en',
    });
  return { h, services, run };
}

const codeOf = (reply: CommandReply) =>
  reply.kind === 'compete-failure' || reply.kind === 'failure'
    ? reply.failure.code
    : reply.kind === 'compete-notice'
      ? reply.notice.code
      : reply.kind;

describe('compete commands', () => {
  it('start takes rounds, tags and seconds; bad ones are refused before core runs', async () => {
    const { run } = setup();
    expect(codeOf(await run('compete start', { rounds: 30 }))).toBe('bad-option');
    expect(codeOf(await run('compete start', { seconds: 5 }))).toBe('bad-option');
    expect(await run('compete start', { rounds: 2, tags: 'dl', seconds: 20 })).toMatchObject({
      kind: 'compete-notice',
      notice: { code: 'compete-started', rounds: 2, secondsPerRound: 20, tags: ['DL'] },
    });
    const again = await run('compete start', { rounds: 1 });
    expect(again).toMatchObject({
      kind: 'compete-failure',
      failure: { code: 'competition-running' },
    });
    expect(outcomeOf(again)).toBe('refused');
  });

  it('status, a typed answer and stop', async () => {
    const { h, run } = setup();
    await run('compete start', { rounds: 2 });
    expect(await run('compete status')).toMatchObject({
      notice: { code: 'compete-status', competition: { phase: 'waiting' } },
    });
    await h.advance(LEAD_IN_MS);
    const item = (await h.competitions.get('cmp-1'))!.items[0]!;
    const text = item.kind === 'numeric' ? '32' : item.kind === 'choice' ? item.answer[0]! : '';
    h.clock.advance(1_500);
    expect(await run('compete answer', { value: text })).toMatchObject({
      kind: 'compete-notice',
      notice: { code: 'compete-answered', elapsedMs: 1_500 },
    });
    expect(codeOf(await run('compete answer', { value: text }))).toBe('already-answered');
    expect(codeOf(await run('compete stop', {}, actor('bob')))).toBe('not-starter');
    expect(codeOf(await run('compete stop'))).toBe('compete-stopped');
    expect(codeOf(await run('compete status'))).toBe('compete-status');
  });
});

describe('compete buttons', () => {
  it('an option button answers; the entry button asks for the value, then answers with it', async () => {
    const { h, services, run } = setup();
    await run('compete start', { rounds: 2 });
    await h.advance(LEAD_IN_MS);
    const c = (await h.competitions.get('cmp-1'))!;
    const click = (action: Parameters<typeof dispatchCompeteButton>[1]['action'], who = alice) =>
      dispatchCompeteButton(services, { actor: who, place: PLACE, action });
    const round = c.items[0]!;
    if (round.kind === 'numeric') {
      const entry = { action: 'compete-entry', competitionId: 'cmp-1', round: 0 } as const;
      expect(await click(entry)).toEqual({
        kind: 'compete-entry',
        competitionId: 'cmp-1',
        round: 0,
      });
      expect(codeOf(await click({ ...entry, value: '32 px' }))).toBe('compete-answered');
    } else if (round.kind === 'choice') {
      const pick = {
        action: 'compete-answer',
        competitionId: 'cmp-1',
        round: 0,
        optionId: round.answer[0]!,
      } as const;
      expect(codeOf(await click(pick))).toBe('compete-answered');
      expect(codeOf(await click(pick))).toBe('already-answered');
    }
    expect((await h.competitions.answers('cmp-1', 0)).map((a) => [a.name, a.correct])).toEqual([
      ['alice', true],
    ]);
    // A button of another round that has not opened.
    expect(
      codeOf(
        await click({ action: 'compete-entry', competitionId: 'cmp-1', round: 1, value: '1' }),
      ),
    ).toBe('round-not-open');
  });
});
