/**
 * Who acted, where, and in which language, from any interaction. A server channel is a channel
 * of the server's workspace; a DM with the bot is a workspace of one. "Admin" is Discord's
 * Manage Server permission in the server (Administrator implies it), checked here on every
 * command because Discord cannot hide single subcommands from non-admins (see README).
 */
import { type BaseInteraction, GuildMember, PermissionFlagsBits } from 'discord.js';
import type { Locale } from '../../../../commands/quiz.js';
import type { Actor, Place } from '../../../core/quiz/types.js';
import { localeFrom } from '../../../i18n/index.js';
import { channelKey, dmKey, guildKey, userKey } from '../ids.js';

export interface Who {
  actor: Actor;
  place: Place;
  locale: Locale;
}

export function whoActed(interaction: BaseInteraction): Who {
  const locale = localeFrom(interaction.locale);
  return { actor: actorOf(interaction, locale), place: placeOf(interaction), locale };
}

function actorOf(interaction: BaseInteraction, locale: Locale): Actor {
  return {
    player: userKey(interaction.user.id),
    name: displayName(interaction),
    isAdmin:
      interaction.inGuild() &&
      (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
    locale,
  };
}

function placeOf(interaction: BaseInteraction): Place {
  const { guildId, channelId } = interaction;
  if (guildId && channelId) {
    return { workspace: guildKey(guildId), channel: channelKey(guildId, channelId) };
  }
  const dm = dmKey(interaction.user.id);
  return { workspace: dm, channel: dm };
}

/** The server nickname, else the global display name, else the username. */
export function displayName(interaction: BaseInteraction): string {
  const { member, user } = interaction;
  if (member instanceof GuildMember) return member.displayName;
  return member?.nick ?? user.displayName;
}
