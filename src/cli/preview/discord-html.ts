/** Laid-out messages as Discord (dark theme) would show them: embeds with title, text and image. */
import type { Message } from '../../core/views/layout.js';
import {
  DISCORD_MAX_ATTACHMENTS,
  DISCORD_MAX_EMBED_TOTAL,
  DISCORD_MAX_EMBEDS,
  discordLayoutLimits,
  discordTitle,
} from '../../platforms/discord/limits.js';
import { escapeHtml, flowHtml } from './html-text.js';
import { buttonsHtml, count, imageHtml } from './images.js';

export function discordMessagesHtml(messages: readonly Message[]): string {
  return messages.map((m, i) => discordMessageHtml(m, i, messages.length)).join('\n');
}

function discordMessageHtml(message: Message, index: number, total: number): string {
  const embeds = message.boxes.map((box, i) => {
    const title =
      i === 0 && message.title
        ? `<div class="embed-title">${escapeHtml(discordTitle(message.title))}</div>`
        : '';
    const text = box.flow.map((part) => flowHtml(part, { spoilers: true })).join('');
    const label = box.image?.label ? `<div class="note">${escapeHtml(box.image.label)}</div>` : '';
    const image = box.image ? `<div class="embed-image">${imageHtml(box.image)}</div>` : '';
    return `<div class="embed"><div class="embed-body">${title}${text}${label}</div>${image}</div>`;
  });
  // A title with no embed to carry it (an empty document) still shows, as Discord would need an embed for it.
  if (message.boxes.length === 0 && message.title) {
    embeds.push(
      `<div class="embed"><div class="embed-body"><div class="embed-title">${escapeHtml(message.title)}</div></div></div>`,
    );
  }
  const chars =
    message.boxes.reduce((n, b) => n + discordLayoutLimits.measure(b), 0) +
    (message.title ? discordTitle(message.title).length : 0);
  const images = message.boxes.filter((b) => b.image).length;
  const stats =
    `message ${index + 1} of ${total} · ${message.boxes.length}/${DISCORD_MAX_EMBEDS} embeds · ` +
    `${count(chars)}/${count(DISCORD_MAX_EMBED_TOTAL)} characters · ${images}/${DISCORD_MAX_ATTACHMENTS} attachments`;
  return `<div class="msg${index > 0 ? ' cont' : ''}">
  ${index === 0 ? '<div class="avatar">Q</div>' : '<div class="gutter"></div>'}
  <div class="msg-main">
    ${index === 0 ? '<div class="msg-head"><span class="name">quizbot</span><span class="app">APP</span><span class="time">Today at 09:00</span></div>' : ''}
    ${embeds.join('\n    ')}
    ${buttonsHtml(
      message.buttons.map((b) => b.action),
      'buttons',
    )}
    <div class="stats">${stats}</div>
  </div>
</div>`;
}
