/**
 * Who did something, and where, in core's terms. Admin rights: Slack has no per-command
 * permissions, so a person may run admin subcommands when Slack makes them a workspace admin or
 * owner (`users.info`, cached briefly) or when they are on the workspace's quiz-admin list, which
 * Slack admins keep in the App Home.
 */
import type { Actor, Place } from '../../core/quiz/types.js';
import type { SlackContext } from './context.js';
import { channelKey, parseUserKey, teamKey, userKey } from './ids.js';
import type { Person } from './people.js';

export interface SlackUserRef {
  id: string;
  /** The user's own team (differs from the bot's in a shared channel). */
  teamId?: string | undefined;
  /** The name the payload carries, used if Slack cannot be asked. */
  name?: string | undefined;
}

export async function actorFor(
  ctx: SlackContext,
  user: SlackUserRef,
): Promise<{ actor: Actor; person: Person }> {
  const person = await ctx.people.get(user.id, user.name);
  const isAdmin = person.slackAdmin || (await onAdminList(ctx, user.id));
  const actor: Actor = {
    player: playerOf(ctx, person, user.teamId),
    name: person.name,
    isAdmin,
    locale: person.locale,
  };
  return { actor, person };
}

/** A person's player key: their own team (Slack's word first, then the payload's), else the bot's. */
export function playerOf(ctx: SlackContext, person: Person, payloadTeam?: string): string {
  return userKey(person.team || payloadTeam || ctx.team(), person.id);
}

export function placeFor(ctx: SlackContext, channel: string): Place {
  return { workspace: workspaceOf(ctx), channel: channelKey(ctx.team(), channel) };
}

export const workspaceOf = (ctx: SlackContext): string => teamKey(ctx.team());

async function onAdminList(ctx: SlackContext, user: string): Promise<boolean> {
  const listed = await ctx.services.deps.workspaces.admins(workspaceOf(ctx));
  return listed.some((player) => parseUserKey(player)?.user === user);
}
