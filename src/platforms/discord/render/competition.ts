/**
 * Competition views: a round (its prompt, options and answer buttons, or one button that opens a
 * typed-answer modal), its result, and the standings. Times are shown in the workspace's zone,
 * which the publisher looks up.
 */
import { ButtonStyle } from 'discord.js';
import type {
  CompeteButton,
  CompetitionResultView,
  CompetitionRoundView,
  CompetitionStandingsView,
  CompetitionView,
} from '../../../core/competitions/views.js';
import type { CompeteWording } from '../../../i18n/compete/index.js';
import { DISCORD_MAX_EMBED_DESCRIPTION, DISCORD_MAX_EMBED_TITLE, fitText } from '../limits.js';
import { escapeDiscord } from '../markdown.js';
import { buttonRows, type ButtonSpec } from './components.js';
import { itemMarkdown } from './item-text.js';
import { COLOR, type DiscordMessage, NO_MENTIONS } from './message.js';

export interface CompetitionContext {
  words: CompeteWording;
  zone: string;
}

export function competitionMessage(view: CompetitionView, ctx: CompetitionContext): DiscordMessage {
  switch (view.kind) {
    case 'competition-round':
      return roundMessage(view, ctx.words);
    case 'competition-result':
      return card(ctx.words.resultHeader(view.round), resultLines(view, ctx), COLOR.answer);
    case 'competition-standings':
      return card(ctx.words.standingsHeader(view), standingsLines(view, ctx.words), COLOR.board);
  }
}

function roundMessage(view: CompetitionRoundView, words: CompeteWording): DiscordMessage {
  const { item } = view;
  const lines = [itemMarkdown(item.prompt)];
  if (item.options.length) {
    lines.push(
      '',
      ...item.options.map((o) => `**${escapeDiscord(o.id)})** ${itemMarkdown(o.text)}`),
    );
  }
  lines.push('', `-# ${escapeDiscord(words.howToAnswer(item, view.seconds))}`);
  return {
    ...card(words.roundHeader(view.round), lines, COLOR.question),
    components: buttonRows(view.buttons.map((b) => competeButton(b, words))),
  };
}

function competeButton(button: CompeteButton, words: CompeteWording): ButtonSpec {
  return button.action === 'compete-answer'
    ? { control: button, label: button.optionId, style: ButtonStyle.Primary }
    : { control: button, label: words.entryButton, style: ButtonStyle.Primary };
}

function resultLines(view: CompetitionResultView, { words, zone }: CompetitionContext): string[] {
  const lines = [
    itemMarkdown(view.prompt),
    `**${itemMarkdown(words.expected(view.expected, view.expectedOptions))}**`,
  ];
  if (view.explanation) lines.push(`-# ${itemMarkdown(view.explanation)}`);
  lines.push(escapeDiscord(words.tally(view.answered, view.correct)));
  if (view.fastest.length) {
    lines.push(`**${escapeDiscord(words.fastestHeader)}**`);
    view.fastest.forEach((f, i) =>
      lines.push(escapeDiscord(words.fastLine(i + 1, f.name, f.elapsedMs, f.points))),
    );
  } else if (view.answered) lines.push(escapeDiscord(words.noneCorrect));
  if (view.standings.length) {
    lines.push(`**${escapeDiscord(words.standingsSoFar)}**`);
    lines.push(...view.standings.map((s) => escapeDiscord(words.standingLine(s))));
  }
  lines.push(
    escapeDiscord(
      view.next ? words.next(view.next.number, view.next.opensAt, zone) : words.lastRound,
    ),
  );
  return lines;
}

function standingsLines(view: CompetitionStandingsView, words: CompeteWording): string[] {
  const lines = view.standings.length
    ? view.standings.map((s) => escapeDiscord(words.standingLine(s)))
    : [escapeDiscord(words.noPlayers)];
  if (view.state === 'finished') lines.push('', escapeDiscord(words.awarded(view.awarded)));
  return lines;
}

function card(title: string, lines: readonly string[], color: number): DiscordMessage {
  return {
    embeds: [
      {
        color,
        title: fitText(title, DISCORD_MAX_EMBED_TITLE),
        description: fitText(lines.join('\n'), DISCORD_MAX_EMBED_DESCRIPTION),
      },
    ],
    files: [],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}
