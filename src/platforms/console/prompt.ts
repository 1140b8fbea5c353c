import { createInterface } from 'node:readline';
import { quizCommand } from '../../../commands/quiz.js';
import { parseCommandText } from '../../commands/parse-text.js';
import { type ConsoleContext, consoleHandlers } from './handlers.js';

/** Answers one typed line; `null` means the session should end. */
export function answerLine(ctx: ConsoleContext, line: string): string | null {
  const text = line.trim();
  if (!text) return '';
  if (/^(exit|quit|\/exit|\/quit)$/i.test(text)) return null;
  if (!text.startsWith('/quiz')) return 'Commands start with /quiz — try /quiz help';
  const parsed = parseCommandText(quizCommand, text);
  if (!parsed.ok) return parsed.message;
  const handler = consoleHandlers[parsed.subcommand.name];
  return handler ? handler(ctx, parsed.options) : `/quiz ${parsed.subcommand.name} is not available in the console yet`;
}

/**
 * The console adapter's prompt: reads `/quiz …` lines from a terminal or from piped input (one
 * command a line, ending at end of input) and prints the answers.
 */
export async function runPrompt(
  ctx: ConsoleContext,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; interactive: boolean },
): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: io.interactive });
  const prompt = (): void => {
    if (io.interactive) rl.prompt();
  };
  rl.setPrompt('quiz> ');
  if (io.interactive) io.output.write('quizbot console — type /quiz help, or exit to leave\n');
  prompt();
  for await (const line of rl) {
    const reply = answerLine(ctx, line);
    if (reply === null) break;
    if (reply) io.output.write(`${reply}\n`);
    prompt();
  }
  rl.close();
}
