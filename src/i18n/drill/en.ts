import type { DrillReplyFailure } from '../../commands/reply.js';
import type { DrillRating } from '../../core/drills/types.js';
import type { DrillNotice } from '../../core/drills/views.js';
import { en as shared } from '../en.js';
import { formatWhen } from '../time.js';
import { formatDay, percent } from './format.js';
import type { DrillWording } from './types.js';

const RATING: Record<DrillRating, string> = {
  again: 'Again',
  hard: 'Hard',
  good: 'Good',
  easy: 'Easy',
};
const START = '/quiz drill start time:21:00 timezone:Asia/Shanghai';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (d: string) => formatDay(d, 'en');

function notice(n: DrillNotice, zone: string): string {
  switch (n.code) {
    case 'drill-started': {
      const tags = n.sub.tags.length ? `tags ${n.sub.tags.join(', ')}` : 'all tags';
      return (
        `Drill on: every day at ${n.sub.time} (${n.sub.timezone}), up to ` +
        `${plural(n.sub.perDay, 'new card')} a day from ${tags}. Your due cards come by direct ` +
        `message; the first at ${formatWhen(n.next, n.sub.timezone, 'en')}.`
      );
    }
    case 'drill-stopped':
      return n.existed
        ? 'Your daily drill here is off. Your cards and history are kept for when you start again.'
        : 'You had no daily drill here; nothing changed.';
    case 'drill-delivered':
      return `Sent you ${plural(n.cards, 'card')} by direct message.`;
    case 'drill-nothing-due':
      return n.nextDueDay
        ? `Nothing is due right now; your next card is due ${day(n.nextDueDay)}.`
        : 'Nothing is due, and your tags have no new cards left.';
    case 'drill-dm-refused':
      return (
        `Your drill could not reach you by direct message (${n.reason}, ` +
        `${formatWhen(n.at, zone, 'en')}). Allow direct messages from the bot, then /quiz drill now.`
      );
    case 'drill-stats': {
      const recall = n.recallRate === null ? 'no reviews yet' : `recall ${percent(n.recallRate)}`;
      return [
        `${n.name}'s drill${n.timezone ? ` (${n.timezone})` : ''}: streak ${plural(n.streak.current, 'day')} (best ${n.streak.best}).`,
        `Reviews: ${n.reviews.total} in all, ${n.reviews.last30Days} in the last 30 days · ${recall}.`,
        `Due today ${n.dueToday} · this week ${n.dueThisWeek} · ${plural(n.learned, 'card')} learned.`,
      ].join('\n');
    }
  }
}

function failure(f: DrillReplyFailure): string {
  switch (f.code) {
    case 'bad-time':
    case 'bad-timezone':
    case 'unknown-tags':
    case 'no-eligible-questions':
      return shared.failure(f);
    case 'bad-per-day':
      return `per-day is ${f.min} to ${f.max} new cards a day, not ${f.value}.`;
    case 'no-drill':
      return `You have no daily drill here. Start one: ${START}`;
    case 'dm-closed':
      return `The bot cannot send you direct messages (${f.reason}). Allow them, then try again.`;
    case 'no-session':
      return 'You have no drill session open; /quiz drill now starts one.';
    case 'not-in-session':
      return `${f.questionId} is not waiting in your current session (already rated, or from an earlier one).`;
    case 'unknown-question':
      return `${f.questionId} is no longer in the bank; it was skipped.`;
    case 'drills-unavailable':
      return 'Drills are not available on this bot right now.';
  }
}

/** English, the default. */
export const drillEn: DrillWording = {
  locale: 'en',
  notice,
  failure,
  sessionHeader: (v) => {
    const parts = [v.reviews ? plural(v.reviews, 'review') : '', v.fresh ? `${v.fresh} new` : ''];
    return `Drill · ${day(v.day)} — ${parts.filter(Boolean).join(', ')}`;
  },
  cardHeader: (p, isNew) => `Card ${p.index} of ${p.total}${isNew ? ' · new' : ''}`,
  answerHeader: (p) => `Card ${p.index} of ${p.total} · answer`,
  hint: (text) => `Hint: ${text}`,
  revealButton: 'Show answer',
  howWell: 'How well did you recall it?',
  rating: (r) => RATING[r],
  ratingButton: (r, days) => `${RATING[r]} · ${days}d`,
  days: (n) => plural(n, 'day'),
  rated: (r) =>
    `${RATING[r.rating]} — ${r.questionId} comes back in ${plural(r.intervalDays, 'day')}, on ${day(r.dueDay)}.`,
  summaryHeader: 'Session done',
  summary: (v) =>
    [
      `${plural(v.rated, 'card')} rated, ${v.again} Again.`,
      `Streak: ${plural(v.streak.current, 'day')} (best ${v.streak.best}).`,
      v.nextDueDay ? `Next card due ${day(v.nextDueDay)}.` : 'No cards due.',
    ].join(' '),
  day,
};
