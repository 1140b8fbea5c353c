import { type Command, InvalidArgumentError } from 'commander';
import { stringify } from 'yaml';
import { slackManifest } from '../../platforms/slack/manifest.js';

/** Where a manifest made without `--url` or `--socket` points; it must be replaced. */
const PLACEHOLDER_URL = 'https://quizbot.example.com';

/** `quizbot slack manifest`: the Slack app manifest, YAML by default. */
export function registerSlack(program: Command): void {
  const slack = program.command('slack').description('Slack app setup');
  slack
    .command('manifest')
    .description(
      'print the Slack app manifest (paste it into api.slack.com/apps → From a manifest)',
    )
    .option(
      '--url <base>',
      'public https base of this bot; Slack calls <base>/slack/events',
      httpsUrl,
    )
    .option('--socket', 'Socket Mode: no request URLs (run the bot with SLACK_APP_TOKEN)')
    .option('--name <name>', 'app and bot user name', 'quizbot')
    .option('--json', 'JSON instead of YAML')
    .action((options: { url?: string; socket?: boolean; name: string; json?: boolean }) => {
      if (options.url && options.socket) {
        throw new InvalidArgumentError('use --url (HTTP) or --socket (Socket Mode), not both');
      }
      const manifest = slackManifest(
        options.socket
          ? { mode: 'socket' }
          : { mode: 'http', baseUrl: options.url ?? PLACEHOLDER_URL },
        options.name,
      );
      if (!options.url && !options.socket) {
        process.stderr.write(
          `quizbot: no --url given; replace ${PLACEHOLDER_URL} with this bot's public address\n`,
        );
      }
      process.stdout.write(
        options.json ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest),
      );
    });
}

function httpsUrl(value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new InvalidArgumentError(
      `"${value}" is not an http(s) URL such as https://quiz.example.com`,
    );
  }
  return value;
}
