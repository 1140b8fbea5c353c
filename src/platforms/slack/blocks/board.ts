/**
 * A leaderboard: its lines as text (searchable, readable by screen readers) and the card image
 * under them. The asker's own line is marked; names are shown, never mentions, so a board
 * posted in a channel pings nobody.
 */
import type { LeaderboardView } from '../../../core/quiz/views.js';
import type { BoardCardRenderer } from '../../../runtime/adapter.js';
import type { ImageUploader } from '../images.js';
import { escapeSlack } from '../mrkdwn.js';
import type { SlackWords } from '../wording/index.js';
import { type Block, type SlackMessage, context, header, image, section } from './kit.js';
import { boardCardWords } from '../../../i18n/board.js';

const MEDAL = [':first_place_medal:', ':second_place_medal:', ':third_place_medal:'];

export interface BoardContext {
  words: SlackWords;
  boardCard: BoardCardRenderer;
  images: ImageUploader;
}

/** The board as one message; `viewer` marks the asker's line. */
export async function boardMessage(
  view: LeaderboardView,
  ctx: BoardContext,
  viewer?: string,
): Promise<SlackMessage> {
  const title = ctx.words.boardTitle(view.period, view.final);
  const blocks: Block[] = [header(title), context(escapeSlack(ctx.words.boardSubtitle(view)))];
  blocks.push(...boardLines(view, ctx.words, viewer));
  const card = await cardBlock(view, ctx, viewer);
  if (card) blocks.push(card);
  return { text: title, blocks };
}

/** The board's lines as blocks (App Home uses them without the card). */
export function boardLines(view: LeaderboardView, words: SlackWords, viewer?: string): Block[] {
  if (view.entries.length === 0) return [section(escapeSlack(words.emptyBoard))];
  const row = (e: LeaderboardView['entries'][number]) => {
    const you = e.player === viewer ? `  ← _${escapeSlack(words.you)}_` : '';
    const rank = MEDAL[e.rank - 1] ?? `${e.rank}.`;
    return `${rank} ${escapeSlack(e.name)} · *${escapeSlack(words.points(e.points))}*${you}`;
  };
  const lines = view.entries.map(row);
  if (view.caller) lines.push('⋯', row(view.caller));
  return [section(lines.join('\n'))];
}

async function cardBlock(
  view: LeaderboardView,
  ctx: BoardContext,
  viewer?: string,
): Promise<Block | null> {
  const { words } = ctx;
  const card = await ctx.boardCard(view, {
    labels: boardCardWords(words, view),
    callerPlayer: viewer,
  });
  const name = `leaderboard-${view.period}-${view.periodKey}.png`;
  const alt = words.boardTitle(view.period, view.final);
  const [id] = await ctx.images.upload([{ name, png: card.png, alt }]);
  return id ? image(id, alt) : null;
}
