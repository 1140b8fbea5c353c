/** `/quiz help` from the command spec, in the reader's language: one line per subcommand. */
import { quizCommand, type Locale } from '../../../../commands/quiz.js';
import { helpText } from '../../../commands/help.js';
import { escapeSlack } from '../mrkdwn.js';
import { type SlackMessage, header, sections } from './kit.js';

export function helpMessage(locale: Locale, isAdmin: boolean): SlackMessage {
  const [title = '', , ...lines] = helpText(quizCommand, locale, { isAdmin }).split('\n');
  const body = lines.map((line) =>
    line.startsWith('/')
      ? // `/quiz show <id> [public:…] — Show a question`: the usage in code, the rest as text.
        line.replace(
          /^(\/\S+(?: \S+)*?) — (.*)$/u,
          (_m, usage: string, rest: string) => `\`${escapeSlack(usage)}\` — ${escapeSlack(rest)}`,
        )
      : `      ${escapeSlack(line.trim())}`,
  );
  return { text: title, blocks: [header(title), ...sections(body.join('\n'))] };
}
