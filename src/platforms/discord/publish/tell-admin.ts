/**
 * When Discord refuses a daily question for good, core pauses the channel; this tells the admin
 * who set it up, so it does not just go quiet. By DM first; if the admin cannot be reached, a note
 * in the server's system channel (when the bot may post there). Once per refusal: a paused channel
 * posts nothing more until `daily set` is run again.
 */
import type { Client } from 'discord.js';
import type { SubscriptionStore } from '../../../core/quiz/ports.js';
import { localeFrom, wordingFor } from '../../../i18n/index.js';
import { parseUserKey } from '../ids.js';
import { escapeDiscord } from '../markdown.js';
import { textMessage } from '../render/message.js';

/** A private-use character: no markup to escape, never in a sentence. */
const SLOT = '\uE000';

interface LogLike {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export interface PausedChannel {
  key: string;
  guildId: string;
  channelId: string;
  reason: string;
}

export type Told = 'dm' | 'system-channel' | 'nobody';

export async function tellAdminPaused(
  env: { client: Client; subscriptions: SubscriptionStore; log: LogLike },
  paused: PausedChannel,
): Promise<Told> {
  const { client, log } = env;
  const guild = client.guilds.cache.get(paused.guildId);
  const words = wordingFor(localeFrom(guild?.preferredLocale));
  // The channel as a mention (a link in Discord), put in after the sentence is escaped.
  const text = words.notice({ code: 'daily-paused', channel: SLOT, reason: paused.reason });
  const message = textMessage(escapeDiscord(text).replace(SLOT, `<#${paused.channelId}>`));
  const sub = await env.subscriptions.get(paused.key);
  const adminId = sub ? parseUserKey(sub.createdBy) : null;
  if (adminId) {
    try {
      await client.users.send(adminId, message);
      return 'dm';
    } catch (error) {
      log.warn({ err: String(error), adminId }, 'could not DM the admin about a paused channel');
    }
  }
  const system = guild?.systemChannel;
  if (system && system.id !== paused.channelId) {
    try {
      await system.send(message);
      return 'system-channel';
    } catch (error) {
      log.warn({ err: String(error) }, 'could not post the pause note in the system channel');
    }
  }
  log.info({ channel: paused.key }, 'nobody could be told that the daily question is paused');
  return 'nobody';
}
