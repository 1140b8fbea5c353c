/**
 * Autocomplete on the option being typed: the spec names its kind (question, tag, time zone) and
 * the shared layer finds the choices; here they are fitted to Discord's limits. A value too long
 * to send whole is left out rather than cut (a cut value would name something else).
 */
import type { AutocompleteInteraction } from 'discord.js';
import { quizCommand } from '../../../../commands/quiz.js';
import { autocompleteChoices } from '../../../commands/autocomplete.js';
import { leafAt } from '../../../commands/spec.js';
import {
  DISCORD_MAX_CHOICE_NAME,
  DISCORD_MAX_CHOICE_VALUE,
  DISCORD_MAX_CHOICES,
  fitText,
} from '../limits.js';
import type { InteractionEnv } from './env.js';
import { pathOf } from './options.js';

export async function onAutocomplete(
  interaction: AutocompleteInteraction,
  env: InteractionEnv,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const leaf = leafAt(quizCommand, pathOf(interaction));
  const kind = leaf?.spec.options.find((o) => o.name === focused.name)?.autocomplete;
  const choices = kind
    ? autocompleteChoices(env.services.catalog, kind, String(focused.value), DISCORD_MAX_CHOICES)
    : [];
  await interaction.respond(
    choices
      .filter((c) => c.value.length <= DISCORD_MAX_CHOICE_VALUE)
      .map((c) => ({ name: fitText(c.label, DISCORD_MAX_CHOICE_NAME), value: c.value })),
  );
}
