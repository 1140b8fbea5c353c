import type { Locale } from '../../../commands/quiz.js';
import { competeEn } from './en.js';
import type { CompeteWording } from './types.js';
import { competeZhCN } from './zh-CN.js';

export type { CompeteWording } from './types.js';

const BY_LOCALE: Readonly<Record<Locale, CompeteWording>> = { en: competeEn, 'zh-CN': competeZhCN };

/** The competition sentences in a language. */
export const competeWordingFor = (locale: Locale): CompeteWording => BY_LOCALE[locale];
