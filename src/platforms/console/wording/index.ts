import type { Locale } from '../../../../commands/quiz.js';
import { en } from './en.js';
import type { Wording } from './types.js';
import { zh } from './zh.js';

export type { Wording } from './types.js';

const BY_LOCALE: Record<Locale, Wording> = { en, 'zh-CN': zh };

/** The console's words in a language. */
export const wordingFor = (locale: Locale): Wording => BY_LOCALE[locale];
