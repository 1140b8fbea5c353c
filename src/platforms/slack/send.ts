/**
 * Sending a message that shows freshly uploaded images. Slack finishes an upload asynchronously,
 * and a message naming a file that is not ready yet is refused with `invalid_blocks`. Waiting a
 * moment and sending again is what Slack's own engineers advise (slackapi/python-slack-sdk#1521,
 * java-slack-sdk#1347); if the file is still not usable, the message goes out with each image's
 * text (a formula's TeX) in its place rather than not at all.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Block, SlackMessage } from './blocks/kit.js';
import { context } from './blocks/kit.js';
import { slackErrorCode } from './errors.js';
import { escapeSlack } from './mrkdwn.js';

/** Waits before each new try of a message whose images were refused. */
export const IMAGE_RETRY_DELAYS_MS = [300, 800, 2_000] as const;

export async function sendShowingImages<T>(
  message: SlackMessage,
  send: (message: SlackMessage) => Promise<T>,
  options: { imageAsText: string; delaysMs?: readonly number[] },
): Promise<T> {
  const delays = options.delaysMs ?? IMAGE_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(message);
    } catch (error) {
      if (slackErrorCode(error) !== 'invalid_blocks' || !message.blocks.some(isFileImage))
        throw error;
      const delay = delays[attempt];
      if (delay === undefined) return send(withImagesAsText(message, options.imageAsText));
      await sleep(delay);
    }
  }
}

function isFileImage(block: Block): boolean {
  return block.type === 'image' && 'slack_file' in block;
}

function withImagesAsText(message: SlackMessage, label: string): SlackMessage {
  return {
    ...message,
    blocks: message.blocks.map((block) =>
      block.type === 'image' && 'slack_file' in block
        ? context(`${escapeSlack(label)}: \`${escapeSlack(block.alt_text.replace(/`/g, 'ˋ'))}\``)
        : block,
    ),
  };
}
