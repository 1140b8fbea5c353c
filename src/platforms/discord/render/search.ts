/** Search hits as one embed (title and excerpt per hit, matches in bold) with buttons to open them. */
import type { SearchHit } from '../../../core/search/index.js';
import type { Range } from '../../../core/search/snippet.js';
import type { Wording } from '../../../i18n/index.js';
import {
  DISCORD_MAX_BUTTONS_PER_ROW,
  DISCORD_MAX_EMBED_DESCRIPTION,
  DISCORD_MAX_EMBED_TITLE,
  fitText,
} from '../limits.js';
import { escapeDiscord } from '../markdown.js';
import type { DiscordWords } from '../wording.js';
import { buttonRows } from './components.js';
import { COLOR, type DiscordMessage, NO_MENTIONS } from './message.js';

export function searchMessage(
  query: string,
  hits: readonly SearchHit[],
  words: { shared: Wording; discord: DiscordWords },
): DiscordMessage {
  const blocks = hits.map(
    // The title is bold already, so its matches are underlined instead.
    (h) =>
      `**${escapeDiscord(h.id)} · ${marked(h.title, h.titleHighlights, '__')}**\n` +
      marked(h.excerpt.text, h.excerpt.highlights, '**'),
  );
  return {
    embeds: [
      {
        color: COLOR.info,
        title: fitText(words.discord.searchTitle(query, hits.length), DISCORD_MAX_EMBED_TITLE),
        description: fitText(blocks.join('\n\n'), DISCORD_MAX_EMBED_DESCRIPTION),
      },
    ],
    files: [],
    // One row of buttons for the top hits: each opens that question with its answer.
    components: buttonRows(
      hits.slice(0, DISCORD_MAX_BUTTONS_PER_ROW).map((h) => ({
        control: { action: 'show-answer', questionId: h.id },
        label: h.id,
      })),
    ),
    allowedMentions: NO_MENTIONS,
  };
}

/** Text with its matched ranges wrapped in `mark`; everything escaped. */
function marked(text: string, ranges: readonly Range[], mark: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    out +=
      escapeDiscord(text.slice(at, start)) +
      `${mark}${escapeDiscord(text.slice(start, end))}${mark}`;
    at = end;
  }
  return out + escapeDiscord(text.slice(at));
}
