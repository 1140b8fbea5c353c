import type { Locale } from '../../../commands/quiz.js';
import { drillEn } from './en.js';
import type { DrillWording } from './types.js';
import { drillZhCN } from './zh-CN.js';

export type { DrillWording } from './types.js';

const BY_LOCALE: Readonly<Record<Locale, DrillWording>> = { en: drillEn, 'zh-CN': drillZhCN };

/** The drill sentences in a language. */
export const drillWordingFor = (locale: Locale): DrillWording => BY_LOCALE[locale];
