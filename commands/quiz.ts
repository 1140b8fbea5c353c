/**
 * The `/quiz` command tree as data. One definition drives Discord registration, Slack and console
 * parsing, and `/quiz help`. Names follow Discord's rules (lowercase, 1-32 chars, no spaces).
 */

export type Locale = 'en' | 'zh-CN';
export type Localized = Readonly<Record<Locale, string>>;

export type OptionType = 'string' | 'integer' | 'boolean' | 'user';

export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  readonly description: Localized;
  readonly required?: boolean;
  /** Discord autocomplete backed by the search index, the bank's tags or the IANA zone list. */
  readonly autocomplete?: 'question' | 'tag' | 'timezone';
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

/** A subcommand group (`/quiz daily set`): Discord allows one level of these. */
export interface GroupSpec {
  readonly name: string;
  readonly description: Localized;
  readonly subcommands: readonly SubcommandSpec[];
}

export interface CommandSpec {
  readonly name: string;
  readonly description: Localized;
  readonly subcommands: readonly (SubcommandSpec | GroupSpec)[];
}

/** True for a subcommand group. */
export function isGroup(entry: SubcommandSpec | GroupSpec): entry is GroupSpec {
  return 'subcommands' in entry;
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
          description: {
            en: 'Words to look for (中文 or English)',
            'zh-CN': '关键词（中文或英文）',
          },
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
          description: {
            en: 'Only questions with this tag, e.g. DL',
            'zh-CN': '只抽此标签的题目，例如 DL',
          },
        },
        publicOption,
      ],
      examples: ['/quiz random', '/quiz random tag:DL'],
    },
    {
      name: 'daily',
      description: { en: 'The daily question in this channel', 'zh-CN': '本频道的每日一题' },
      subcommands: [
        {
          name: 'set',
          adminOnly: true,
          description: { en: 'Post a question here every day', 'zh-CN': '每天在此频道发一道题' },
          options: [
            {
              name: 'time',
              type: 'string',
              required: true,
              description: {
                en: 'Time of day, 24-hour HH:MM, e.g. 09:30',
                'zh-CN': '每天的时间（24 小时制 HH:MM），例如 09:30',
              },
            },
            {
              name: 'timezone',
              type: 'string',
              required: true,
              autocomplete: 'timezone',
              description: {
                en: 'IANA time zone, e.g. Asia/Shanghai',
                'zh-CN': 'IANA 时区，例如 Asia/Shanghai',
              },
            },
            {
              name: 'tags',
              type: 'string',
              autocomplete: 'tag',
              description: {
                en: 'Only these tags, comma-separated, e.g. DL,ML',
                'zh-CN': '只发这些标签的题，逗号分隔，例如 DL,ML',
              },
            },
            {
              name: 'reveal-after',
              type: 'string',
              description: {
                en: 'When to post the answer, e.g. 8h or 90m (default 8h)',
                'zh-CN': '多久后公布答案，例如 8h 或 90m（默认 8h）',
              },
            },
          ],
          examples: [
            '/quiz daily set time:09:30 timezone:Asia/Shanghai',
            '/quiz daily set time:18:00 timezone:Europe/Berlin tags:DL reveal-after:2h',
          ],
        },
        {
          name: 'off',
          adminOnly: true,
          description: { en: 'Stop the daily question here', 'zh-CN': '停止本频道的每日一题' },
          options: [],
        },
        {
          name: 'now',
          adminOnly: true,
          description: { en: 'Post a question here right now', 'zh-CN': '立即在此频道发一道题' },
          options: [],
        },
        {
          name: 'status',
          description: {
            en: 'When the next daily question comes',
            'zh-CN': '查看每日一题的设置与下次时间',
          },
          options: [],
        },
      ],
    },
    {
      name: 'drill',
      description: {
        en: 'Your daily spaced-repetition review by DM',
        'zh-CN': '每日复习',
      },
      subcommands: [
        {
          name: 'start',
          description: {
            en: 'Get your due cards by DM every day',
            'zh-CN': '开始每日复习：每天私信发送到期的卡片（间隔重复）',
          },
          options: [
            {
              name: 'time',
              type: 'string',
              required: true,
              description: {
                en: 'Time of day, 24-hour HH:MM, e.g. 21:00',
                'zh-CN': '每天的时间（24 小时制 HH:MM），例如 21:00',
              },
            },
            {
              name: 'timezone',
              type: 'string',
              required: true,
              autocomplete: 'timezone',
              description: {
                en: 'Your IANA time zone, e.g. America/New_York',
                'zh-CN': '你的 IANA 时区，例如 Asia/Shanghai',
              },
            },
            {
              name: 'tags',
              type: 'string',
              autocomplete: 'tag',
              description: {
                en: 'New cards only from these tags, comma-separated, e.g. DL,ML',
                'zh-CN': '新卡片只来自这些标签，逗号分隔，例如 DL,ML',
              },
            },
            {
              name: 'per-day',
              type: 'integer',
              min: 1,
              max: 50,
              description: {
                en: 'New cards a day, 1-50 (default 10)',
                'zh-CN': '每天新卡片数量，1-50（默认 10）',
              },
            },
          ],
          examples: [
            '/quiz drill start time:21:00 timezone:America/New_York',
            '/quiz drill start time:07:30 timezone:Asia/Kolkata tags:DL per-day:5',
          ],
        },
        {
          name: 'stop',
          description: {
            en: 'Stop your daily drill (your cards are kept)',
            'zh-CN': '停止每日复习（卡片进度会保留）',
          },
          options: [],
        },
        {
          name: 'now',
          description: { en: 'Send your due cards now', 'zh-CN': '立即私信发送到期的卡片' },
          options: [],
        },
        {
          name: 'stats',
          description: {
            en: 'Your streak, reviews, recall rate and cards due',
            'zh-CN': '连续天数、复习次数、记忆率与到期卡片',
          },
          options: [],
        },
      ],
    },
    {
      name: 'compete',
      description: {
        en: 'Timed competition rounds in this channel',
        'zh-CN': '限时竞赛',
      },
      subcommands: [
        {
          name: 'start',
          description: {
            en: 'Start a competition here: timed rounds of gradable items',
            'zh-CN': '在此频道开始一场限时竞赛：多轮可评分的题目',
          },
          options: [
            {
              name: 'rounds',
              type: 'integer',
              positional: true,
              min: 1,
              max: 20,
              description: {
                en: 'How many rounds, 1-20 (default 5)',
                'zh-CN': '轮数，1-20（默认 5）',
              },
            },
            {
              name: 'tags',
              type: 'string',
              autocomplete: 'tag',
              description: {
                en: 'Only items with these tags, comma-separated, e.g. DL,ML',
                'zh-CN': '只出这些标签的题，逗号分隔，例如 DL,ML',
              },
            },
            {
              name: 'seconds',
              type: 'integer',
              min: 10,
              max: 300,
              description: {
                en: 'Seconds per round, 10-300 (default 30)',
                'zh-CN': '每轮秒数，10-300（默认 30）',
              },
            },
          ],
          examples: ['/quiz compete start', '/quiz compete start 10 tags:DL seconds:20'],
        },
        {
          name: 'stop',
          description: {
            en: 'Stop the competition (an admin or whoever started it)',
            'zh-CN': '结束竞赛（管理员或发起人）',
          },
          options: [],
        },
        {
          name: 'status',
          description: {
            en: 'The current round and the standings so far',
            'zh-CN': '当前轮次与目前排名',
          },
          options: [],
        },
        {
          name: 'answer',
          description: {
            en: 'Answer the current round by typing (numbers, terms, or option letters)',
            'zh-CN': '输入答案作答当前轮（数字、术语或选项字母）',
          },
          options: [
            {
              name: 'value',
              type: 'string',
              required: true,
              positional: true,
              description: {
                en: 'Your answer, e.g. 42, 白化 or b',
                'zh-CN': '你的答案，例如 42、白化 或 b',
              },
            },
          ],
          examples: ['/quiz compete answer 42', '/quiz compete answer value:"batch norm"'],
        },
      ],
    },
    {
      name: 'answer',
      description: { en: "Rate yourself on today's question", 'zh-CN': '为今天的题目自评' },
      options: [
        {
          name: 'rating',
          type: 'string',
          required: true,
          positional: true,
          choices: [
            { value: 'knew', name: { en: 'I knew it', 'zh-CN': '会' } },
            { value: 'partly', name: { en: 'Partly', 'zh-CN': '部分会' } },
            { value: 'missed', name: { en: "I didn't know", 'zh-CN': '不会' } },
          ],
          description: { en: 'How well you knew the answer', 'zh-CN': '你掌握得如何' },
        },
      ],
      examples: ['/quiz answer knew', '/quiz answer rating:partly'],
    },
    {
      name: 'leaderboard',
      description: { en: "This server's leaderboard", 'zh-CN': '本服务器排行榜' },
      options: [
        {
          name: 'period',
          type: 'string',
          positional: true,
          choices: [
            { value: 'week', name: { en: 'This week', 'zh-CN': '本周' } },
            { value: 'month', name: { en: 'This month', 'zh-CN': '本月' } },
            { value: 'all', name: { en: 'All time', 'zh-CN': '总榜' } },
          ],
          description: { en: 'Which board (default: week)', 'zh-CN': '哪个榜（默认本周）' },
        },
      ],
      examples: ['/quiz leaderboard', '/quiz leaderboard month'],
    },
    {
      name: 'stats',
      description: { en: 'Points, rank and streak', 'zh-CN': '积分、排名与连续天数' },
      options: [
        {
          name: 'user',
          type: 'user',
          positional: true,
          description: { en: 'Whose stats (default: yours)', 'zh-CN': '查看谁的数据（默认自己）' },
        },
      ],
      examples: ['/quiz stats'],
    },
    {
      name: 'help',
      description: { en: 'How to use the quiz bot', 'zh-CN': '使用说明' },
      options: [],
      examples: ['/quiz help'],
    },
  ],
};
