/**
 * Drill use cases on fakes: a manual clock, the in-memory DrillStore, a DM publisher that records
 * every attempt (and, like a Discord nonce, shows a repeated idempotency key once), and a small
 * hand-built bank.
 */
import type { Question } from '../../src/core/bank/model.js';
import { type Catalog, createCatalog } from '../../src/core/catalog.js';
import type { DrillDeps, DrillPublisher, DrillScheduler } from '../../src/core/drills/ports.js';
import type { DrillSubscription } from '../../src/core/drills/types.js';
import type { DrillOutgoingView } from '../../src/core/drills/views.js';
import { PublishRefusedError } from '../../src/core/quiz/ports.js';
import type { Actor, Place } from '../../src/core/quiz/types.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { zonedInstant } from '../../src/core/time/zone.js';
import { createFakeDrillStore } from './fakes/drill-store.js';
import { makeQuestion } from './question-factory.js';

export interface SentDm {
  channel: string;
  view: DrillOutgoingView;
  idempotencyKey: string | null;
}

/** A DrillPublisher in memory: `attempts` is every call, `sent` what the person actually sees. */
export function createDmPublisher() {
  const attempts: SentDm[] = [];
  const sent: SentDm[] = [];
  const seen = new Set<string>();
  const closed = new Set<string>();
  let loseNextAck = false;
  const publisher = {
    async post(target, view, options) {
      const dm = { channel: target.channel, view, idempotencyKey: options?.idempotencyKey ?? null };
      attempts.push(dm);
      if (closed.has(target.channel)) {
        throw new PublishRefusedError('Cannot send messages to this user', 'missing-permissions');
      }
      if (!dm.idempotencyKey || !seen.has(dm.idempotencyKey)) sent.push(dm);
      if (dm.idempotencyKey) seen.add(dm.idempotencyKey);
      if (loseNextAck) {
        loseNextAck = false;
        throw new Error('socket hang up'); // the platform has it; the bot never heard back
      }
      return { messageId: `dm${sent.length}` };
    },
  } satisfies DrillPublisher;
  return {
    publisher,
    attempts,
    sent,
    close: (player: string) => closed.add(dmChannel(player)),
    open: (player: string) => closed.delete(dmChannel(player)),
    loseNextAck: () => (loseNextAck = true),
  };
}

/** The DM channel the harness's DirectMessages gives a player. */
export const dmChannel = (player: string): string => `dm:${player}`;

/** Twelve complete questions (DL Q1–Q8, ML Q9–Q12) and an incomplete one. */
export function smallCatalog(): Catalog {
  const questions: Question[] = [];
  for (let n = 1; n <= 12; n++) {
    questions.push(
      makeQuestion({
        id: `Q${n}`,
        title: `Question ${n}`,
        tags: [n <= 8 ? 'DL' : 'ML'],
        keyPoints: `key points of ${n}`,
      }),
    );
  }
  questions.push(makeQuestion({ id: 'Q13', title: 'Unfinished', tags: ['DL'], complete: false }));
  return createCatalog({ questions, issues: [], files: ['test.md'] });
}

export function createDrillHarness(options: { start?: Date; catalog?: Catalog } = {}) {
  const clock = new ManualClock(options.start ?? new Date('2026-03-02T12:00:00Z'));
  const drills = createFakeDrillStore({ clock });
  const dms = createDmPublisher();
  const scheduled = new Map<string, DrillSubscription>();
  const drillScheduler = {
    async upsertDrill(sub) {
      scheduled.set(`${sub.workspace}|${sub.player}`, sub);
    },
    async removeDrill(workspace, player) {
      scheduled.delete(`${workspace}|${player}`);
    },
  } satisfies DrillScheduler;
  const deps: DrillDeps = {
    clock,
    drills,
    drillScheduler,
    publisher: dms.publisher,
    directMessages: { channelFor: async (player) => dmChannel(player) },
    instanceId: 'test-1',
  };
  return { deps, clock, drills, dms, scheduled, catalog: options.catalog ?? smallCatalog() };
}

export const WS = 'console:ws:local';
export const PLACE: Place = { workspace: WS, channel: 'console:ch:general' };

export function person(name: string): Actor {
  return { player: `console:user:${name}`, name, isAdmin: false };
}

/** The instant a wall clock in `zone` reads `day` `time`. */
export const at = (day: string, time: string, zone: string): Date => zonedInstant(day, time, zone);
