/**
 * Who a Slack user is, as far as quizbot cares: a display name, their language, and whether
 * Slack itself makes them a workspace admin or owner. One `users.info` call, remembered for a
 * minute: long enough that a busy channel does not hit rate limits, short enough that a demoted
 * admin loses their rights quickly. Rights changes (the quiz-admin list) re-check without it.
 */
import type { webApi } from '@slack/bolt';
import type { Locale } from '../../../commands/quiz.js';
import { localeFrom } from '../../i18n/index.js';

export interface Person {
  id: string;
  /** The person's own team (it differs from the bot's for a guest from a shared channel). */
  team: string | undefined;
  name: string;
  locale: Locale;
  /** A Slack workspace admin, owner or primary owner. */
  slackAdmin: boolean;
}

interface LogLike {
  warn(obj: object, msg?: string): void;
}

export const PERSON_TTL_MS = 60_000;
const REMEMBERED = 5_000;

export class SlackPeople {
  private readonly known = new Map<string, { person: Person; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: LogLike,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The person, from the cache when fresh. `fallbackName` is used when Slack cannot be asked. */
  async get(id: string, fallbackName?: string): Promise<Person> {
    const hit = this.known.get(id);
    if (hit && hit.until > this.nowMs()) return hit.person;
    return this.fresh(id, fallbackName);
  }

  /** The language of someone seen recently, without asking Slack (for answers that cannot wait). */
  cachedLocale(id: string): Locale {
    return this.known.get(id)?.person.locale ?? 'en';
  }

  /** The person as Slack says right now (for decisions about rights). */
  async fresh(id: string, fallbackName?: string): Promise<Person> {
    try {
      const { user } = await this.client.users.info({ user: id, include_locale: true });
      const person: Person = {
        id,
        team: user?.team_id,
        name: user?.profile?.display_name || user?.real_name || user?.name || fallbackName || id,
        locale: localeFrom(user?.locale),
        slackAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
      };
      this.remember(person);
      return person;
    } catch (error) {
      // Without Slack's word nobody is an admin; the reply still goes out in English.
      this.log.warn({ err: String(error), user: id }, 'users.info failed');
      return { id, team: undefined, name: fallbackName || id, locale: 'en', slackAdmin: false };
    }
  }

  private remember(person: Person): void {
    if (this.known.size >= REMEMBERED) this.known.clear();
    this.known.set(person.id, { person, until: this.nowMs() + PERSON_TTL_MS });
  }
}
