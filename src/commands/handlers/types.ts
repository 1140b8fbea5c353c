/** What a shared `/quiz` handler receives and returns; nothing here knows a platform. */
import type { Locale } from '../../../commands/quiz.js';
import type { Catalog } from '../../core/catalog.js';
import type { CompetitionServices } from '../../core/competitions/ports.js';
import type { DrillDeps } from '../../core/drills/ports.js';
import type { QuizDeps } from '../../core/quiz/ports.js';
import type { Actor, Place } from '../../core/quiz/types.js';
import type { OptionValue } from '../parse-text.js';
import type { CommandReply } from '../reply.js';

/** The part of an adapter's services the command layer uses. */
export interface CommandServices {
  deps: QuizDeps;
  catalog: Catalog;
  /** Competitions (`/quiz compete …` and round buttons); main.ts always wires them. */
  competitions?: CompetitionServices;
  /** Drills (`/quiz drill …` and drill card buttons); without them those reply `drills-unavailable`. */
  drills?: DrillDeps;
}

/**
 * A person named by a `user` option, already resolved by the adapter (only adapters make
 * player keys: `discord:user:…` from a mention, `console:user:…` from a typed name).
 */
export interface PlayerRef {
  player: string;
  name: string;
}

export type CommandOptionValue = OptionValue | PlayerRef;
export type CommandOptions = Readonly<Record<string, CommandOptionValue>>;

/** One `/quiz …` invocation, as every adapter describes it. */
export interface CommandRequest {
  actor: Actor;
  place: Place;
  /** The subcommand's path in the spec: `['show']`, `['daily', 'set']`. */
  path: readonly string[];
  options: CommandOptions;
  /** The language of the reply (Discord: `interaction.locale`; Slack: the user's locale). */
  locale: Locale;
}

/** One subcommand: coerces its options, calls one core use case, returns a reply model. */
export type CommandHandler = (
  services: CommandServices,
  request: CommandRequest,
) => Promise<CommandReply>;
