/**
 * The Discord Publisher: daily questions, reveals, boards and competition rounds posted by jobs.
 * Each post is one or more channel messages carrying a nonce derived from core's idempotency key
 * (`enforceNonce`: Discord drops a repeat within its window); a daily question opens a public
 * thread on itself for the discussion, and its reveal goes into that thread. Rate limits are
 * discord.js's to queue; a refusal for good (403, unknown channel, closed DMs) becomes a
 * PublishRefusedError, and for a daily question the admin who set it up is told.
 */
import {
  type Client,
  DiscordAPIError,
  type Message,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import type { Locale } from '../../../../commands/quiz.js';
import type { DrillPublisher } from '../../../core/drills/ports.js';
import type { DrillOutgoingView } from '../../../core/drills/views.js';
import {
  type ChannelCheck,
  PublishRefusedError,
  type Publisher,
} from '../../../core/quiz/ports.js';
import type { PostedRef } from '../../../core/quiz/types.js';
import type { OutgoingView } from '../../../core/quiz/views.js';
import { localeFrom } from '../../../i18n/index.js';
import type { AdapterServices } from '../../../runtime/adapter.js';
import { guildKey, parseChannelKey, type ChannelTarget } from '../ids.js';
import { DISCORD_MAX_THREAD_NAME, fitText } from '../limits.js';
import { nonceFor } from '../nonce.js';
import type { DiscordMessage } from '../render/message.js';
import { outgoingMessages } from '../render/outgoing.js';
import { destinationOf, type Destination } from './destination.js';
import { checkBotCanPost } from './permissions.js';
import { refusalOf } from './refusal.js';
import { tellAdminPaused } from './tell-admin.js';

interface LogLike {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export interface DiscordPublisherOptions {
  client: Client;
  services: Pick<AdapterServices, 'deps' | 'formulas' | 'boardCard'>;
  log: LogLike;
  /** The language a person last used with the bot, for their DMs (a DM has no server locale). */
  localeOfUser(userId: string): Locale | undefined;
}

/** Posts core's views and, as the drills' publisher, drill DMs. */
export class DiscordPublisher implements Publisher, DrillPublisher {
  constructor(private readonly options: DiscordPublisherOptions) {}

  checkChannel(channel: string): Promise<ChannelCheck> {
    return checkBotCanPost(this.options.client, channel);
  }

  async post(
    target: { channel: string; thread?: PostedRef },
    view: OutgoingView | DrillOutgoingView,
    options: { idempotencyKey?: string } = {},
  ): Promise<PostedRef> {
    const where = parseChannelKey(target.channel);
    if (!where) {
      throw new PublishRefusedError(
        `${target.channel} is not a Discord channel`,
        'unknown-channel',
      );
    }
    try {
      const destination = await destinationOf(this.options.client, where, target.thread);
      if (!destination) {
        throw new PublishRefusedError(
          await this.reasonFor(target.channel, 'the bot cannot see or post in this channel'),
          'missing-permissions',
        );
      }
      const messages = await outgoingMessages(view, await this.contextFor(where));
      const sent = await this.send(destination, messages, options.idempotencyKey);
      const first = sent[0]!;
      if (view.kind !== 'daily-question') return { messageId: first.id };
      const threadId = await this.openThread(first, `${view.question.id} · ${view.question.title}`);
      return threadId ? { messageId: first.id, threadId } : { messageId: first.id };
    } catch (error) {
      throw await this.refusedOrRethrow(error, target.channel, where, view);
    }
  }

  private async send(
    destination: Destination,
    messages: readonly DiscordMessage[],
    idempotencyKey: string | undefined,
  ): Promise<Message[]> {
    const sent: Message[] = [];
    for (const [i, message] of messages.entries()) {
      sent.push(
        await destination.channel.send({
          ...message,
          ...(idempotencyKey ? { nonce: nonceFor(idempotencyKey, i), enforceNonce: true } : {}),
          ...(i === 0 && destination.replyTo
            ? { reply: { messageReference: destination.replyTo, failIfNotExists: false } }
            : {}),
        }),
      );
    }
    return sent;
  }

  /**
   * The discussion thread on a daily question. A retried post finds the thread already made
   * (a message's thread has the message's id); without Create Public Threads the question still
   * stands, and its reveal becomes a reply in the channel.
   */
  private async openThread(message: Message, name: string): Promise<string | null> {
    try {
      const thread = await message.startThread({
        name: fitText(name, DISCORD_MAX_THREAD_NAME),
        autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      });
      return thread.id;
    } catch (error) {
      if (
        error instanceof DiscordAPIError &&
        error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage
      ) {
        return message.id;
      }
      this.options.log.warn(
        { err: String(error), message: message.id },
        'could not open the discussion thread',
      );
      return null;
    }
  }

  private async contextFor(where: ChannelTarget) {
    const { deps, formulas, boardCard } = this.options.services;
    const guildId = where.kind === 'guild' ? where.guildId : null;
    const guild = guildId ? this.options.client.guilds.cache.get(guildId) : undefined;
    const locale: Locale =
      where.kind === 'dm'
        ? (this.options.localeOfUser(where.userId) ?? 'en')
        : localeFrom(guild?.preferredLocale);
    const zone = (guildId && (await deps.workspaces.timezone(guildKey(guildId)))) || 'UTC';
    return { locale, zone, formulas, boardCard };
  }

  private async refusedOrRethrow(
    error: unknown,
    key: string,
    where: ChannelTarget,
    view: OutgoingView | DrillOutgoingView,
  ): Promise<unknown> {
    const refused = error instanceof PublishRefusedError ? error : await this.refusal(error, key);
    if (!refused) return error;
    if (view.kind === 'daily-question' && where.kind === 'guild') {
      const { client, services, log } = this.options;
      await tellAdminPaused(
        { client, subscriptions: services.deps.subscriptions, log },
        { key, guildId: where.guildId, channelId: where.channelId, reason: refused.message },
      ).catch((e: unknown) => log.warn({ err: String(e) }, 'telling the admin failed'));
    }
    return refused;
  }

  /** A refusal for good as core's error, worded with what is missing; null for anything else. */
  private async refusal(error: unknown, key: string): Promise<PublishRefusedError | null> {
    const refusal = refusalOf(error);
    if (!refusal) return null;
    const reason = await this.reasonFor(key, refusal.problem);
    return new PublishRefusedError(reason, refusal.reason, { cause: error });
  }

  /** The missing permissions by name when they can be seen, else Discord's own word. */
  private async reasonFor(key: string, problem: string): Promise<string> {
    const check = await this.checkChannel(key).catch(() => null);
    return check && !check.ok ? `the bot lacks ${check.missing.join(', ')}` : problem;
  }
}
