/** Competition views as Slack messages: the round with its answer buttons, its result, the standings. */
import type {
  CompeteButton,
  CompetitionResultView,
  CompetitionRoundView,
  CompetitionStandingsView,
  CompetitionView,
} from '../../../core/competitions/views.js';
import { escapeSlack } from '../mrkdwn.js';
import type { SlackWords } from '../wording/index.js';
import {
  type Block,
  type SlackMessage,
  actions,
  button,
  context,
  header,
  sections,
} from './kit.js';

/** `zone` is the workspace's, for the times the wording states. */
export function competitionMessage(
  view: CompetitionView,
  words: SlackWords,
  zone: string,
): SlackMessage {
  switch (view.kind) {
    case 'competition-round':
      return roundMessage(view, words);
    case 'competition-result':
      return resultMessage(view, words, zone);
    case 'competition-standings':
      return standingsMessage(view, words);
  }
}

function roundMessage(view: CompetitionRoundView, words: SlackWords): SlackMessage {
  const { item } = view;
  const title = words.compete.roundHeader(view.round);
  const lines = [escapeSlack(item.prompt)];
  if (item.options.length) {
    lines.push('', ...item.options.map((o) => `*${escapeSlack(o.id)})* ${escapeSlack(o.text)}`));
  }
  const blocks: Block[] = [header(title), ...sections(lines.join('\n'))];
  if (view.buttons.length) {
    blocks.push(actions(view.buttons.map((b, n) => button(competeLabel(b, words), b, n))));
  }
  blocks.push(context(escapeSlack(words.compete.howToAnswer(item, view.seconds))));
  return { text: `${title}: ${item.prompt}`, blocks };
}

function competeLabel(b: CompeteButton, words: SlackWords): string {
  return b.action === 'compete-answer' ? b.optionId : words.compete.entryButton;
}

function resultMessage(view: CompetitionResultView, words: SlackWords, zone: string): SlackMessage {
  const w = words.compete;
  const title = w.resultHeader(view.round);
  const lines = [
    escapeSlack(view.prompt),
    '',
    `*${escapeSlack(w.expected(view.expected, view.expectedOptions))}*`,
  ];
  if (view.explanation) lines.push(`_${escapeSlack(view.explanation)}_`);
  lines.push('', escapeSlack(w.tally(view.answered, view.correct)));
  if (view.fastest.length) {
    lines.push(escapeSlack(w.fastestHeader));
    view.fastest.forEach((f, i) =>
      lines.push(escapeSlack(w.fastLine(i + 1, f.name, f.elapsedMs, f.points))),
    );
  } else if (view.answered) lines.push(escapeSlack(w.noneCorrect));
  if (view.standings.length) {
    lines.push('', `*${escapeSlack(w.standingsSoFar)}*`);
    lines.push(...view.standings.map((s) => escapeSlack(w.standingLine(s))));
  }
  const next = view.next ? w.next(view.next.number, view.next.opensAt, zone) : w.lastRound;
  return {
    text: title,
    blocks: [header(title), ...sections(lines.join('\n')), context(escapeSlack(next))],
  };
}

function standingsMessage(view: CompetitionStandingsView, words: SlackWords): SlackMessage {
  const w = words.compete;
  const title = w.standingsHeader(view);
  const lines = view.standings.length
    ? view.standings.map((s) => escapeSlack(w.standingLine(s)))
    : [escapeSlack(w.noPlayers)];
  const blocks: Block[] = [header(title), ...sections(lines.join('\n'))];
  if (view.state === 'finished') blocks.push(context(escapeSlack(w.awarded(view.awarded))));
  return { text: title, blocks };
}
