/** Laid-out messages as Slack (light theme) would show them: header, section, context, image, actions blocks. */
import type { Message, MessageBox } from '../../core/views/layout.js';
import {
  SLACK_MAX_BLOCKS,
  SLACK_MAX_BLOCKS_TEXT,
  slackHeader,
  slackLayoutLimits,
} from '../../platforms/slack/limits.js';
import { escapeHtml, flowHtml } from './html-text.js';
import { buttonsHtml, count, imageHtml } from './images.js';

export function slackMessagesHtml(messages: readonly Message[]): string {
  return messages.map((m, i) => slackMessageHtml(m, i, messages.length)).join('\n');
}

function blockHtml(box: MessageBox): string {
  if (box.image) {
    const title = box.image.label
      ? `<div class="image-title">${escapeHtml(box.image.label)}</div>`
      : '';
    return `<div class="block image">${title}${imageHtml(box.image)}</div>`;
  }
  const notes = box.flow.every((p) => p.type === 'text' && p.tone === 'note');
  // Slack has no spoilers: a hidden answer shows as plain text there.
  const inner = box.flow.map((part) => flowHtml(part, { spoilers: false })).join('');
  return `<div class="block ${notes ? 'context' : 'section'}">${inner}</div>`;
}

function slackMessageHtml(message: Message, index: number, total: number): string {
  const blocks = message.boxes.map(blockHtml);
  if (message.title)
    blocks.unshift(`<div class="block header">${escapeHtml(slackHeader(message.title))}</div>`);
  const actions = buttonsHtml(
    message.buttons.map((b) => b.action),
    'block actions',
  );
  const blockCount = blocks.length + (actions ? 1 : 0);
  const chars =
    message.boxes.reduce((n, b) => n + slackLayoutLimits.measure(b), 0) +
    (message.title ? slackHeader(message.title).length : 0);
  const stats =
    `message ${index + 1} of ${total} · ${blockCount}/${SLACK_MAX_BLOCKS} blocks · ` +
    `${count(chars)}/${count(SLACK_MAX_BLOCKS_TEXT)} characters of block text`;
  return `<div class="msg${index > 0 ? ' cont' : ''}">
  ${index === 0 ? '<div class="avatar">Q</div>' : '<div class="gutter"></div>'}
  <div class="msg-main">
    ${index === 0 ? '<div class="msg-head"><span class="name">quizbot</span><span class="app">APP</span><span class="time">9:00 AM</span></div>' : ''}
    ${blocks.join('\n    ')}
    ${actions}
    <div class="stats">${stats}</div>
  </div>
</div>`;
}
