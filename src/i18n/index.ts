import type { Locale } from '../../commands/quiz.js';
import { en } from './en.js';
import type { Wording } from './types.js';
import { zhCN } from './zh-CN.js';

export type { Wording } from './types.js';

const BY_LOCALE: Readonly<Record<Locale, Wording>> = { en, 'zh-CN': zhCN };

/** The shared sentences in a language. */
export const wordingFor = (locale: Locale): Wording => BY_LOCALE[locale];

/**
 * The reply language for a platform's locale tag (Discord's `interaction.locale`, a Slack user's
 * `locale`): Chinese for any `zh…` (simplified is closer than English to a `zh-TW` reader),
 * English otherwise.
 */
export function localeFrom(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
