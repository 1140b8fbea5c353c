/**
 * The shared command layer's reply models as Discord messages, in the asker's language. Looked-up
 * questions show the question with a "Show answer" button, so whoever reads it (the asker, or the
 * channel for a public lookup) can think first; the click answers privately with the whole answer.
 */
import { ButtonStyle } from 'discord.js';
import { type Locale, quizCommand } from '../../../../commands/quiz.js';
import { helpText } from '../../../commands/help.js';
import type { CommandReply } from '../../../commands/reply.js';
import type { FormulaRenderer } from '../../../core/ports.js';
import { competeWordingFor } from '../../../i18n/compete/index.js';
import { drillWordingFor } from '../../../i18n/drill/index.js';
import { wordingFor } from '../../../i18n/index.js';
import type { BoardCardRenderer } from '../../../runtime/adapter.js';
import { DISCORD_MAX_EMBED_DESCRIPTION, DISCORD_MAX_EMBED_TITLE, fitText } from '../limits.js';
import { escapeDiscord } from '../markdown.js';
import { discordWordsFor } from '../wording.js';
import { questionMessages } from './document.js';
import { drillMessages } from './drill.js';
import { leaderboardMessage } from './leaderboard.js';
import { COLOR, type DiscordMessage, NO_MENTIONS } from './message.js';
import { searchMessage } from './search.js';
import { failureMessage, plainMessage } from './text.js';

export interface ReplyContext {
  locale: Locale;
  /** The workspace's time zone, for competition notices that name a time. */
  zone(): Promise<string>;
  formulas: FormulaRenderer;
  boardCard: BoardCardRenderer;
  /** The reply answers a "Show answer" click: show the answer rather than offer it again. */
  answering: boolean;
}

/** Every reply but a request for a typed entry, which is answered with a modal (`modal.ts`). */
export type MessageReply = Exclude<CommandReply, { kind: 'compete-entry' }>;

/** The reply's messages, in order; there is always at least one. */
export async function replyMessages(
  reply: MessageReply,
  ctx: ReplyContext,
): Promise<DiscordMessage[]> {
  const words = wordingFor(ctx.locale);
  switch (reply.kind) {
    case 'question':
      return ctx.answering
        ? questionMessages(reply.question, {
            withAnswer: true,
            formulas: ctx.formulas,
            color: COLOR.answer,
          })
        : questionMessages(reply.question, {
            withAnswer: false,
            formulas: ctx.formulas,
            color: COLOR.question,
            buttons: [
              {
                control: { action: 'show-answer', questionId: reply.question.id },
                label: words.button('reveal'),
                style: ButtonStyle.Primary,
              },
            ],
          });
    case 'daily-answer':
      return questionMessages(reply.question, {
        withAnswer: true,
        formulas: ctx.formulas,
        color: COLOR.answer,
        content: escapeDiscord(words.peekHeader(reply.question.id)),
      });
    case 'search':
      return [
        searchMessage(reply.query, reply.hits, {
          shared: words,
          discord: discordWordsFor(ctx.locale),
        }),
      ];
    case 'help':
      return [helpMessage(reply.locale, reply.isAdmin)];
    case 'notice':
      return [plainMessage(words.notice(reply.notice))];
    case 'stats':
      return [plainMessage(words.notice(reply.stats))];
    case 'leaderboard':
      return [
        await leaderboardMessage(reply.view, {
          words,
          boardCard: ctx.boardCard,
          viewer: reply.viewer,
        }),
      ];
    case 'failure':
      return [failureMessage(reply.failure, words)];
    case 'compete-notice': {
      const compete = competeWordingFor(ctx.locale);
      return [plainMessage(compete.notice(reply.notice, await ctx.zone()))];
    }
    case 'compete-failure':
      return [plainMessage(competeWordingFor(ctx.locale).failure(reply.failure))];
    case 'drill-notice':
      return [plainMessage(drillWordingFor(ctx.locale).notice(reply.notice, await ctx.zone()))];
    case 'drill-failure':
      return [plainMessage(drillWordingFor(ctx.locale).failure(reply.failure))];
    case 'drill-view':
      return drillMessages(reply.view, ctx, reply.rated);
  }
}

function helpMessage(locale: Locale, isAdmin: boolean): DiscordMessage {
  const [title = '', ...rest] = helpText(quizCommand, locale, { isAdmin }).split('\n');
  // Option lines keep their indent: Discord collapses leading spaces, not em spaces.
  const body = escapeDiscord(rest.join('\n').trim()).replace(/^ {4}/gm, '\u2003\u2003');
  return {
    embeds: [
      {
        color: COLOR.info,
        // Embed titles show text as it is: no markup to escape.
        title: fitText(title, DISCORD_MAX_EMBED_TITLE),
        description: fitText(body, DISCORD_MAX_EMBED_DESCRIPTION),
      },
    ],
    files: [],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}
