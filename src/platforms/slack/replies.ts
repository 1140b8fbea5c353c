/**
 * Where a command's or click's reply goes. Through the `response_url` Slack hands each of them:
 * it works in any conversation (even one the bot was never invited to), shows the reply only to
 * the asker unless it is public, and takes up to five posts, which covers a reply of several
 * messages. A modal's submission has no response_url; its reply is an ephemeral message.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { Visibility } from '../../commands/reply.js';
import type { SlackMessage } from './blocks/kit.js';
import { SLACK_MAX_RESPONSE_URL_POSTS } from './limits.js';
import { sendShowingImages } from './send.js';

export interface Replier {
  /** `replaceOriginal`: the first message takes the place of the clicked one (a drill card turned over). */
  send(
    messages: readonly SlackMessage[],
    visibility: Visibility,
    options?: { replaceOriginal?: boolean },
  ): Promise<void>;
}

interface LogLike {
  warn(obj: object, msg?: string): void;
}

/** Replies through a command's or click's `response_url` (Bolt's `respond`). */
export function viaResponseUrl(respond: RespondFn, imageAsText: string, log: LogLike): Replier {
  return {
    async send(messages, visibility, options = {}) {
      if (messages.length > SLACK_MAX_RESPONSE_URL_POSTS) {
        log.warn({ messages: messages.length }, 'reply cut to the posts a response_url takes');
      }
      for (const [i, message] of messages.slice(0, SLACK_MAX_RESPONSE_URL_POSTS).entries()) {
        await sendShowingImages(
          message,
          (m) =>
            respond({
              response_type: visibility === 'public' ? 'in_channel' : 'ephemeral',
              replace_original: i === 0 && Boolean(options.replaceOriginal),
              text: m.text,
              blocks: m.blocks,
            }),
          { imageAsText },
        );
      }
    },
  };
}

/** Replies as ephemeral messages to `user` in `channel` (the bot must be in it). */
export function viaEphemeral(
  client: webApi.WebClient,
  where: { channel: string; user: string },
  imageAsText: string,
): Replier {
  return {
    async send(messages) {
      for (const message of messages) {
        await sendShowingImages(
          message,
          (m) => client.chat.postEphemeral({ ...where, text: m.text, blocks: m.blocks }),
          { imageAsText },
        );
      }
    },
  };
}
