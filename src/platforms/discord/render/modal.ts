/** The modal that takes a typed answer to a competition round (numbers, terms, option letters). */
import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { encodeControl } from '../custom-id.js';
import { DISCORD_MAX_INPUT_LABEL, DISCORD_MAX_MODAL_TITLE, fitText } from '../limits.js';
import type { DiscordWords } from '../wording.js';

/** The text input's id inside the modal. */
export const ENTRY_FIELD = 'value';
/** Longest typed answer accepted. */
const MAX_ENTRY = 200;

export function entryModal(
  target: { competitionId: string; round: number },
  words: DiscordWords,
): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(encodeControl({ action: 'compete-entry', ...target }))
    .setTitle(fitText(words.entryTitle, DISCORD_MAX_MODAL_TITLE))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(fitText(words.entryLabel, DISCORD_MAX_INPUT_LABEL))
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(ENTRY_FIELD)
            .setStyle(TextInputStyle.Short)
            .setPlaceholder(words.entryPlaceholder)
            .setRequired(true)
            .setMaxLength(MAX_ENTRY),
        ),
    );
}
