/**
 * The console's own words, on top of the shared ones in `src/i18n`: answers to its session
 * commands (`/as`, `/clock` …), how it frames a posted message, and its hints.
 */
import type { Locale } from '../../../../commands/quiz.js';
import type { Wording } from '../../../i18n/index.js';

/** Shared sentences plus the console's. */
export interface ConsoleWords extends Wording {
  readonly console: ConsoleWording;
}

export interface ConsoleWording {
  banner: string;
  /** Added after "only an admin can do that": how to become one in the console. */
  adminHint: string;
  /** Under a daily question: how to press its buttons here. */
  pressHelp: string;
  /** The title line of a posted message: where and when. */
  postedIn(channel: string, when: string): string;
  threadOf(messageId: string): string;
  /** The title line of a direct message in a person's inbox. */
  dmFrom(user: string, when: string): string;
  cardWritten(path: string): string;
  notACommand: string;
  unknownCommand(name: string, known: string[]): string;
  badName(name: string): string;
  actingAs(user: string, channel: string, admin: boolean): string;
  admin(on: boolean, user: string): string;
  language(locale: Locale): string;
  perms(channel: string, allowed: boolean): string;
  clockNow(when: string, zone: string): string;
  clockUsage: string;
  clockMoved(from: string, to: string, ran: number): string;
  fastForwardItem(when: string, what: string, status: string): string;
  inboxEmpty: string;
  inboxHeader(n: number): string;
  newDm(user: string): string;
  pressUsage: string;
  nothingToPress: string;
  noSuchButton(wanted: string, available: string[]): string;
  unexpected(message: string): string;
  /** Under a drill card's question side: how to reveal it here. */
  drillRevealHelp: string;
  /** Under a drill card's answer side: how to rate it here. */
  drillRateHelp: string;
  /** `/press` for a drill button when no card with buttons is waiting in the person's inbox. */
  noDrillCard: string;
}
