/**
 * The one entry every adapter calls for `/quiz …`: find the subcommand, refuse non-admins on
 * admin subcommands, check the options against the spec, then run its handler. Each step is a
 * small function; the first refusal wins.
 */
import { quizCommand } from '../../../commands/quiz.js';
import type { Actor } from '../../core/quiz/types.js';
import { type CommandFailure, type CommandReply, failed } from '../reply.js';
import { type Leaf, leafAt } from '../spec.js';
import { checkOptions } from './check-options.js';
import { commandHandlers } from './registry.js';
import type { CommandHandler, CommandRequest, CommandServices } from './types.js';

/** Runs one `/quiz` subcommand and returns its reply model; expected failures are replies too. */
export async function dispatchCommand(
  services: CommandServices,
  request: CommandRequest,
): Promise<CommandReply> {
  const found = lookup(request.path);
  if (!found) return failed({ code: 'unknown-command', path: request.path.join(' ') });
  const refusal =
    adminGate(found.leaf, request.actor) ?? checkOptions(found.leaf.spec, request.options);
  if (refusal) return failed(refusal);
  return found.handler(services, request);
}

function lookup(path: readonly string[]): { leaf: Leaf; handler: CommandHandler } | null {
  const leaf = leafAt(quizCommand, path);
  const handler =
    leaf && Object.hasOwn(commandHandlers, leaf.key) ? commandHandlers[leaf.key] : undefined;
  return leaf && handler ? { leaf, handler } : null;
}

/** Admin-only subcommands (Discord's Manage Server, Slack's admins) are refused before anything runs. */
function adminGate(leaf: Leaf, actor: Actor): CommandFailure | null {
  return leaf.spec.adminOnly && !actor.isAdmin ? { code: 'not-admin' } : null;
}
