/**
 * Registers the spec with Discord by diffing: fetch what is registered (with its localizations,
 * or every localized field would look changed), plan, then POST what is new, PATCH only the
 * fields that differ, DELETE what the spec no longer has. A second run changes nothing.
 * Globally, or in one server (`guildId`), where changes show at once: handy while testing.
 */
import { type APIApplicationCommand, REST, Routes } from 'discord.js';
import { type CommandChange, planSync } from './diff.js';
import type { CommandBody } from './to-discord.js';

export interface SyncTarget {
  applicationId: string;
  guildId?: string;
}

export interface SyncOptions {
  /** Plan only; change nothing. */
  dryRun?: boolean;
}

export async function syncCommands(
  rest: REST,
  target: SyncTarget,
  desired: readonly CommandBody[],
  options: SyncOptions = {},
): Promise<CommandChange[]> {
  const base = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const registered = (await rest.get(base, {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as APIApplicationCommand[];
  const one = (id: string) =>
    target.guildId
      ? Routes.applicationGuildCommand(target.applicationId, target.guildId, id)
      : Routes.applicationCommand(target.applicationId, id);
  const changes = planSync(desired, registered);
  if (options.dryRun) return changes;
  for (const change of changes) {
    switch (change.action) {
      case 'create':
        await rest.post(base, { body: change.body });
        break;
      case 'update':
        await rest.patch(one(change.id), { body: change.patch });
        break;
      case 'delete':
        await rest.delete(one(change.id));
        break;
      case 'keep':
        break;
    }
  }
  return changes;
}

/** A REST client for registration alone: no gateway connection needed. */
export function registrationRest(token: string, apiUrl: string | undefined): REST {
  return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}
