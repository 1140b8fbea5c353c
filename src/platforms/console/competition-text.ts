/** Competition views as the console prints them: the round, its result, the standings. */
import type {
  CompeteButton,
  CompetitionResultView,
  CompetitionRoundView,
  CompetitionStandingsView,
  CompetitionView,
} from '../../core/competitions/views.js';
import { type CompeteWording, competeWordingFor } from '../../i18n/compete/index.js';
import type { Style } from './format.js';

export interface CompetitionTextContext {
  locale: Parameters<typeof competeWordingFor>[0];
  style: Style;
  zone: string;
}

export function competitionText(view: CompetitionView, ctx: CompetitionTextContext): string {
  const words = competeWordingFor(ctx.locale);
  switch (view.kind) {
    case 'competition-round':
      return roundText(view, words, ctx.style);
    case 'competition-result':
      return resultText(view, words, ctx);
    case 'competition-standings':
      return standingsText(view, words, ctx.style);
  }
}

/** What `/press` takes for a competition button: the option's letter, or `answer`. */
export const competeButtonName = (b: CompeteButton): string =>
  b.action === 'compete-answer' ? b.optionId : 'answer';

export const competeButtonLabel = (b: CompeteButton, words: CompeteWording): string =>
  b.action === 'compete-answer' ? b.optionId : words.entryButton;

function roundText(view: CompetitionRoundView, words: CompeteWording, style: Style): string {
  const { item } = view;
  const lines = [style.bold(words.roundHeader(view.round)), item.prompt];
  if (item.options.length) lines.push(...item.options.map((o) => `  ${o.id}) ${o.text}`));
  lines.push(view.buttons.map((b) => `[ ${competeButtonLabel(b, words)} ]`).join(' '));
  lines.push(style.dim(words.howToAnswer(item, view.seconds)));
  const press = view.buttons.some((b) => b.action === 'compete-entry')
    ? '/press answer <value>'
    : `/press ${view.buttons.map(competeButtonName).join('|')}`;
  lines.push(style.dim(press));
  return lines.join('\n');
}

function resultText(
  view: CompetitionResultView,
  words: CompeteWording,
  ctx: CompetitionTextContext,
): string {
  const { style } = ctx;
  const lines = [
    style.bold(words.resultHeader(view.round)),
    view.prompt,
    style.bold(words.expected(view.expected, view.expectedOptions)),
  ];
  if (view.explanation) lines.push(style.dim(view.explanation));
  lines.push(words.tally(view.answered, view.correct));
  if (view.fastest.length) {
    lines.push(words.fastestHeader);
    view.fastest.forEach((f, i) =>
      lines.push(`  ${words.fastLine(i + 1, f.name, f.elapsedMs, f.points)}`),
    );
  } else if (view.answered) lines.push(words.noneCorrect);
  if (view.standings.length) {
    lines.push(words.standingsSoFar);
    lines.push(...view.standings.map((s) => `  ${words.standingLine(s)}`));
  }
  lines.push(
    view.next ? words.next(view.next.number, view.next.opensAt, ctx.zone) : words.lastRound,
  );
  return lines.join('\n');
}

function standingsText(
  view: CompetitionStandingsView,
  words: CompeteWording,
  style: Style,
): string {
  const lines = [style.bold(words.standingsHeader(view))];
  if (view.standings.length === 0) lines.push(words.noPlayers);
  lines.push(...view.standings.map((s) => `  ${words.standingLine(s)}`));
  if (view.state === 'finished') lines.push(words.awarded(view.awarded));
  return lines.join('\n');
}
