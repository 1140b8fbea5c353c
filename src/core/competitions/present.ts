/** Competition state → the views adapters show. Pure, apart from reading answers from the store. */
import { grade } from '../items/grade.js';
import type { Item } from '../items/model.js';
import type { Competition, RoundAnswer, Standing } from './model.js';
import type { CompetitionStore } from './ports.js';
import { fastestCorrect, standingsOf } from './scoring.js';
import type {
  CompeteButton,
  CompetitionResultView,
  CompetitionRoundView,
  RoundNumber,
  RoundPrompt,
} from './views.js';

/** How many of a round's fastest correct answers its result names. */
export const FASTEST_SHOWN = 3;
/** How many lines of standings a round result and `compete status` show. */
export const STANDINGS_SHOWN = 10;

/** A round's 1-based number and the competition's round count. */
export const roundNumber = (c: Competition, round: number): RoundNumber => ({
  number: round + 1,
  of: c.items.length,
});

/** The item without its answer. */
export function roundPrompt(item: Item): RoundPrompt {
  return {
    kind: item.kind,
    prompt: item.prompt,
    options: item.kind === 'numeric' ? [] : item.options.map((o) => ({ ...o })),
    multiple: item.kind === 'choice' && item.answer.length > 1,
    unit: item.kind === 'numeric' ? item.unit : null,
  };
}

/**
 * One button per option when one click answers (single-answer choice, cloze); an entry button
 * when the answer is typed (numeric, or a choice with several right options).
 */
export function buttonsFor(item: Item, competitionId: string, round: number): CompeteButton[] {
  const typed = item.kind === 'numeric' || (item.kind === 'choice' && item.answer.length > 1);
  if (typed) return [{ action: 'compete-entry', competitionId, round }];
  return item.options.map((o) => ({
    action: 'compete-answer',
    competitionId,
    round,
    optionId: o.id,
  }));
}

/** The message that opens a round: its item without the answer, and its buttons. */
export function roundView(c: Competition, round: number): CompetitionRoundView {
  const item = c.items[round]!;
  return {
    kind: 'competition-round',
    competitionId: c.id,
    round: roundNumber(c, round),
    item: roundPrompt(item),
    seconds: c.secondsPerRound,
    buttons: buttonsFor(item, c.id, round),
  };
}

/** The message that closes a round: the answer, the fastest right answers, the standings. */
export function resultView(
  c: Competition,
  round: number,
  answers: readonly RoundAnswer[],
  standings: readonly Standing[],
  next: { round: number; opensAt: string } | null,
): CompetitionResultView {
  const item = c.items[round]!;
  // Grading the right answer against itself is how the grader spells it for people.
  const expected = grade(item, { optionIds: [] }).expected;
  const right =
    item.kind === 'choice'
      ? new Set(item.answer)
      : item.kind === 'cloze'
        ? new Set([item.answerOption])
        : new Set<string>();
  return {
    kind: 'competition-result',
    competitionId: c.id,
    round: roundNumber(c, round),
    prompt: item.prompt,
    expected,
    expectedOptions: item.kind === 'numeric' ? [] : item.options.filter((o) => right.has(o.id)),
    explanation: item.explanation,
    answered: answers.length,
    correct: answers.filter((a) => a.correct).length,
    fastest: fastestCorrect(answers, FASTEST_SHOWN).map(({ player, name, elapsedMs, points }) => ({
      player,
      name,
      elapsedMs,
      points,
    })),
    standings: standings.slice(0, STANDINGS_SHOWN),
    next: next && { number: next.round + 1, opensAt: next.opensAt },
  };
}

/** Standings over the rounds that closed (answers of an open round do not count yet). */
export async function closedStandings(
  store: CompetitionStore,
  c: Competition,
): Promise<{ standings: Standing[]; played: number }> {
  const closed = c.rounds.flatMap((r, i) => (r.closed ? [i] : []));
  const answers = await Promise.all(closed.map((i) => store.answers(c.id, i)));
  return { standings: standingsOf(answers), played: closed.length };
}
