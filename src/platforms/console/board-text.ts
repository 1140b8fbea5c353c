/** A leaderboard as terminal text, plus its card written beside it. */
import type { LeaderboardView } from '../../core/quiz/views.js';
import type { BoardCardRenderer } from '../../runtime/adapter.js';
import type { Style } from './format.js';
import type { ImageFolder } from './images.js';
import type { ConsoleWords } from './wording/index.js';
import { boardCardWords } from '../../i18n/board.js';

const MEDAL = ['🥇', '🥈', '🥉'];

export interface BoardTextOptions {
  words: ConsoleWords;
  style: Style;
  callerPlayer?: string;
  boardCard: BoardCardRenderer;
  images: ImageFolder;
  /** Card file name without extension. */
  cardName: string;
}

/** The board's lines and, last, where its PNG card was written. */
export async function boardText(view: LeaderboardView, options: BoardTextOptions): Promise<string> {
  const { words, style } = options;
  const title = words.boardTitle(view.period, view.final);
  const lines = [style.bold(`${title} · ${words.boardSubtitle(view)}`)];
  if (view.entries.length === 0) lines.push(words.emptyBoard);
  const width = Math.max(
    8,
    ...[...view.entries, view.caller].map((e) => (e ? columns(e.name) : 0)),
  );
  const row = (e: LeaderboardView['entries'][number]) => {
    const you = e.player === options.callerPlayer ? `  ← ${words.you}` : '';
    const medal = MEDAL[e.rank - 1] ?? '  ';
    const rank = `${e.rank}.`.padStart(4);
    return `${medal}${rank} ${padColumns(e.name, width)}  ${words.points(e.points).padStart(8)}${you}`;
  };
  lines.push(...view.entries.map(row));
  if (view.caller) lines.push('      ⋯', row(view.caller));
  const card = await options.boardCard(view, {
    labels: boardCardWords(words, view),
    callerPlayer: options.callerPlayer,
  });
  const path = await options.images.write(`${options.cardName}.png`, card.png);
  lines.push(style.dim(words.console.cardWritten(path)));
  return lines.join('\n');
}

/** Terminal columns: East Asian wide characters take two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(
      ch,
    )
      ? 2
      : 1;
  return n;
}

function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}
