/** Failures and notices: short sentences, sent as plain text (they read better than a card). */
import type { CommandFailure } from '../../../commands/reply.js';
import type { Wording } from '../../../i18n/index.js';
import { DISCORD_MAX_CONTENT, fitText } from '../limits.js';
import { escapeDiscord } from '../markdown.js';
import { buttonRows } from './components.js';
import { type DiscordMessage, textMessage } from './message.js';

/** Suggestions after an unknown question that get a button each. */
const MAX_SUGGESTION_BUTTONS = 5;

/** A failure's sentence; an unknown question also offers the closest ones as buttons. */
export function failureMessage(failure: CommandFailure, words: Wording): DiscordMessage {
  const message = textMessage(fitText(escapeDiscord(words.failure(failure)), DISCORD_MAX_CONTENT));
  if (failure.code !== 'unknown-question' || failure.suggestions.length === 0) return message;
  const shown = failure.suggestions.slice(0, MAX_SUGGESTION_BUTTONS);
  return {
    ...message,
    content: `${message.content}\n${words.didYouMean}`,
    components: buttonRows(
      shown.map((s) => ({ control: { action: 'show-answer', questionId: s.id }, label: s.label })),
    ),
  };
}

/** Plain text, escaped and cut to what a message's content holds. */
export const plainMessage = (text: string): DiscordMessage =>
  textMessage(fitText(escapeDiscord(text), DISCORD_MAX_CONTENT));
