/** What every console command handler receives, built once by the adapter. */
import type { OptionValue } from '../../commands/parse-text.js';
import type { Notice, Outcome } from '../../core/quiz/views.js';
import type { AdapterServices } from '../../runtime/adapter.js';
import type { Style } from './format.js';
import type { ImageFolder } from './images.js';
import type { ConsoleOutput, ConsolePublisher } from './publisher.js';
import type { ConsoleSession } from './session.js';
import type { Wording } from './wording/index.js';

/** One thing that fell due while the clock was moved forward. */
export interface ClockItem {
  at: Date;
  name: string;
  data: Readonly<Record<string, string>>;
  result: { status: string };
}

/** Moves bot time forward by `ms`, running what falls due in between (the jobs layer's fast-forward). */
export type AdvanceClock = (
  ms: number,
  onItem: (item: ClockItem) => void,
) => Promise<{ from: Date; to: Date; items: readonly unknown[] }>;

export interface ConsoleContext {
  services: AdapterServices;
  session: ConsoleSession;
  publisher: ConsolePublisher;
  /** For lines printed while a command runs (fast-forward progress). */
  output: ConsoleOutput;
  style: Style;
  images: ImageFolder;
  advanceClock: AdvanceClock;
  /** The session's language, looked up on each call (it changes with `/lang`). */
  words(): Wording;
}

/** `refused`: an expected failure worded for the user (counted apart in metrics). */
export interface Reply {
  text: string;
  outcome: 'ok' | 'refused';
}

export const ok = (text: string): Reply => ({ text, outcome: 'ok' });
export const refused = (text: string): Reply => ({ text, outcome: 'refused' });

/** A `/quiz …` subcommand: parsed options in, a reply out. */
export type QuizHandler = (
  ctx: ConsoleContext,
  options: Record<string, OptionValue>,
) => Promise<Reply>;

/** A console command (`/as`, `/clock` …): its words after the name in, a reply out. */
export type SessionCommand = (ctx: ConsoleContext, args: readonly string[]) => Promise<Reply>;

/** A core outcome worded for the user: the notice, or the expected failure as a refusal. */
export function worded(ctx: ConsoleContext, outcome: Outcome<Notice>): Reply {
  const words = ctx.words();
  return outcome.ok ? ok(words.notice(outcome.value)) : refused(words.failure(outcome.failure));
}
