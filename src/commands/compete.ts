/** What the competition commands and buttons share: their services and their reply models. */
import type { CompetitionServices } from '../core/competitions/ports.js';
import type { CompeteNotice, CompeteOutcome } from '../core/competitions/views.js';
import type { CommandServices } from './handlers/types.js';
import type { CommandReply } from './reply.js';

/** This process's competition services; main.ts always wires them. */
export function competitionsOf(services: CommandServices): CompetitionServices {
  if (!services.competitions)
    throw new Error('competitions are not wired into the command services');
  return services.competitions;
}

/** A competition use case's outcome as a reply: its notice, or its expected failure. */
export function competeReply(outcome: CompeteOutcome<CompeteNotice>): CommandReply {
  return outcome.ok
    ? { kind: 'compete-notice', notice: outcome.value }
    : { kind: 'compete-failure', failure: outcome.failure };
}
