/**
 * The `/quiz` command tree as data. One definition drives Discord registration, Slack and console
 * parsing, and `/quiz help`. Names follow Discord's rules (lowercase, 1-32 chars, no spaces).
 */

export type Locale = 'en' | 'zh-CN';
export type Localized = Readonly<Record<Locale, string>>;

export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  readonly description: Localized;
  readonly required?: boolean;
  /** Discord autocomplete backed by the search index. */
  readonly autocomplete?: 'question' | 'tag';
  readonly choices?: readonly { readonly value: string; readonly name: Localized }[];
  readonly min?: number;
  readonly max?: number;
  /** Typed text may give this option without `name:` (the first free words). */
  readonly positional?: boolean;
}

export interface SubcommandSpec {
  readonly name: string;
  readonly description: Localized;
  readonly options: readonly OptionSpec[];
  readonly adminOnly?: boolean;
  /** Example invocations shown in help. */
  readonly examples?: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly description: Localized;
  readonly subcommands: readonly SubcommandSpec[];
}

const publicOption: OptionSpec = {
  name: 'public',
  type: 'boolean',
  description: { en: 'Post the reply for everyone in the channel', 'zh-CN': '在频道中公开回复' },
};

export const quizCommand: CommandSpec = {
  name: 'quiz',
  description: { en: 'Machine-learning interview questions', 'zh-CN': '机器学习面试题' },
  subcommands: [
    {
      name: 'show',
      description: { en: 'Show a question and its answer', 'zh-CN': '查看题目及答案' },
      options: [
        {
          name: 'id',
          type: 'string',
          required: true,
          positional: true,
          autocomplete: 'question',
          description: { en: 'Question id or title, e.g. Q3', 'zh-CN': '题号或标题，例如 Q3' },
        },
        publicOption,
      ],
      examples: ['/quiz show Q3', '/quiz show 3 public:true'],
    },
    {
      name: 'search',
      description: { en: 'Search questions and answers', 'zh-CN': '搜索题目与答案' },
      options: [
        {
          name: 'query',
          type: 'string',
          required: true,
          positional: true,
          description: { en: 'Words to look for (中文 or English)', 'zh-CN': '关键词（中文或英文）' },
        },
        {
          name: 'tag',
          type: 'string',
          autocomplete: 'tag',
          description: { en: 'Only questions with this tag', 'zh-CN': '只看此标签的题目' },
        },
        {
          name: 'limit',
          type: 'integer',
          min: 1,
          max: 25,
          description: { en: 'How many results (1-25)', 'zh-CN': '结果数量（1-25）' },
        },
      ],
      examples: ['/quiz search 白化', '/quiz search densenet 显存 limit:3'],
    },
    {
      name: 'random',
      description: { en: 'A random question', 'zh-CN': '随机一道题' },
      options: [
        {
          name: 'tag',
          type: 'string',
          autocomplete: 'tag',
          description: { en: 'Only questions with this tag, e.g. DL', 'zh-CN': '只抽此标签的题目，例如 DL' },
        },
        publicOption,
      ],
      examples: ['/quiz random', '/quiz random tag:DL'],
    },
    {
      name: 'help',
      description: { en: 'How to use the quiz bot', 'zh-CN': '使用说明' },
      options: [],
      examples: ['/quiz help'],
    },
  ],
};
