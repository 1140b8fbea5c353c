/** A leaderboard as one embed: ranked lines for reading and copying, the drawn card under them. */
import type { BoardEntry } from '../../../core/quiz/types.js';
import type { LeaderboardView } from '../../../core/quiz/views.js';
import type { Wording } from '../../../i18n/index.js';
import type { BoardCardRenderer } from '../../../runtime/adapter.js';
import { escapeDiscord } from '../markdown.js';
import { COLOR, type DiscordMessage, NO_MENTIONS } from './message.js';
import { boardCardWords } from '../../../i18n/board.js';

const MEDAL = ['🥇', '🥈', '🥉'];
const CARD = 'leaderboard.png';

export interface BoardContext {
  words: Wording;
  boardCard: BoardCardRenderer;
  /** The asker's player key, marked on their line and the card. */
  viewer?: string;
}

export async function leaderboardMessage(
  view: LeaderboardView,
  ctx: BoardContext,
): Promise<DiscordMessage> {
  const { words } = ctx;
  const line = (e: BoardEntry) => {
    const you = e.player === ctx.viewer ? `  ← ${words.you}` : '';
    return `${MEDAL[e.rank - 1] ?? '▫️'} **${e.rank}.** ${escapeDiscord(e.name)} — ${words.points(e.points)}${you}`;
  };
  const lines = view.entries.length ? view.entries.map(line) : [words.emptyBoard];
  if (view.caller) lines.push('⋯', line(view.caller));
  const card = await ctx.boardCard(view, {
    labels: boardCardWords(words, view),
    ...(ctx.viewer ? { callerPlayer: ctx.viewer } : {}),
  });
  return {
    embeds: [
      {
        color: COLOR.board,
        title: words.boardTitle(view.period, view.final),
        description: lines.join('\n'),
        footer: { text: words.boardSubtitle(view) },
        image: { url: `attachment://${CARD}` },
      },
    ],
    files: [
      {
        attachment: Buffer.from(card.png),
        name: CARD,
        description: `${words.boardTitle(view.period, view.final)} · ${words.boardSubtitle(view)}`,
      },
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}
