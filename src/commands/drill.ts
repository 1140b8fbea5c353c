/** What the drill commands and buttons share: their deps, their reply models, the DM warning. */
import type { DrillDeps } from '../core/drills/ports.js';
import { takeDrillWarning } from '../core/drills/stats.js';
import type { DrillNotice, DrillOutcome } from '../core/drills/views.js';
import type { Actor, Place } from '../core/quiz/types.js';
import type { CommandServices } from './handlers/types.js';
import type { CommandReply } from './reply.js';

/** Drills are off in a process built without their deps: every drill command says so. */
const drillsUnavailable: CommandReply = {
  kind: 'drill-failure',
  failure: { code: 'drills-unavailable' },
};

/** A drill use case's outcome as a reply: its notice, or its expected failure. */
export function drillReply(outcome: DrillOutcome<DrillNotice>): CommandReply {
  return outcome.ok
    ? { kind: 'drill-notice', notice: outcome.value }
    : { kind: 'drill-failure', failure: outcome.failure };
}

/**
 * Runs `run` with this process's drill deps, or replies that drills are unavailable. Keeps each
 * drill handler to its one core call.
 */
export async function withDrills(
  services: CommandServices,
  run: (drills: DrillDeps) => Promise<CommandReply>,
): Promise<CommandReply> {
  return services.drills ? run(services.drills) : drillsUnavailable;
}

/**
 * The one-time "your drill could not DM you" warning, for an adapter to add after the next reply
 * it gives the person in a channel; null when there is none (or drills are off).
 */
export async function drillWarning(
  services: CommandServices,
  actor: Actor,
  place: Place,
): Promise<CommandReply | null> {
  if (!services.drills) return null;
  const notice = await takeDrillWarning(services.drills, actor, place);
  return notice && { kind: 'drill-notice', notice };
}
