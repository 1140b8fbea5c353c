import type { CommandFailure, OptionExpectation } from '../commands/reply.js';
import type { PeriodKind, Rating } from '../core/quiz/types.js';
import type { Notice } from '../core/quiz/views.js';
import { formatMinutes, formatWhen } from './time.js';
import type { Wording } from './types.js';

const RATING: Record<Rating, string> = {
  knew: 'I knew it',
  partly: 'Partly',
  missed: "I didn't know",
};
const PERIOD: Record<PeriodKind, string> = { week: 'Weekly', month: 'Monthly', all: 'All-time' };
const SET_EXAMPLE = '/quiz daily set time:09:30 timezone:Asia/Shanghai';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const when = (iso: string, zone: string) => formatWhen(iso, zone, 'en');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const points = (n: number) => `${signed(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;

function expected(e: OptionExpectation): string {
  switch (e.type) {
    case 'text':
      return 'some text';
    case 'integer':
      return e.min !== undefined && e.max !== undefined
        ? `a whole number from ${e.min} to ${e.max}`
        : 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'user':
      return 'a person';
    case 'choice':
      return `one of ${e.choices.join(', ')}`;
  }
}

function failure(f: CommandFailure): string {
  switch (f.code) {
    case 'not-admin':
      return 'Only an admin can do that here.';
    case 'bad-time':
      return `"${f.value}" is not a time of day; use 24-hour HH:MM, such as 09:30 or 18:00.`;
    case 'bad-timezone':
      return `"${f.value}" is not a time zone; use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC.`;
    case 'unknown-tags':
      return `No questions are tagged ${f.tags.join(', ')}. Tags in the bank: ${f.known.join(', ')}.`;
    case 'bad-reveal-after':
      return `The answer must come 1 minute to 23 hours after the question, not ${formatMinutes(f.value, 'en')}.`;
    case 'no-eligible-questions':
      return f.tags.length
        ? `No finished question has the tag ${f.tags.join(' or ')}; pick other tags.`
        : 'The bank has no finished questions to post.';
    case 'missing-permissions':
      return `The bot cannot post in this channel: it needs ${f.missing.join(', ')}. Grant that and try again.`;
    case 'no-daily':
      return `This channel has no daily question. An admin can start one: ${SET_EXAMPLE}`;
    case 'no-open-question':
      return 'There is no daily question to rate in this channel yet.';
    case 'already-revealed':
      return 'The answer is already out, so ratings for that question are closed.';
    case 'unknown-post':
      return "That is not one of this workspace's daily questions.";
    case 'already-posted':
      return 'A question is being posted here right now; try again in a minute.';
    case 'unknown-command':
      return `There is no /quiz ${f.path}; try /quiz help.`;
    case 'unknown-option':
      return `This command does not take "${f.option}"; it takes ${f.known.join(', ') || 'no options'}.`;
    case 'missing-option':
      return `This command needs ${f.option}.`;
    case 'bad-option':
      return `${f.option}: expected ${expected(f.expected)}, got "${f.value}".`;
    case 'bad-duration':
      return `${f.option}: "${f.value}" is not a duration; use 8h, 90m or 1h30m.`;
    case 'unknown-question':
      return `No question "${f.input}".`;
    case 'empty-query':
      return 'Type something to search for.';
    case 'no-hits':
      return `Nothing matches "${f.query}".`;
    case 'no-random':
      return f.tag === null
        ? 'The bank has no complete questions.'
        : `No complete question has tag "${f.tag}". Tags: ${f.known.join(', ')}`;
  }
}

function notice(n: Notice): string {
  switch (n.code) {
    case 'daily-set': {
      const tags = n.sub.tags.length ? `tags ${n.sub.tags.join(', ')}` : 'all tags';
      return (
        `Daily question on: every day at ${n.sub.time} (${n.sub.timezone}), ${tags}, ` +
        `answer ${formatMinutes(n.sub.revealAfterMinutes, 'en')} later. Next: ${when(n.next, n.sub.timezone)}.`
      );
    }
    case 'daily-off':
      return n.existed
        ? 'The daily question in this channel is off.'
        : 'There was no daily question in this channel; nothing changed.';
    case 'daily-status': {
      if (!n.sub)
        return `No daily question in this channel. An admin can start one: ${SET_EXAMPLE}`;
      const { sub } = n;
      const tags = sub.tags.length ? sub.tags.join(', ') : 'all tags';
      const state = sub.paused
        ? `Paused since ${when(sub.paused.at, sub.timezone)}: ${sub.paused.reason}. Run daily set again to resume.`
        : `Next: ${n.next ? when(n.next, sub.timezone) : '—'}.`;
      return [
        `Daily question: every day at ${sub.time} (${sub.timezone}) · ${tags} · answer after ${formatMinutes(sub.revealAfterMinutes, 'en')}.`,
        `${state} ${plural(n.posted, 'question')} posted in this round of the bank.`,
      ].join('\n');
    }
    case 'daily-posted':
      return `Posted ${n.questionId} in this channel.`;
    case 'daily-paused':
      return `The daily question in ${n.channel} is paused: ${n.reason}. Run /quiz daily set there again once the bot can post.`;
    case 'rated': {
      const streak = `Streak: ${plural(n.streak.current, 'day')}.`;
      if (n.previous === n.rating)
        return `You already rated this "${RATING[n.rating]}"; nothing changed.`;
      if (n.previous)
        return `Changed from "${RATING[n.previous]}" to "${RATING[n.rating]}" (${points(n.delta)}). ${streak}`;
      return `Rated "${RATING[n.rating]}" (${points(n.delta)}). ${streak}`;
    }
    case 'stats': {
      const rank = (p: PeriodKind) => (n.ranks[p] ? ` (#${n.ranks[p]})` : '');
      return [
        `${n.name}: this week ${n.points.week}${rank('week')} · this month ${n.points.month}${rank('month')} · all time ${n.points.all}${rank('all')} points`,
        `Streak ${plural(n.streak.current, 'day')} (best ${n.streak.best}) · knew ${n.ratings.knew} · partly ${n.ratings.partly} · didn't know ${n.ratings.missed}`,
      ].join('\n');
    }
  }
}

/** English, the default. */
export const en: Wording = {
  locale: 'en',
  failure,
  didYouMean: 'Did you mean:',
  notice,
  rating: (r) => RATING[r],
  button: (a) => (a === 'reveal' ? 'Show answer' : RATING[a]),
  boardTitle: (p, final) => `${PERIOD[p]} leaderboard${final ? ' — final' : ''}`,
  boardSubtitle: (v) =>
    `${v.period === 'all' ? 'All time' : v.periodKey} · ${plural(v.players, 'player')}`,
  points: (n) => `${n} ${n === 1 ? 'pt' : 'pts'}`,
  streak: (s) => `${plural(s.current, 'day')} (best ${s.best})`,
  you: 'you',
  emptyBoard: "No points yet — rate today's question to get on the board.",
  finalBadge: 'FINAL',
  dailyHeader: (day) => `Daily question · ${day}`,
  hint: (text) => `Hint: ${text}`,
  answerAt: (at) => `The answer comes ${at}. Discuss in the thread.`,
  revealHeader: 'Answer',
  recap: (r) =>
    r.tried === 0
      ? 'Nobody rated this one.'
      : `${plural(r.tried, 'person', 'people')} tried: ${RATING.knew} ${r.byRating.knew} · ${RATING.partly} ${r.byRating.partly} · ${RATING.missed} ${r.byRating.missed}`,
  peekHeader: (id) => `Only you can see this — the answer to ${id}:`,
};
