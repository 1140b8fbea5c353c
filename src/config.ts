/**
 * The one place that reads the environment. Everything else receives a validated, typed `Config`,
 * so a bad deployment fails at start with one line per variable instead of deep inside an adapter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_PREFIX = 'quizbot';
export const DEFAULT_PORT = 3000;

/** `auto` lets discord.js ask the gateway; otherwise this process runs `ids` out of `count` shards. */
export type DiscordShards = 'auto' | { readonly ids: readonly number[]; readonly count: number };

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  /** REST base without a trailing slash (discord.js appends `/v10`); undefined = discord.com. */
  readonly apiUrl: string | undefined;
  readonly shards: DiscordShards;
}

interface SlackCommon {
  readonly botToken: string;
  /** Web API base with a trailing slash, as Bolt's `slackApiUrl` expects; undefined = slack.com. */
  readonly apiUrl: string | undefined;
}
/** HTTP mode verifies request signatures; Socket Mode (an app token is present) does not need them. */
export type SlackConfig = SlackCommon &
  (
    | {
        readonly mode: 'http';
        readonly signingSecret: string;
        readonly appToken: undefined;
      }
    | {
        readonly mode: 'socket';
        readonly appToken: string;
        readonly signingSecret: string | undefined;
      }
  );

export type AdapterName = 'discord' | 'slack' | 'console';

export interface Config {
  /** The package root (where package.json is), independent of the working directory. */
  readonly projectRoot: string;
  /** `explicit` is false when REDIS_URL was unset: only then may quizbot start its own Redis. */
  readonly redis: { readonly url: string; readonly explicit: boolean };
  /** Redis key prefix without a trailing colon. */
  readonly prefix: string;
  /** Absolute path of a bank file or folder. */
  readonly bankPath: string;
  readonly logLevel: LogLevel;
  readonly port: number;
  readonly discord: DiscordConfig | undefined;
  readonly slack: SlackConfig | undefined;
  /** Adapters to start: each platform whose settings are complete, or `console` when there is none. */
  readonly adapters: readonly AdapterName[];
}

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Thrown by `loadConfig`; `lines` holds one `VARIABLE: problem; fix` line per bad variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

// Messages never echo token values: they end up in terminals, CI logs and bug reports.
const quoted = (v: string): string => JSON.stringify(v);

/** Error params that quote the offending (non-secret) value before the problem and its fix. */
const bad = (problem: string) => ({
  error: (issue: { input?: unknown }) => `${quoted(String(issue.input))} ${problem}`,
});

const httpUrl = (example: string) =>
  z
    .string()
    .refine(
      (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
      bad(`is not an http(s) URL; use a base such as ${example}`),
    );

const secret = (what: string) =>
  z.string().refine((v) => !/\s/.test(v), {
    message: `contains whitespace; paste only the ${what}`,
  });

const Env = z.object({
  REDIS_URL: z
    .string()
    .refine(
      (v) => URL.canParse(v) && /^rediss?:$/.test(new URL(v).protocol),
      bad(
        `is not a Redis URL; use redis://host:6379 (rediss:// for TLS) or unset it to use ${DEFAULT_REDIS_URL}`,
      ),
    )
    .optional(),
  QUIZBOT_PREFIX: z
    .string()
    .transform((v) => v.replace(/:$/, ''))
    .refine(
      (v) => /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(v),
      bad(
        `is not a key prefix; use letters, digits and _ . : - (at most 64), such as ${DEFAULT_PREFIX}`,
      ),
    )
    .optional(),
  BANK_PATH: z.string().optional(),
  LOG_LEVEL: z
    .string()
    .transform((v) => v.toLowerCase())
    .refine(
      (v): v is LogLevel => (LOG_LEVELS as readonly string[]).includes(v),
      bad(`is not a log level; use one of ${LOG_LEVELS.join(', ')}`),
    )
    .optional(),
  PORT: z
    .string()
    .refine(
      (v) => /^\d{1,5}$/.test(v) && Number(v) <= 65535,
      bad(`is not a TCP port; use a whole number from 0 to 65535 (default ${DEFAULT_PORT})`),
    )
    .transform(Number)
    .optional(),
  // The "Bot " check comes first: it is the likelier mistake and its own whitespace would hide it.
  DISCORD_TOKEN: z
    .string()
    .refine((v) => !/^bot\s/i.test(v), {
      message: 'starts with "Bot "; paste only the token from Developer Portal → Bot → Reset Token',
    })
    .pipe(secret('bot token'))
    .optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .refine(
      (v) => /^\d{5,25}$/.test(v),
      bad(
        `is not an application id; copy the numeric Application ID from Developer Portal → General Information`,
      ),
    )
    .optional(),
  DISCORD_API_URL: httpUrl('http://127.0.0.1:9000/api')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  DISCORD_SHARDS: z.string().transform(parseShards).optional(),
  SLACK_BOT_TOKEN: secret('bot token')
    .refine((v) => v.startsWith('xoxb-'), {
      message: 'does not start with xoxb-; copy the Bot User OAuth Token from OAuth & Permissions',
    })
    .optional(),
  SLACK_SIGNING_SECRET: secret('signing secret').optional(),
  SLACK_APP_TOKEN: secret('app-level token')
    .refine((v) => v.startsWith('xapp-'), {
      message:
        'does not start with xapp-; create an app-level token with connections:write under Basic Information',
    })
    .optional(),
  SLACK_API_URL: httpUrl('http://127.0.0.1:9001/api/')
    .transform((v) => (v.endsWith('/') ? v : `${v}/`))
    .optional(),
});
type ParsedEnv = z.infer<typeof Env>;
type VarName = keyof ParsedEnv;
const VAR_ORDER = Object.keys(Env.shape) as VarName[];

/** Reads, validates and types the configuration; throws `ConfigError` listing every bad variable. */
export function loadConfig(env: EnvSource = process.env, options: { cwd?: string } = {}): Config {
  const raw = normalise(env);
  const problems = new Map<VarName, string>();
  const add = (name: VarName, problem: string) => {
    if (!problems.has(name)) problems.set(name, `${name}: ${problem}`);
  };

  const parsed = Env.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path[0] as VarName, issue.message);
  }
  checkAdapterSettings(raw, add);

  const root = findProjectRoot();
  const bankPath = raw.BANK_PATH
    ? resolve(options.cwd ?? process.cwd(), raw.BANK_PATH)
    : join(root, 'data');
  if (!existsSync(bankPath)) {
    add('BANK_PATH', `${bankPath} does not exist; point it at a bank .md file or a folder of them`);
  }

  if (problems.size > 0 || !parsed.success) {
    throw new ConfigError(VAR_ORDER.flatMap((name) => problems.get(name) ?? []));
  }
  return build(parsed.data, root, bankPath);
}

// An empty value (`DISCORD_TOKEN=` copied from .env.example) means "not set", not "set to nothing".
function normalise(env: EnvSource): Partial<Record<VarName, string>> {
  const out: Partial<Record<VarName, string>> = {};
  for (const name of VAR_ORDER) {
    const value = env[name]?.trim();
    if (value) out[name] = value;
  }
  return out;
}

const SHARDS_FIX =
  'use auto, a shard count such as 4, or this process’s shard ids of a total such as 0,1/4';

/** `auto`, `N` (all N shards here) or `ids/N` such as `0-1,3/4` (some of N, to split processes). */
function parseShards(value: string, ctx: z.RefinementCtx): DiscordShards {
  const fail = (problem: string) => {
    ctx.addIssue({ code: 'custom', message: `${quoted(value)} ${problem}; ${SHARDS_FIX}` });
    return z.NEVER;
  };
  if (value.toLowerCase() === 'auto') return 'auto';
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    return count >= 1 ? { ids: [...Array(count).keys()], count } : fail('must be at least 1');
  }
  const m = /^(\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)\/(\d+)$/.exec(value.replace(/\s+/g, ''));
  if (!m) return fail('is not a shard setting');
  const count = Number(m[2]);
  const ids = new Set<number>();
  for (const part of m[1]!.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let id = from; id <= to; id++) ids.add(id);
  }
  const sorted = [...ids].sort((a, b) => a - b);
  if (count < 1 || sorted.length === 0 || sorted.at(-1)! >= count) {
    return fail(`names shard ids outside 0…${Math.max(count - 1, 0)}`);
  }
  return { ids: sorted, count };
}

function checkAdapterSettings(
  raw: Partial<Record<VarName, string>>,
  add: (name: VarName, problem: string) => void,
): void {
  const set = (...names: VarName[]) => names.filter((n) => raw[n] !== undefined);

  const discordSet = set(
    'DISCORD_TOKEN',
    'DISCORD_APPLICATION_ID',
    'DISCORD_API_URL',
    'DISCORD_SHARDS',
  );
  if (discordSet.length > 0) {
    const because = `${discordSet.join(' and ')} ${discordSet.length > 1 ? 'are' : 'is'} set`;
    if (!raw.DISCORD_TOKEN) {
      add(
        'DISCORD_TOKEN',
        `missing; ${because}, so set the bot token (Developer Portal → Bot) or unset the other DISCORD_* variables`,
      );
    }
    if (!raw.DISCORD_APPLICATION_ID) {
      add(
        'DISCORD_APPLICATION_ID',
        `missing; ${because}, so set the Application ID (Developer Portal → General Information) or unset the other DISCORD_* variables`,
      );
    }
  }

  const slackSet = set(
    'SLACK_BOT_TOKEN',
    'SLACK_SIGNING_SECRET',
    'SLACK_APP_TOKEN',
    'SLACK_API_URL',
  );
  if (slackSet.length > 0) {
    const because = `${slackSet.join(' and ')} ${slackSet.length > 1 ? 'are' : 'is'} set`;
    if (!raw.SLACK_BOT_TOKEN) {
      add(
        'SLACK_BOT_TOKEN',
        `missing; ${because}, so set the Bot User OAuth Token (xoxb-…) or unset the other SLACK_* variables`,
      );
    }
    if (!raw.SLACK_SIGNING_SECRET && !raw.SLACK_APP_TOKEN) {
      add(
        'SLACK_SIGNING_SECRET',
        `missing; Slack needs SLACK_SIGNING_SECRET (HTTP events, Basic Information → Signing Secret) or SLACK_APP_TOKEN (Socket Mode)`,
      );
    }
  }
}

function build(env: ParsedEnv, projectRoot: string, bankPath: string): Config {
  const discord: DiscordConfig | undefined =
    env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID
      ? {
          token: env.DISCORD_TOKEN,
          applicationId: env.DISCORD_APPLICATION_ID,
          apiUrl: env.DISCORD_API_URL,
          shards: env.DISCORD_SHARDS ?? 'auto',
        }
      : undefined;
  const slack = buildSlack(env);
  const adapters: AdapterName[] = [];
  if (discord) adapters.push('discord');
  if (slack) adapters.push('slack');
  if (adapters.length === 0) adapters.push('console');
  return {
    projectRoot,
    redis: {
      url: env.REDIS_URL ?? DEFAULT_REDIS_URL,
      explicit: env.REDIS_URL !== undefined,
    },
    prefix: env.QUIZBOT_PREFIX ?? DEFAULT_PREFIX,
    bankPath,
    logLevel: (env.LOG_LEVEL as LogLevel | undefined) ?? 'info',
    port: env.PORT ?? DEFAULT_PORT,
    discord,
    slack,
    adapters,
  };
}

function buildSlack(env: ParsedEnv): SlackConfig | undefined {
  const botToken = env.SLACK_BOT_TOKEN;
  if (!botToken) return undefined;
  const apiUrl = env.SLACK_API_URL;
  // An app token is an explicit opt-in to Socket Mode, so it wins when both are present.
  if (env.SLACK_APP_TOKEN) {
    return {
      botToken,
      apiUrl,
      mode: 'socket',
      appToken: env.SLACK_APP_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
    };
  }
  if (env.SLACK_SIGNING_SECRET) {
    return {
      botToken,
      apiUrl,
      mode: 'http',
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: undefined,
    };
  }
  return undefined;
}

/** The folder holding quizbot's package.json, found from this file so it works from src/ and dist/. */
export function findProjectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'quizbot') return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
