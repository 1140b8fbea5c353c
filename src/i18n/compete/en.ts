import type { CompeteFailure, CompeteNotice } from '../../core/competitions/views.js';
import { formatClock, tenths } from './format.js';
import type { CompeteWording } from './types.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const START = '/quiz compete start';

function notice(n: CompeteNotice, zone: string): string {
  switch (n.code) {
    case 'compete-started':
      return (
        `Competition on: ${plural(n.rounds, 'round')} of ${n.secondsPerRound} s` +
        `${n.tags.length ? ` (${n.tags.join(', ')})` : ''}. ` +
        `Round 1 opens at ${formatClock(n.opensAt, zone, 'en')}.`
      );
    case 'compete-stopped':
      return `Competition stopped after ${plural(n.roundsPlayed, 'round')}; no points go to the boards.`;
    case 'compete-status': {
      const c = n.competition;
      if (!c) return `No competition in this channel. Start one: ${START}`;
      const at = c.at ? formatClock(c.at, zone, 'en') : '';
      const phase =
        c.phase === 'waiting'
          ? `opens at ${at}`
          : c.phase === 'open'
            ? `open until ${at}`
            : 'closing now';
      const top = c.standings.map((s) => `${s.rank}. ${s.name} ${s.points}`).join(' · ');
      return (
        `Competition by ${c.startedByName}: round ${c.round.number} of ${c.round.of} ${phase}` +
        ` (${c.secondsPerRound} s a round${c.tags.length ? `, ${c.tags.join(', ')}` : ''}).` +
        (top ? `\nStandings: ${top}` : '')
      );
    }
    case 'compete-answered':
      return `Answer locked in for round ${n.round.number}, ${tenths(n.elapsedMs)} s after it opened. The result comes when the round closes.`;
  }
}

function failure(f: CompeteFailure): string {
  switch (f.code) {
    case 'unknown-tags':
      return `No competition items are tagged ${f.tags.join(', ')}. Tags with items: ${f.known.join(', ')}.`;
    case 'missing-permissions':
      return `The bot cannot post in this channel: it needs ${f.missing.join(', ')}. Grant that and try again.`;
    case 'bad-rounds':
      return `A competition has ${f.min} to ${f.max} rounds, not ${f.value}.`;
    case 'bad-seconds':
      return `A round lasts ${f.min} to ${f.max} seconds, not ${f.value}.`;
    case 'not-enough-items':
      return (
        `Only ${plural(f.available, 'item')}${f.tags.length ? ` tagged ${f.tags.join(' or ')}` : ''} can be played; ` +
        (f.available ? `ask for ${f.available} rounds or fewer.` : 'pick other tags.')
      );
    case 'competition-running':
      return 'A competition is already running in this channel; see /quiz compete status.';
    case 'no-competition':
      return `No competition is running in this channel. Start one: ${START}`;
    case 'not-starter':
      return 'Only an admin or whoever started the competition can stop it.';
    case 'round-not-open':
      return 'The next round has not opened yet.';
    case 'round-closed':
      return 'Too late: this round is closed. Your answer was not counted.';
    case 'already-answered':
      return 'You already answered this round; only your first answer counts.';
    case 'unreadable-answer':
      return f.kind === 'numeric'
        ? 'That is not a number I can read; type just the number, e.g. 42 or 0.5.'
        : f.kind === 'choice'
          ? 'Answer with the option letters, e.g. b or a c.'
          : 'Type the missing term, or the letter of an option.';
  }
}

export const competeEn: CompeteWording = {
  locale: 'en',
  notice,
  failure,
  roundHeader: (r) => `Round ${r.number} of ${r.of}`,
  howToAnswer: (item, seconds) => {
    const how =
      item.kind === 'numeric'
        ? `type the number${item.unit ? ` (in ${item.unit})` : ''}`
        : item.multiple
          ? 'type every right letter'
          : item.kind === 'cloze'
            ? 'press an option or type the term'
            : 'press an option';
    return `${seconds} s to answer: ${how}. The first answer counts; faster scores more.`;
  },
  entryButton: 'Answer',
  entryHint: (command) => `Type your answer: ${command}`,
  resultHeader: (r) => `Round ${r.number} of ${r.of} · result`,
  expected: (expected, options) =>
    `Answer: ${options.length ? options.map((o) => `${o.id}) ${o.text}`).join('; ') : expected}`,
  tally: (answered, correct) =>
    answered === 0 ? 'Nobody answered.' : `${plural(answered, 'answer')}, ${correct} right.`,
  fastestHeader: 'Fastest right answers:',
  noneCorrect: 'Nobody got it right.',
  fastLine: (rank, name, ms, points) => `${rank}. ${name} · ${tenths(ms)} s · +${points}`,
  standingsSoFar: 'Standings:',
  next: (number, at, zone) => `Round ${number} opens at ${formatClock(at, zone, 'en')}.`,
  lastRound: 'That was the last round.',
  standingsHeader: (v) =>
    v.state === 'finished'
      ? `Final standings · ${plural(v.rounds, 'round')}`
      : `Competition stopped · standings after ${plural(v.roundsPlayed, 'round')} of ${v.rounds}`,
  standingLine: (s) => `${s.rank}. ${s.name} · ${s.points} pts · ${s.correct}/${s.answered} right`,
  noPlayers: 'Nobody answered.',
  awarded: (lines) =>
    lines.length === 0
      ? 'No board points this time.'
      : `Added to the boards: ${lines.map((l) => `${l.name} +${l.points}`).join(', ')}.`,
  seconds: (ms) => `${tenths(ms)} s`,
};
