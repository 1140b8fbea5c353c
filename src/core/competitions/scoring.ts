/**
 * How a competition scores. A correct answer earns 1000 points when it arrives the instant the
 * round opens, falling linearly to 500 at the deadline; a wrong answer earns 0. Time is measured
 * on the server, from when the round's message went out to when the answer reached the bot.
 *
 * The workspace's boards get `round(total / 250)` points per player, so a correct answer is worth
 * 2 to 4 board points, next to the daily question's 1 to 3.
 */
import type { RoundAnswer, Standing } from './model.js';

export const MAX_POINTS = 1000;
export const MIN_CORRECT_POINTS = 500;
export const BOARD_POINTS_DIVISOR = 250;

/** Points for one answer: 0 when wrong, 1000 → 500 linearly over the round when right. */
export function roundPoints(correct: boolean, elapsedMs: number, roundMs: number): number {
  if (!correct) return 0;
  const share = Math.min(Math.max(elapsedMs, 0), roundMs) / roundMs;
  return Math.round(MAX_POINTS - (MAX_POINTS - MIN_CORRECT_POINTS) * share);
}

/** What a competition total adds to the workspace's weekly, monthly and all-time boards. */
export function boardPoints(total: number): number {
  return Math.round(total / BOARD_POINTS_DIVISOR);
}

/**
 * Standings over any number of rounds' answers: most points first; equal points share a rank and
 * are listed by player key, so the order never depends on storage order.
 */
export function standingsOf(rounds: readonly (readonly RoundAnswer[])[]): Standing[] {
  const byPlayer = new Map<string, Omit<Standing, 'rank'>>();
  for (const answers of rounds) {
    for (const a of answers) {
      const line = byPlayer.get(a.player) ?? {
        player: a.player,
        name: a.name,
        points: 0,
        correct: 0,
        answered: 0,
      };
      line.name = a.name;
      line.points += a.points;
      line.correct += a.correct ? 1 : 0;
      line.answered += 1;
      byPlayer.set(a.player, line);
    }
  }
  const sorted = [...byPlayer.values()].sort(
    (a, b) => b.points - a.points || (a.player < b.player ? -1 : a.player > b.player ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((line, i) => {
    if (i === 0 || sorted[i - 1]!.points !== line.points) rank = i + 1;
    return { rank, ...line };
  });
}

/** The round's fastest correct answers, fastest first (ties by player key). */
export function fastestCorrect(answers: readonly RoundAnswer[], n: number): RoundAnswer[] {
  return answers
    .filter((a) => a.correct)
    .sort(
      (a, b) =>
        a.elapsedMs - b.elapsedMs || (a.player < b.player ? -1 : a.player > b.player ? 1 : 0),
    )
    .slice(0, n);
}
