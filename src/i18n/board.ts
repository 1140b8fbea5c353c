import type { LeaderboardView } from '../core/quiz/views.js';
import type { Wording } from './types.js';

/** The words on a leaderboard card; the shape the card renderer takes as its labels. */
export interface BoardCardWords {
  title: string;
  subtitle: string;
  badge?: string;
  points(n: number): string;
  you: string;
  empty: string;
}

/** Every platform's card says the same things in the reader's language. */
export function boardCardWords(words: Wording, view: LeaderboardView): BoardCardWords {
  return {
    // The card says "final" with its badge, so its title leaves the word out.
    title: words.boardTitle(view.period, false),
    subtitle: words.boardSubtitle(view),
    ...(view.final ? { badge: words.finalBadge } : {}),
    points: words.points,
    you: words.you,
    empty: words.emptyBoard,
  };
}
