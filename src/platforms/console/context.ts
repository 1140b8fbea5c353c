/** What every console command receives, built once by the adapter. */
import type { AdapterServices } from '../../runtime/adapter.js';
import type { Style } from './format.js';
import type { ImageFolder } from './images.js';
import type { ConsoleOutput, ConsolePublisher } from './publisher.js';
import type { ConsoleSession } from './session.js';
import type { ConsoleWords } from './wording/index.js';

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
  words(): ConsoleWords;
}

/** `refused`: an expected failure worded for the user (counted apart in metrics). */
export interface Reply {
  text: string;
  outcome: 'ok' | 'refused';
}

export const ok = (text: string): Reply => ({ text, outcome: 'ok' });
export const refused = (text: string): Reply => ({ text, outcome: 'refused' });

/** A console command (`/as`, `/clock` …): its words after the name in, a reply out. */
export type SessionCommand = (ctx: ConsoleContext, args: readonly string[]) => Promise<Reply>;
