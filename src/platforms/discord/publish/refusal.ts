/**
 * Which Discord errors are refusals for good (PublishRefusedError: core pauses the channel or
 * records the closed DM) and which are worth a retry (everything else: 5xx, network). Rate limits
 * never get here: discord.js queues the request until Discord allows it.
 */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { PublishRefusedError } from '../../../core/quiz/ports.js';

export type Refusal = { reason: PublishRefusedError['reason']; problem: string };

export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof DiscordAPIError)) return null;
  switch (error.code) {
    case RESTJSONErrorCodes.MissingAccess:
      return {
        reason: 'missing-permissions',
        problem: 'the bot cannot see this channel (Missing Access)',
      };
    case RESTJSONErrorCodes.MissingPermissions:
      return {
        reason: 'missing-permissions',
        problem: 'the bot lacks a permission it needs here (Missing Permissions)',
      };
    case RESTJSONErrorCodes.UnknownChannel:
      return {
        reason: 'unknown-channel',
        problem: 'the channel no longer exists (Unknown Channel)',
      };
    case RESTJSONErrorCodes.CannotSendMessagesToThisUser:
    case RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds:
      return {
        reason: 'other',
        problem: 'the person does not accept direct messages from the bot',
      };
    case RESTJSONErrorCodes.UnknownUser:
      return { reason: 'other', problem: 'the person is not on Discord any more (Unknown User)' };
  }
  return error.status === 403
    ? { reason: 'missing-permissions', problem: `Discord refused the post (${error.message})` }
    : null;
}
