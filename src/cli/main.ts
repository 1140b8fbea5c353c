import { Command, CommanderError } from 'commander';
import { BankPathError } from '../bank/load.js';
import { ConfigError } from '../config.js';
import { RedisBootstrapError } from '../infra/redis-bootstrap.js';
import { DiscordLoginError } from '../platforms/discord/client.js';
import { registerBank } from './commands/bank.js';
import { registerCommands } from './commands/commands.js';
import { registerItems } from './commands/items.js';
import { registerPreview } from './commands/preview.js';
import { registerRandom } from './commands/random.js';
import { registerRender } from './commands/render.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { registerSlack } from './commands/slack.js';
import { registerStart } from './commands/start.js';
import { CliError } from './context.js';

/** Every CLI command, listed explicitly. */
const registrations = [
  registerBank,
  registerShow,
  registerSearch,
  registerRandom,
  registerRender,
  registerPreview,
  registerItems,
  registerStart,
  registerCommands,
  registerSlack,
];

/** Builds the `quizbot` program; exported so tests can drive it in-process. */
export function buildProgram(): Command {
  const program = new Command('quizbot')
    .description('quizbot: ML interview questions on Discord, Slack and the console')
    .showHelpAfterError('(run quizbot --help for usage)')
    .exitOverride();
  for (const register of registrations) register(program);
  return program;
}

/** Expected failures become one line on stderr and an exit code; anything else is a bug and shows its stack. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.lines.join('\n')}\n`);
      return 1;
    }
    if (
      error instanceof CliError ||
      error instanceof BankPathError ||
      error instanceof RedisBootstrapError ||
      error instanceof DiscordLoginError
    ) {
      process.stderr.write(`quizbot: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : 1;
    }
    throw error;
  }
}
