/**
 * The Slack Publisher: core's views (and drill DMs) posted as Block Kit messages. A daily question goes to its
 * channel and its discussion (and later its answer) to that message's thread; a view too long for
 * one message is posted as several, in order. Posts are made once per idempotency key
 * (`idempotency.ts`), and Slack's refusals become core's PublishRefusedError.
 */
import type { webApi } from '@slack/bolt';
import type { Locale } from '../../../commands/quiz.js';
import { type ChannelCheck, PublishRefusedError, type Publisher } from '../../core/quiz/ports.js';
import type { PostedRef } from '../../core/quiz/types.js';
import type { SlackMessage } from './blocks/kit.js';
import { type PostedView, type ViewContext, viewMessages } from './blocks/views.js';
import { INVITE_HINT, refusalOf, slackErrorCode } from './errors.js';
import { findPostedParts, partMetadata } from './idempotency.js';
import { isDirectMessage, parseChannelKey, teamKey } from './ids.js';
import type { RefusalNotices } from './refusals.js';
import { sendShowingImages } from './send.js';
import { slackWordingFor } from './wording/index.js';

/**
 * The language of posts in channels, read by everyone there; a channel has no language of its own
 * in Slack. Replies, and DMs, are in the person's own Slack language.
 */
export const CHANNEL_LOCALE: Locale = 'en';

export interface SlackPublisherEnv {
  client: webApi.WebClient;
  /** What rendering needs, apart from the words (chosen per post). */
  render: Omit<ViewContext, 'words' | 'zone'>;
  /** The workspace's time zone for times a view states in words. */
  zoneOf(workspace: string): Promise<string>;
  refusals: RefusalNotices;
  /** The language of a conversation: its owner's for a DM the bot opened, else CHANNEL_LOCALE. */
  localeOf(channel: string): Promise<Locale>;
}

export class SlackPublisher implements Publisher {
  constructor(private readonly env: SlackPublisherEnv) {}

  async checkChannel(key: string): Promise<ChannelCheck> {
    const { channel } = this.slackChannel(key);
    if (isDirectMessage(channel)) return { ok: true };
    try {
      const info = await this.env.client.conversations.info({ channel });
      return info.channel?.is_member || info.channel?.is_im
        ? { ok: true }
        : { ok: false, missing: [INVITE_HINT] };
    } catch (error) {
      // A private channel the bot is not in looks like no channel at all.
      if (slackErrorCode(error) === 'channel_not_found')
        return { ok: false, missing: [INVITE_HINT] };
      throw error;
    }
  }

  async post(
    target: { channel: string; thread?: PostedRef },
    view: PostedView,
    options: { idempotencyKey?: string } = {},
  ): Promise<PostedRef> {
    const where = this.slackChannel(target.channel);
    const threadTs = target.thread
      ? (target.thread.threadId ?? target.thread.messageId)
      : undefined;
    try {
      const words = slackWordingFor(await this.env.localeOf(where.channel));
      const messages = await viewMessages(view, {
        ...this.env.render,
        words,
        zone: await this.env.zoneOf(teamKey(where.team)),
      });
      const ts = await this.postParts(where.channel, threadTs, messages, {
        key: options.idempotencyKey,
        imageAsText: words.slack.formulaAsText,
      });
      // A message in a channel opens its own thread; one in a thread stays in it.
      return { messageId: ts, threadId: threadTs ?? ts };
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      if (view.kind === 'daily-question')
        void this.env.refusals.dailyPaused(target.channel, refusal.message);
      throw refusal;
    }
  }

  /** Posts the parts not yet posted under `key`; answers the first part's ts. */
  private async postParts(
    channel: string,
    threadTs: string | undefined,
    messages: readonly SlackMessage[],
    { key, imageAsText }: { key: string | undefined; imageAsText: string },
  ): Promise<string> {
    const { client } = this.env;
    const posted = key
      ? await findPostedParts(client, { channel, ...(threadTs ? { threadTs } : {}) }, key)
      : new Map<number, string>();
    for (const [part, message] of messages.entries()) {
      if (posted.has(part)) continue;
      const result = await sendShowingImages(
        message,
        (m) =>
          client.chat.postMessage({
            channel,
            text: m.text,
            blocks: m.blocks,
            unfurl_links: false,
            unfurl_media: false,
            ...(threadTs ? { thread_ts: threadTs } : {}),
            ...(key ? { metadata: partMetadata(key, part, messages.length) } : {}),
          }),
        { imageAsText },
      );
      if (!result.ts) throw new Error(`chat.postMessage answered without a ts in ${channel}`);
      posted.set(part, result.ts);
    }
    return posted.get(0)!;
  }

  private slackChannel(key: string): { team: string; channel: string } {
    const parsed = parseChannelKey(key);
    if (!parsed) throw new PublishRefusedError(`${key} is not a Slack channel`, 'unknown-channel');
    return parsed;
  }
}
