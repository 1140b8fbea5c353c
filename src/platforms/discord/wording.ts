/**
 * Sentences only the Discord adapter says (buttons it cannot read, its modal, a failure on its
 * side). Everything shared (failures, notices, labels) comes from `src/i18n`.
 */
import type { Locale } from '../../../commands/quiz.js';

export interface DiscordWords {
  /** A button from an older version of the bot. */
  readonly staleControl: string;
  /** A custom_id that does not parse: forged, or cut short. */
  readonly malformedControl: string;
  /** A button whose feature is not running in this bot. */
  readonly unavailable: string;
  readonly unexpected: string;
  /** `/quiz …` in a DM where only a server channel makes sense. */
  readonly serverOnly: string;
  /** The title of search results. */
  searchTitle(query: string, count: number): string;
  /** Footer of a looked-up question: its tags and level. */
  tagsLine(tags: readonly string[], level: number | null): string;
  /** The modal that takes a typed competition answer. */
  readonly entryTitle: string;
  readonly entryLabel: string;
  readonly entryPlaceholder: string;
}

const en: DiscordWords = {
  staleControl: 'This button is from an older version of the bot. Run the command again.',
  malformedControl: 'That button could not be read. Run the command again.',
  unavailable: 'That is not available on this bot yet.',
  unexpected: 'Something went wrong on our side. Please try again in a moment.',
  serverOnly: 'This works in a server channel, not in direct messages.',
  searchTitle: (query, count) => `${count} ${count === 1 ? 'result' : 'results'} for “${query}”`,
  tagsLine: (tags, level) =>
    [tags.join(', '), level === null ? '' : `level ${level}`].filter(Boolean).join(' · '),
  entryTitle: 'Your answer',
  entryLabel: 'Answer',
  entryPlaceholder: 'e.g. 42, 0.5 or batch norm',
};

const zhCN: DiscordWords = {
  staleControl: '这个按钮来自旧版本的机器人，请重新运行命令。',
  malformedControl: '无法识别这个按钮，请重新运行命令。',
  unavailable: '此功能在本机器人上尚不可用。',
  unexpected: '我们这边出了点问题，请稍后再试。',
  serverOnly: '此命令需在服务器频道中使用，不能在私信中使用。',
  searchTitle: (query, count) => `“${query}”的搜索结果：${count} 条`,
  tagsLine: (tags, level) =>
    [tags.join('、'), level === null ? '' : `难度 ${level}`].filter(Boolean).join(' · '),
  entryTitle: '你的答案',
  entryLabel: '答案',
  entryPlaceholder: '例如 42、0.5 或 batch norm',
};

const BY_LOCALE: Readonly<Record<Locale, DiscordWords>> = { en, 'zh-CN': zhCN };

export const discordWordsFor = (locale: Locale): DiscordWords => BY_LOCALE[locale];
