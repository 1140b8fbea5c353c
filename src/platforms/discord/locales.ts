/**
 * The language each person last used with the bot, remembered from their interactions so a DM
 * the bot starts (a drill delivery) speaks it too: a DM has no server locale to go by. In memory
 * and per process; a person nobody here has heard from yet gets English.
 */
import type { Locale } from '../../../commands/quiz.js';

/** Enough for every active person of a large installation; the oldest are forgotten first. */
const MAX_REMEMBERED = 50_000;

export class LocaleMemory {
  private readonly byUser = new Map<string, Locale>();

  remember(userId: string, locale: Locale): void {
    this.byUser.delete(userId);
    this.byUser.set(userId, locale);
    if (this.byUser.size > MAX_REMEMBERED) {
      const oldest = this.byUser.keys().next().value;
      if (oldest !== undefined) this.byUser.delete(oldest);
    }
  }

  of(userId: string): Locale | undefined {
    return this.byUser.get(userId);
  }
}
