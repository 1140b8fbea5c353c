/**
 * Competitions for a running bot: the item pool from the loaded bank and the authored items
 * (`data/items/`), the Redis competition store and the BullMQ round scheduler. Built by main.ts.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Bank } from '../core/bank/model.js';
import { competitionPool } from '../core/competitions/pool.js';
import type { CompetitionDeps, CompetitionServices } from '../core/competitions/ports.js';
import { loadAuthoredItems } from '../items/load.js';
import { BullRoundScheduler } from '../jobs/competition-scheduler.js';
import { RedisCompetitionStore } from '../store/redis/competition-store.js';

interface LogLike {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export async function buildCompetitions(input: {
  bank: Bank;
  /** Authored items: a YAML file or a folder of them. */
  itemsPath: string;
  redis: Redis;
  prefix: string;
  queue: Queue;
  shared: Pick<CompetitionDeps, 'clock' | 'publisher' | 'scores' | 'workspaces' | 'instanceId'>;
  log: LogLike;
}): Promise<CompetitionServices> {
  const { bank, log } = input;
  const authored = await loadAuthoredItems(input.itemsPath, {
    questions: new Set(bank.questions.map((q) => q.id)),
  });
  if (authored.issues.length) {
    // Broken entries are left out; `quizbot items lint` lists them with file:line.
    log.warn(
      { problems: authored.issues.length, first: authored.issues[0] },
      'authored items have problems; run quizbot items lint',
    );
  }
  const pool = competitionPool(bank.questions, authored.items);
  log.info({ items: pool.items.length, tags: pool.tags }, 'competition items loaded');
  return {
    pool,
    deps: {
      ...input.shared,
      competitions: new RedisCompetitionStore({ redis: input.redis, prefix: input.prefix }),
      rounds: new BullRoundScheduler(input.queue, { clock: input.shared.clock }),
    },
  };
}
