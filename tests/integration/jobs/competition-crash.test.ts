/**
 * A restart mid-competition resumes it where it was: the bot process running the rounds is killed
 * with SIGKILL twice (during an open round, then during the pause before the last round), and a
 * new process takes over from the jobs left in Redis; no resume step exists. Every round, result
 * and the final standings are posted exactly once, answers are timed from each round's post, and
 * the boards get the points once.
 *
 * Real time: 3 rounds of 10 s with the lead-in and pauses, about a minute.
 */
import { afterEach, expect, it } from 'vitest';
import { submitAnswer } from '../../../src/core/competitions/answer.js';
import type { Competition } from '../../../src/core/competitions/model.js';
import { boardPoints, standingsOf } from '../../../src/core/competitions/scoring.js';
import { startCompetition } from '../../../src/core/competitions/start.js';
import type { Item } from '../../../src/core/items/model.js';
import { spawnBot, type BotHandle } from '../../support/bot-spawn.js';
import {
  PLACE,
  actor,
  choiceItem,
  handPool,
  numericItem,
} from '../../support/competition-harness.js';
import { competitionDeps } from '../../support/competition-world.js';
import { eventually, jobsWorld, type JobsWorld } from '../../support/jobs-harness.js';

let world: JobsWorld;
const bots: BotHandle[] = [];
afterEach(async () => {
  await Promise.all(bots.map((b) => b.kill9()));
  await world.cleanup();
});

const rightText = (item: Item) =>
  item.kind === 'numeric'
    ? String(item.answer)
    : item.kind === 'choice'
      ? item.answer[0]!
      : item.answerOption;
const wrongText = (item: Item) =>
  item.kind === 'numeric' ? '-1' : item.options.find((o) => o.id !== rightText(item))!.id;

it(
  'kill -9 during a round and during a pause: the competition resumes and finishes, everything once',
  { timeout: 180_000 },
  async () => {
    world = await jobsWorld({ label: 'compete-crash' });
    const deps = competitionDeps(world);
    const botConfig = (instanceId: string) => ({
      stateUrl: world.redis.url,
      prefix: world.prefix,
      queueName: world.queueName,
      platformUrl: world.redis.url,
      platformPrefix: world.prefix,
      instanceId,
      lockDurationMs: 5_000,
      stalledIntervalMs: 5_000,
    });
    const started = await startCompetition(
      deps,
      handPool([choiceItem(1), numericItem(2), choiceItem(3)]),
      actor('alice'),
      PLACE,
      { rounds: 3, seconds: 10 },
    );
    if (!started.ok || started.value.code !== 'compete-started') throw new Error('no start');
    const id = started.value.competitionId;
    const get = async () => (await deps.competitions.get(id)) as Competition;
    const kinds = async () => (await world.publisher.posts(PLACE.channel)).map((p) => p.kind);
    const answer = async (name: string, round: number, right: boolean) => {
      const item = (await get()).items[round]!;
      const outcome = await submitAnswer(deps, actor(name), PLACE, {
        round,
        competitionId: id,
        response: { text: right ? rightText(item) : wrongText(item) },
      });
      expect(outcome, `${name} round ${round + 1}`).toMatchObject({ ok: true });
    };
    const roundOpen = (round: number) =>
      eventually(
        `round ${round + 1} to open`,
        async () => (await get()).rounds[round]!.openedAt !== null,
        {
          timeoutMs: 40_000,
          everyMs: 20,
        },
      );

    const a = spawnBot(botConfig('bot-a'));
    bots.push(a);
    await a.waitFor('ready');
    await roundOpen(0);
    await answer('amy', 0, true);
    // Bot A dies with round 1 open: its close job waits in Redis.
    await a.kill9();
    await answer('ben', 0, true);
    await answer('cat', 0, false);

    const b = spawnBot(botConfig('bot-b'));
    bots.push(b);
    await b.waitFor('ready');
    await roundOpen(1);
    await answer('ben', 1, true);
    await answer('amy', 1, false);
    // Bot B dies once round 2's result is out, during the pause: round 3's open job waits.
    await eventually('round 2 result', async () => (await get()).rounds[1]!.resultPosted, {
      timeoutMs: 40_000,
      everyMs: 20,
    });
    await b.kill9();
    expect((await get()).rounds[2]!.openedAt).toBeNull();

    const c = spawnBot(botConfig('bot-c'));
    bots.push(c);
    await c.waitFor('ready');
    await roundOpen(2);
    await answer('cat', 2, true);
    await eventually('the final standings', async () => (await get()).standingsPosted, {
      timeoutMs: 60_000,
      everyMs: 100,
    });

    // Every message once, in order, posted by the three processes in turn.
    expect(await kinds()).toEqual([
      'competition-round',
      'competition-result',
      'competition-round',
      'competition-result',
      'competition-round',
      'competition-result',
      'competition-standings',
    ]);
    const posts = await world.publisher.posts(PLACE.channel);
    expect(posts[0]!.pid).toBe(a.pid);
    expect(new Set(posts.map((p) => p.pid))).toEqual(new Set([a.pid, b.pid, c.pid]));

    const competition = await get();
    expect(competition.state).toBe('finished');
    const answers = await Promise.all([0, 1, 2].map((r) => deps.competitions.answers(id, r)));
    expect(answers.map((list) => list.map((x) => [x.name, x.correct]))).toEqual([
      [
        ['amy', true],
        ['ben', true],
        ['cat', false],
      ],
      [
        ['amy', false],
        ['ben', true],
      ],
      [['cat', true]],
    ]);
    // Timed from each round's post on the server: every answer within its round, amy before ben.
    for (const list of answers)
      for (const x of list) expect(x.elapsedMs).toBeLessThanOrEqual(10_000);
    const [amy0, ben0] = answers[0]!;
    expect(amy0!.elapsedMs).toBeLessThan(ben0!.elapsedMs);
    expect(amy0!.points).toBeGreaterThan(ben0!.points);

    const standings = standingsOf(answers);
    expect(posts.at(-1)!.summary.standings).toEqual(standings);
    expect(standings.map((s) => s.name)).toEqual(
      [...standings].sort((x, y) => y.points - x.points).map((s) => s.name),
    );
    const board = await world.deps.scores.top(PLACE.workspace, 'all', 'all', 10);
    expect(Object.fromEntries(board.map((e) => [e.name, e.points]))).toEqual(
      Object.fromEntries(
        standings
          .filter((s) => boardPoints(s.points) > 0)
          .map((s) => [s.name, boardPoints(s.points)]),
      ),
    );
    expect(await world.queue.getFailedCount()).toBe(0);
    expect(await deps.competitions.runningIn(PLACE.channel)).toBeNull();
    const stopped = await c.stop();
    expect(stopped.code).toBe(0);
  },
);
