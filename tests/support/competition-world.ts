/** Competition dependencies over a jobs world: the Redis store, the BullMQ round scheduler, its publisher. */
import type { CompetitionDeps } from '../../src/core/competitions/ports.js';
import type { Clock } from '../../src/core/quiz/ports.js';
import { BullRoundScheduler } from '../../src/jobs/competition-scheduler.js';
import { RedisCompetitionStore } from '../../src/store/redis/competition-store.js';
import type { JobsWorld } from './jobs-harness.js';

export function competitionDeps(
  world: JobsWorld,
  clock: Clock = world.deps.clock,
): CompetitionDeps {
  let ids = 0;
  return {
    clock,
    competitions: new RedisCompetitionStore({ redis: world.redis.client, prefix: world.prefix }),
    rounds: new BullRoundScheduler(world.queue, { clock }),
    publisher: world.publisher,
    scores: world.deps.scores,
    workspaces: world.deps.workspaces,
    instanceId: world.deps.instanceId,
    newId: () => `cmp-${process.pid}-${++ids}`,
  };
}
