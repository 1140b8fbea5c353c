/**
 * The few Block Kit pieces quizbot uses, built to Slack's limits (`limits.ts`): a message is a
 * notification `text` plus its blocks.
 */
import type { types } from '@slack/bolt';
import { type SlackAction, encodeAction } from '../buttons.js';
import {
  SLACK_MAX_CONTEXT_TEXT,
  SLACK_MAX_SECTION_TEXT,
  slackAltText,
  slackButtonText,
  slackHeader,
} from '../limits.js';
import { escapeSlack } from '../mrkdwn.js';

export type Block = types.KnownBlock;

/** One chat message: `text` is what notifications and screen readers get. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const header = (text: string): types.HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: slackHeader(text), emoji: true },
});

/** A section of mrkdwn; the caller keeps it within SLACK_MAX_SECTION_TEXT (see `sections`). */
export const section = (mrkdwn: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: mrkdwn },
});

/** A muted line of mrkdwn under or above the content. */
export const context = (mrkdwn: string): types.ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: cut(mrkdwn, SLACK_MAX_CONTEXT_TEXT) }],
});

export const divider = (): types.DividerBlock => ({ type: 'divider' });

/** An uploaded image (a formula, a figure, a leaderboard card) shown by its Slack file id. */
export const image = (fileId: string, alt: string, title?: string | null): types.ImageBlock => ({
  type: 'image',
  slack_file: { id: fileId },
  alt_text: slackAltText(alt.trim() || 'image'),
  ...(title ? { title: { type: 'plain_text', text: title } } : {}),
});

/** A button that carries its meaning (see `buttons.ts`). */
export function button(
  label: string,
  action: SlackAction,
  n: number,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: slackButtonText(label), emoji: true },
    ...encodeAction(action, n),
    ...(style ? { style } : {}),
  };
}

export const actions = (elements: types.Button[]): types.ActionsBlock => ({
  type: 'actions',
  elements,
});

/** Plain text made safe for mrkdwn and set in bold. */
export const bold = (text: string): string => (text.trim() ? `*${escapeSlack(text.trim())}*` : '');

/**
 * Long mrkdwn as as few sections as fit, cut between lines (a single over-long line is cut
 * inside). For generated text such as help and lists; question bodies go through the layout.
 */
export function sections(mrkdwn: string, max = SLACK_MAX_SECTION_TEXT): types.SectionBlock[] {
  const out: string[] = [];
  let current = '';
  for (const line of mrkdwn.split('\n')) {
    for (const piece of chunks(line, max)) {
      const next = current ? `${current}\n${piece}` : piece;
      if (next.length <= max) current = next;
      else {
        out.push(current);
        current = piece;
      }
    }
  }
  if (current.trim()) out.push(current);
  return out.map(section);
}

function chunks(line: string, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += max) out.push(line.slice(i, i + max));
  return out.length ? out : [''];
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
