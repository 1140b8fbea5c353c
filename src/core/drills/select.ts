/**
 * Which cards a delivery sends: due reviews first (earliest due day first), then new cards — those
 * introduced before and still unrated, then fresh ones from the eligible questions, each in the
 * person's own order — so that at most `perDay` cards are introduced per local day.
 */
import { hash } from '../quiz/rotation.js';
import type { CardState } from './types.js';

/** Reviews beyond this wait for the next session, so one DM never holds an unbounded pile. */
export const MAX_REVIEWS_PER_SESSION = 100;

export interface Selection {
  /** Session order: reviews, then carried new cards, then fresh ones. */
  order: string[];
  reviews: number;
  /** New cards in the session (carried + fresh). */
  fresh: number;
  /** Question ids introduced by this delivery. */
  introduce: string[];
}

export interface SelectInput {
  player: string;
  /** The local day of the delivery. */
  day: string;
  perDay: number;
  /** The person's cards. */
  cards: readonly CardState[];
  /** Complete questions matching the drill's tags, in any order. */
  eligible: readonly string[];
  /** Whether a question still exists in the bank (cards of removed questions are skipped). */
  exists: (questionId: string) => boolean;
}

/** Picks a session's cards; deterministic for the same input. */
export function selectCards(input: SelectInput): Selection {
  const { day } = input;
  const known = input.cards.filter((c) => input.exists(c.questionId));
  const reviews = known
    .filter((c) => c.fsrs.state !== 'New' && c.dueDay <= day)
    .sort(
      (a, b) =>
        cmp(a.dueDay, b.dueDay) || cmp(a.fsrs.due, b.fsrs.due) || cmp(a.questionId, b.questionId),
    )
    .slice(0, MAX_REVIEWS_PER_SESSION);
  const carried = known
    .filter((c) => c.fsrs.state === 'New')
    .sort(
      (a, b) =>
        cmp(a.introducedOn, b.introducedOn) ||
        freshKey(input.player, a.questionId) - freshKey(input.player, b.questionId) ||
        cmp(a.questionId, b.questionId),
    );
  const introducedToday = known.filter((c) => c.introducedOn === day).length;
  const carriedEarlier = carried.filter((c) => c.introducedOn < day).length;
  const quota = Math.max(0, input.perDay - introducedToday - carriedEarlier);
  const have = new Set(input.cards.map((c) => c.questionId));
  const introduce = freshOrder(
    input.player,
    input.eligible.filter((id) => !have.has(id)),
  ).slice(0, quota);
  return {
    order: [...reviews, ...carried].map((c) => c.questionId).concat(introduce),
    reviews: reviews.length,
    fresh: carried.length + introduce.length,
    introduce,
  };
}

/**
 * A person's own order of new questions: by a hash of player and id, so it differs between people
 * and does not move when questions are added to or removed from the bank.
 */
function freshOrder(player: string, ids: readonly string[]): string[] {
  const keyed = ids.map((id) => ({ id, key: freshKey(player, id) }));
  return keyed.sort((a, b) => a.key - b.key || cmp(a.id, b.id)).map((k) => k.id);
}

const freshKey = (player: string, id: string): number => hash(`${player}#${id}`);

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
