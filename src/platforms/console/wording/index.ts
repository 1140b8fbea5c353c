import type { Locale } from '../../../../commands/quiz.js';
import { wordingFor as sharedWording } from '../../../i18n/index.js';
import { consoleEn } from './en.js';
import type { ConsoleWords, ConsoleWording } from './types.js';
import { consoleZh } from './zh.js';

export type { ConsoleWords } from './types.js';

const CONSOLE: Readonly<Record<Locale, ConsoleWording>> = { en: consoleEn, 'zh-CN': consoleZh };

const BY_LOCALE: Readonly<Record<Locale, ConsoleWords>> = {
  en: { ...sharedWording('en'), console: CONSOLE.en },
  'zh-CN': { ...sharedWording('zh-CN'), console: CONSOLE['zh-CN'] },
};

/** The console's words in a language: the shared sentences plus its own. */
export const wordingFor = (locale: Locale): ConsoleWords => BY_LOCALE[locale];
