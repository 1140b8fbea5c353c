import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { PortInUseError } from '../../http/listen.js';
import { startBot } from '../../main.js';
import { CliError, outputStyle } from '../context.js';

/** After a graceful stop the process should exit by itself; this catches a handle someone leaked. */
const EXIT_GRACE_MS = 3_000;

/**
 * `quizbot start` (what `npm start` runs): validates configuration and hands over to the
 * composition root, which starts the adapters whose settings are present (with none, the
 * console). Returns once the bot has stopped: a signal, or the console's end of input.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the bot: Discord and/or Slack when configured, else the console adapter')
    .option('--console', 'run the console adapter even when platform tokens are set')
    .action(async (options: { console?: boolean }) => {
      const config = loadConfig();
      const log = createLogger(config);
      const interactive = process.stdin.isTTY === true;
      const adapters = options.console ? (['console'] as const) : config.adapters;
      const bot = await startBot(config, {
        log,
        adapters,
        // A script piped into the console ends in moments: warming the formula cache would only
        // compete with it. Everywhere else the first lookup of any question should be fast.
        prerender: interactive || adapters.some((a) => a !== 'console'),
        console: {
          input: process.stdin,
          output: process.stdout,
          interactive,
          style: outputStyle(),
        },
        handleSignals: true,
      }).catch((error: unknown) => {
        if (error instanceof PortInUseError) throw new CliError(error.message);
        throw error;
      });
      await bot.stopped;
      setTimeout(() => {
        log.warn('something still holds the process open after shutdown; exiting');
        process.exit(process.exitCode ?? 0);
      }, EXIT_GRACE_MS).unref();
    });
}
