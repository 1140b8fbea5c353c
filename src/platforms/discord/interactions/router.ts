/**
 * Every interaction the gateway delivers, to the one flow for its type. This is the single place
 * an unexpected failure lands: it is logged with what was being done, the person gets a private
 * apology, and the metrics count it as an error.
 */
import { type Interaction, type RepliableInteraction } from 'discord.js';
import { quizCommand } from '../../../../commands/quiz.js';
import type { CommandOutcome } from '../../../runtime/adapter.js';
import { decodeControl } from '../custom-id.js';
import { plainMessage } from '../render/text.js';
import { discordWordsFor } from '../wording.js';
import { localeFrom } from '../../../i18n/index.js';
import { onAutocomplete } from './autocomplete.js';
import { onButton } from './button.js';
import { onCommand } from './command.js';
import type { FlowOutcome, InteractionEnv } from './env.js';
import { onModalSubmit } from './modal.js';
import { pathOf } from './options.js';
import { apologise } from './respond.js';

export async function handleInteraction(
  interaction: Interaction,
  env: InteractionEnv,
): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (interaction.commandName !== quizCommand.name) return;
    await onAutocomplete(interaction, env).catch((error: unknown) =>
      env.log.warn({ err: String(error) }, 'autocomplete failed'),
    );
    return;
  }
  const flow = flowFor(interaction, env);
  if (!flow) return;
  const started = performance.now();
  let outcome: CommandOutcome;
  try {
    outcome = await flow.run();
  } catch (error) {
    outcome = 'error';
    env.log.error(
      { err: error instanceof Error ? error.stack : String(error), command: flow.label },
      'discord interaction failed',
    );
    const words = discordWordsFor(localeFrom(interaction.locale));
    await apologise(flow.interaction, plainMessage(words.unexpected)).catch(() => undefined);
  }
  env.services.commands.handled({
    command: flow.label,
    platform: 'discord',
    outcome,
    seconds: (performance.now() - started) / 1000,
  });
}

interface Flow {
  label: string;
  interaction: RepliableInteraction;
  run(): Promise<FlowOutcome>;
}

function flowFor(interaction: Interaction, env: InteractionEnv): Flow | null {
  if (interaction.isChatInputCommand()) {
    if (interaction.commandName !== quizCommand.name) return null;
    return {
      label: ['quiz', ...pathOf(interaction)].join(' '),
      interaction,
      run: () => onCommand(interaction, env),
    };
  }
  if (interaction.isButton()) {
    return {
      label: `button ${controlLabel(interaction.customId)}`,
      interaction,
      run: () => onButton(interaction, env),
    };
  }
  if (interaction.isModalSubmit()) {
    return {
      label: `modal ${controlLabel(interaction.customId)}`,
      interaction,
      run: () => onModalSubmit(interaction, env),
    };
  }
  return null;
}

/** The control's action, never the raw id: ids are untrusted and would flood the metric's labels. */
function controlLabel(customId: string): string {
  const decoded = decodeControl(customId);
  return decoded.ok ? decoded.control.action : decoded.reason;
}
