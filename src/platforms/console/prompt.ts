/**
 * The console's input loop: lines from a terminal or from piped input (one command a line, ending
 * at end of input), answered one at a time in order, so a scripted session is deterministic.
 */
import { createInterface, type Interface } from 'node:readline';

export interface PromptIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: show a prompt and the banner, and treat Ctrl-C as a request to stop. */
  interactive: boolean;
}

export interface Prompt {
  /** Resolves when input ends or `close()` is called, after the line in hand is answered. */
  readonly finished: Promise<'end-of-input' | 'closed'>;
  /** Prints text that did not come from the line being answered (posts made by jobs). */
  print(text: string): void;
  close(): void;
}

/** Starts reading; `answer` returns the reply to print, or null to end the session. */
export function startPrompt(
  io: PromptIo,
  answer: (line: string) => Promise<string | null>,
  options: { banner?: string; onInterrupt?: () => void } = {},
): Prompt {
  const rl: Interface = createInterface({
    input: io.input,
    output: io.output,
    terminal: io.interactive,
  });
  rl.setPrompt('quiz> ');
  let busy = false;
  let closed = false;
  if (options.onInterrupt) rl.on('SIGINT', options.onInterrupt);
  const write = (text: string) => io.output.write(`${text}\n`);

  const finished = (async () => {
    if (io.interactive && options.banner) write(options.banner);
    if (io.interactive) rl.prompt();
    for await (const line of rl) {
      busy = true;
      const reply = await answer(line);
      busy = false;
      if (reply === null) break;
      if (reply) write(reply);
      if (closed) break;
      if (io.interactive) rl.prompt();
    }
    rl.close();
    return closed ? ('closed' as const) : ('end-of-input' as const);
  })();

  return {
    finished,
    print(text) {
      // Between commands on a terminal, clear the half-typed prompt line and draw it again after.
      if (io.interactive && !busy) {
        io.output.write('\r\x1b[K');
        write(text);
        rl.prompt(true);
      } else {
        write(text);
      }
    },
    close() {
      closed = true;
      // Stops the iterator: a line being answered finishes, later input is not read.
      if (!busy) rl.close();
    },
  };
}
