/**
 * `quizbot commands register [--guild ID] [--dry-run]`: makes Discord's `/quiz` match the spec in
 * `commands/quiz.ts`, changing only what differs (see platforms/discord/registration).
 */
import type { Command } from 'commander';
import { DiscordAPIError } from 'discord.js';
import { quizCommand } from '../../../commands/quiz.js';
import { loadConfig } from '../../config.js';
import type { CommandChange } from '../../platforms/discord/registration/diff.js';
import { registrationRest, syncCommands } from '../../platforms/discord/registration/sync.js';
import { toDiscordCommand } from '../../platforms/discord/registration/to-discord.js';
import { CliError } from '../context.js';

interface RegisterOptions {
  guild?: string;
  dryRun?: boolean;
  json?: boolean;
}

export function registerCommands(program: Command): void {
  const commands = program.command('commands').description('Discord slash commands');
  commands
    .command('register')
    .description('register /quiz with Discord, changing only what differs from the spec')
    .option('--guild <id>', 'register in one server only (changes show at once)')
    .option('--dry-run', 'print what would change, change nothing')
    .option('--json', 'print the changes as JSON')
    .action(async (options: RegisterOptions) => {
      const { discord } = loadConfig();
      if (!discord) {
        throw new CliError(
          'commands register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal → Bot, General Information)',
        );
      }
      if (options.guild !== undefined && !/^\d{5,25}$/.test(options.guild)) {
        throw new CliError(
          `--guild ${options.guild} is not a server id; copy it with Developer Mode on`,
          2,
        );
      }
      const changes = await syncCommands(
        registrationRest(discord.token, discord.apiUrl),
        {
          applicationId: discord.applicationId,
          ...(options.guild ? { guildId: options.guild } : {}),
        },
        [toDiscordCommand(quizCommand)],
        { dryRun: options.dryRun === true },
      ).catch((error: unknown) => {
        throw explain(error);
      });
      process.stdout.write(report(changes, options));
    });
}

function report(changes: readonly CommandChange[], options: RegisterOptions): string {
  if (options.json)
    return `${JSON.stringify({ dryRun: options.dryRun === true, changes: changes.map(brief) })}\n`;
  const where = options.guild ? `in server ${options.guild}` : 'globally';
  const verb = options.dryRun ? 'would be' : '';
  const lines = changes.map((c) => {
    const what = { create: 'created', update: 'updated', delete: 'deleted', keep: 'unchanged' }[
      c.action
    ];
    const fields = c.action === 'update' ? ` (${c.fields.join(', ')})` : '';
    return `/${c.name}: ${verb ? `${verb} ` : ''}${what}${fields} ${where}`;
  });
  return `${lines.join('\n')}\n`;
}

function brief(change: CommandChange) {
  return change.action === 'update'
    ? { action: change.action, name: change.name, fields: change.fields }
    : { action: change.action, name: change.name };
}

function explain(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  if (error.status === 401) {
    return new CliError(
      'DISCORD_TOKEN was rejected by Discord (401); reset it in Developer Portal → Bot',
    );
  }
  if (error.status === 403 || error.status === 404) {
    return new CliError(
      `Discord refused (${error.message}); check DISCORD_APPLICATION_ID, and that the bot is in the server given with --guild`,
    );
  }
  return new CliError(`Discord refused the commands: ${error.message}`);
}
