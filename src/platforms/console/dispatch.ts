/**
 * One typed line → one reply. `/quiz …` is parsed against the command spec and answered by the
 * shared command layer, other slash words by the console's own commands; every line is timed
 * and counted.
 */
import { quizCommand } from '../../../commands/quiz.js';
import { parseCommandText, splitWords } from '../../commands/parse-text.js';
import type { CommandOutcome } from '../../runtime/adapter.js';
import { type ConsoleContext, type Reply, refused } from './context.js';
import { runQuiz } from './quiz.js';
import { sessionCommands } from './session-commands/registry.js';

interface LogLike {
  error(obj: object, msg?: string): void;
}

/** The reply to one line; `null` when the line ends the session (`exit`). */
export async function answerLine(
  ctx: ConsoleContext,
  line: string,
  log: LogLike,
): Promise<string | null> {
  const text = line.trim();
  if (!text) return '';
  if (/^\/?(exit|quit)$/i.test(text)) return null;
  const started = performance.now();
  const { command, run } = route(ctx, text);
  let reply: Reply | { text: string; outcome: CommandOutcome };
  try {
    reply = await run();
  } catch (error) {
    log.error(
      { err: error instanceof Error ? error.stack : String(error), command },
      'console command failed',
    );
    reply = {
      text: ctx.words().console.unexpected(error instanceof Error ? error.message : String(error)),
      outcome: 'error',
    };
  }
  const seconds = (performance.now() - started) / 1000;
  ctx.services.commands.handled({ command, platform: 'console', outcome: reply.outcome, seconds });
  return reply.text;
}

function route(ctx: ConsoleContext, text: string): { command: string; run: () => Promise<Reply> } {
  const words = ctx.words().console;
  if (/^\/?quiz(\s|$)/i.test(text)) {
    const parsed = parseCommandText(quizCommand, text);
    if (!parsed.ok) return { command: 'quiz', run: async () => refused(parsed.message) };
    return { command: `quiz ${parsed.path.join(' ')}`, run: () => runQuiz(ctx, parsed) };
  }
  if (text.startsWith('/')) {
    const [name = '', ...args] = splitWords(text.slice(1));
    const key = name.toLowerCase();
    const command = Object.hasOwn(sessionCommands, key) ? sessionCommands[key] : undefined;
    if (command) return { command: `/${key}`, run: () => command(ctx, args) };
    return {
      command: '/unknown',
      run: async () =>
        refused(words.unknownCommand(name, [...Object.keys(sessionCommands), 'quiz'])),
    };
  }
  return { command: 'text', run: async () => refused(words.notACommand) };
}
