import type { Command } from 'commander';
import { loadBank } from '../../bank/load.js';
import { loadConfig } from '../../config.js';
import { createCatalog } from '../../core/catalog.js';
import { ensureRedis } from '../../infra/redis-bootstrap.js';
import { createLogger } from '../../logger.js';
import { runPrompt } from '../../platforms/console/prompt.js';
import { outputStyle } from '../context.js';

/**
 * `quizbot start` (what `npm start` runs): validates configuration, makes sure of Redis, loads the
 * bank and starts the adapters whose settings are present; with none, the console adapter.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the bot: Discord and/or Slack when configured, else the console adapter')
    .option('--console', 'run the console adapter even when platform tokens are set')
    .action(async (options: { console?: boolean }) => {
      const config = loadConfig();
      const log = createLogger(config);
      const redis = await ensureRedis(config, log);
      try {
        const bank = await loadBank(config.bankPath);
        const catalog = createCatalog(bank);
        const errors = bank.issues.filter((i) => i.severity === 'error').length;
        log.info(
          { questions: bank.questions.length, files: bank.files.length, errors, redis: redis.origin },
          'bank loaded',
        );
        const adapters = options.console ? ['console'] : config.adapters;
        const platforms = adapters.filter((a) => a !== 'console');
        if (platforms.length) {
          log.warn({ adapters: platforms }, 'platform adapters are not built yet; running the console instead');
        }
        await runPrompt(
          { catalog, style: outputStyle() },
          { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true },
        );
      } finally {
        await redis.stop();
      }
    });
}
