/**
 * The shared command layer's replies as Slack messages, in the asker's language. Who sees them
 * (`visibilityOf`) is decided by the command layer; this only draws them.
 */
import type { CommandFailure, CommandReply } from '../../../commands/reply.js';
import type { SearchHit } from '../../../core/search/index.js';
import type { Span } from '../../../core/views/document.js';
import type { BoardCardRenderer } from '../../../runtime/adapter.js';
import type { FormulaRenderer } from '../../../core/ports.js';
import type { ImageUploader } from '../images.js';
import { escapeSlack, slackSpans } from '../mrkdwn.js';
import type { SlackWords } from '../wording/index.js';
import { boardMessage } from './board.js';
import { drillMessages } from './drill.js';
import { helpMessage } from './help.js';
import { type Block, type SlackMessage, button, context, section, sections } from './kit.js';
import { lookupMessages, peekMessages } from './question.js';

export interface ReplyContext {
  words: SlackWords;
  renderer: FormulaRenderer;
  boardCard: BoardCardRenderer;
  images: ImageUploader;
  /** The workspace's time zone, for times a notice states. */
  zone: string;
}

export async function replyMessages(
  reply: CommandReply,
  ctx: ReplyContext,
): Promise<SlackMessage[]> {
  const { words } = ctx;
  switch (reply.kind) {
    case 'question':
      return lookupMessages(reply.question, ctx);
    case 'daily-answer':
      return peekMessages(reply.question, ctx);
    case 'search':
      return [searchMessage(reply.query, reply.hits, words)];
    case 'help':
      return [helpMessage(reply.locale, reply.isAdmin)];
    case 'notice':
      return [textMessage(words.notice(reply.notice))];
    case 'stats':
      return [textMessage(words.notice(reply.stats))];
    case 'leaderboard':
      return [await boardMessage(reply.view, ctx, reply.viewer)];
    case 'failure':
      return [failureMessage(reply.failure, words)];
    case 'compete-notice':
      return [textMessage(words.compete.notice(reply.notice, ctx.zone))];
    case 'compete-failure':
      return [textMessage(words.compete.failure(reply.failure))];
    case 'compete-entry':
      // Not a message: the listener opens the answer modal for it (it needs the click's trigger).
      return [];
    case 'drill-notice':
      return [textMessage(words.drill.notice(reply.notice, ctx.zone))];
    case 'drill-failure':
      return [textMessage(words.drill.failure(reply.failure))];
    case 'drill-view':
      return drillMessages(
        reply.view,
        ctx,
        reply.rated ? [context(escapeSlack(words.drill.rated(reply.rated)))] : [],
      );
  }
}

/** A plain sentence (or a few lines) as a message. */
export function textMessage(text: string): SlackMessage {
  return { text, blocks: sections(escapeSlack(text)) };
}

/** A failure's sentence; an unknown question lists the closest ones with a button each. */
export function failureMessage(failure: CommandFailure, words: SlackWords): SlackMessage {
  const text = words.failure(failure);
  if (failure.code !== 'unknown-question' || failure.suggestions.length === 0)
    return textMessage(text);
  const blocks: Block[] = [section(`${escapeSlack(text)} ${escapeSlack(words.didYouMean)}`)];
  failure.suggestions.slice(0, 5).forEach((s, n) =>
    blocks.push({
      ...section(escapeSlack(s.label)),
      accessory: button(words.slack.showButton, { action: 'show-answer', questionId: s.id }, n),
    }),
  );
  return { text, blocks };
}

function searchMessage(query: string, hits: readonly SearchHit[], words: SlackWords): SlackMessage {
  const blocks: Block[] = hits.map((hit, n) => ({
    ...section(`*${escapeSlack(`${hit.id} · ${hit.title}`)}*\n${highlighted(hit)}`),
    accessory: button(words.slack.showButton, { action: 'show-answer', questionId: hit.id }, n),
  }));
  return { text: `${query}: ${hits.map((h) => h.id).join(', ')}`, blocks };
}

/** The excerpt with its matched terms in bold. */
function highlighted(hit: SearchHit): string {
  const { text, highlights } = hit.excerpt;
  const spans: Span[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start > at) spans.push({ text: text.slice(at, start) });
    spans.push({ text: text.slice(start, end), bold: true });
    at = end;
  }
  if (at < text.length) spans.push({ text: text.slice(at) });
  return slackSpans(spans);
}
