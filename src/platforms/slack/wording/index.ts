import type { Locale } from '../../../../commands/quiz.js';
import { competeWordingFor } from '../../../i18n/compete/index.js';
import { drillWordingFor } from '../../../i18n/drill/index.js';
import { wordingFor as sharedWording } from '../../../i18n/index.js';
import { slackEn } from './en.js';
import type { SlackWords } from './types.js';
import { slackZhCN } from './zh-CN.js';

export type { SlackWords } from './types.js';

const BY_LOCALE: Readonly<Record<Locale, SlackWords>> = {
  en: {
    ...sharedWording('en'),
    compete: competeWordingFor('en'),
    drill: drillWordingFor('en'),
    slack: slackEn,
  },
  'zh-CN': {
    ...sharedWording('zh-CN'),
    compete: competeWordingFor('zh-CN'),
    drill: drillWordingFor('zh-CN'),
    slack: slackZhCN,
  },
};

/** Slack's words in a language: the shared sentences plus its own. */
export const slackWordingFor = (locale: Locale): SlackWords => BY_LOCALE[locale];
