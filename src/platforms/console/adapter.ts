/**
 * The console adapter: one person in one channel of a local workspace, typing `/quiz …` lines,
 * with posts printed as they are made and pictures written to files.
 */
import type { Adapter, AdapterServices } from '../../runtime/adapter.js';
import type { AdvanceClock, ConsoleContext } from './context.js';
import { answerLine } from './dispatch.js';
import type { Style } from './format.js';
import { WORKSPACE, dmKey, userName } from './ids.js';
import { ImageFolder } from './images.js';
import { startPrompt, type Prompt, type PromptIo } from './prompt.js';
import { ConsolePublisher } from './publisher.js';
import { ConsoleSession } from './session.js';
import { wordingFor } from './wording/index.js';

interface LogLike {
  error(obj: object, msg?: string): void;
}

export interface ConsoleAdapterOptions {
  io: PromptIo;
  style: Style;
  /** Where formula images and leaderboard cards are written (`var/console`). */
  imageDir: string;
  /** `/clock +1d`: moves bot time and runs what falls due (wired to the jobs layer by main.ts). */
  advanceClock: AdvanceClock;
  log: LogLike;
  /** Input ended (end of piped input, Ctrl-D, `exit`) or Ctrl-C on a terminal: the bot should stop. */
  onEnd(reason: 'end-of-input' | 'interrupt'): void;
}

export interface ConsoleAdapter extends Adapter {
  readonly publisher: ConsolePublisher;
}

export function createConsoleAdapter(
  services: AdapterServices,
  options: ConsoleAdapterOptions,
): ConsoleAdapter {
  const session = new ConsoleSession();
  const images = new ImageFolder(options.imageDir);
  let prompt: Prompt | null = null;
  let ended = false;
  // Jobs may post before the prompt exists (or after it closed); then lines go straight out.
  const output = {
    write: (text: string) =>
      prompt ? prompt.print(text) : void options.io.output.write(`${text}\n`),
  };
  const publisher = new ConsolePublisher({
    session,
    output,
    clock: services.deps.clock,
    renderer: services.formulas,
    boardCard: services.boardCard,
    images,
    style: options.style,
  });
  const ctx: ConsoleContext = {
    services,
    session,
    publisher,
    output,
    style: options.style,
    images,
    advanceClock: options.advanceClock,
    words: () => wordingFor(session.locale),
  };

  return {
    name: 'console',
    publisher,
    // Drill DMs land in the person's inbox (`/inbox`); the console never refuses one.
    drillPublisher: publisher,
    dmChannelFor: async (player) => dmKey(userName(player)),
    async start() {
      session.zone = (await services.deps.workspaces.timezone(WORKSPACE)) ?? 'UTC';
      prompt = startPrompt(options.io, (line) => answerLine(ctx, line, options.log), {
        banner: ctx.words().console.banner,
        onInterrupt: () => options.onEnd('interrupt'),
      });
      void prompt.finished.then((how) => {
        ended = true;
        if (how === 'end-of-input') options.onEnd('end-of-input');
      });
    },
    async stop() {
      if (!prompt) return;
      prompt.close();
      await prompt.finished;
    },
    async close() {},
    connected: () => prompt !== null && !ended,
  };
}
