import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, findProjectRoot, loadConfig, type EnvSource } from '../../src/config.js';

const root = join(import.meta.dirname, '..', '..');

/** The lines of the ConfigError that `env` produces (fails the test when it loads fine). */
function problems(env: EnvSource): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('CONFIG_INVALID');
    return [...(error as ConfigError).lines];
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

function captureError(run: () => unknown): ConfigError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as ConfigError;
  }
}

const discord = { DISCORD_TOKEN: 'MTIz.abc.def', DISCORD_APPLICATION_ID: '112233445566778899' };
const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'f00ddd04' };

describe('loadConfig defaults', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      projectRoot: root,
      redis: { url: 'redis://127.0.0.1:6379', explicit: false },
      prefix: 'quizbot',
      bankPath: join(root, 'data'),
      logLevel: 'info',
      port: 3000,
      discord: undefined,
      slack: undefined,
      adapters: ['console'],
    });
  });

  it('resolves the default bank from the package root, not the working directory', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'quizbot-cwd-'));
    expect(loadConfig({}, { cwd: elsewhere }).bankPath).toBe(join(root, 'data'));
    expect(findProjectRoot(join(root, 'src', 'core'))).toBe(root);
  });

  it('treats empty and blank values as unset (a copied .env.example)', () => {
    const config = loadConfig({ REDIS_URL: '', DISCORD_TOKEN: '  ', PORT: '', LOG_LEVEL: '' });
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', explicit: false });
    expect(config.adapters).toEqual(['console']);
    expect(config.port).toBe(3000);
  });

  it('keeps explicit values, normalised', () => {
    const bank = mkdtempSync(join(tmpdir(), 'quizbot-bank-'));
    const config = loadConfig(
      {
        REDIS_URL: 'redis://redis:6379/2',
        QUIZBOT_PREFIX: 'qb:staging:',
        BANK_PATH: bank,
        LOG_LEVEL: 'DEBUG',
        PORT: '0',
      },
      { cwd: '/' },
    );
    expect(config.redis).toEqual({ url: 'redis://redis:6379/2', explicit: true });
    expect(config.prefix).toBe('qb:staging');
    expect(config.bankPath).toBe(bank);
    expect(config.logLevel).toBe('debug');
    expect(config.port).toBe(0);
  });

  it('resolves a relative BANK_PATH against the working directory', () => {
    expect(loadConfig({ BANK_PATH: 'data' }, { cwd: root }).bankPath).toBe(join(root, 'data'));
  });
});

describe('loadConfig: one line per bad variable', () => {
  const cases: [EnvSource, string, RegExp][] = [
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL', /not a Redis URL; use redis:\/\/host:6379/],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL', /not a Redis URL/],
    [{ QUIZBOT_PREFIX: 'my bot' }, 'QUIZBOT_PREFIX', /"my bot" is not a key prefix/],
    [{ BANK_PATH: '/no/such/bank' }, 'BANK_PATH', /\/no\/such\/bank does not exist/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /use one of fatal, error, warn, info, debug, trace/],
    [{ PORT: 'http' }, 'PORT', /"http" is not a TCP port; use a whole number from 0 to 65535/],
    [{ PORT: '70000' }, 'PORT', /not a TCP port/],
    [{ ...discord, DISCORD_TOKEN: 'Bot abc' }, 'DISCORD_TOKEN', /starts with "Bot "; paste only/],
    [{ ...discord, DISCORD_TOKEN: 'ab c' }, 'DISCORD_TOKEN', /contains whitespace/],
    [{ ...discord, DISCORD_APPLICATION_ID: 'quizbot' }, 'DISCORD_APPLICATION_ID', /numeric/],
    [{ ...discord, DISCORD_API_URL: 'discord.test/api' }, 'DISCORD_API_URL', /http\(s\) URL/],
    [{ ...discord, DISCORD_SHARDS: 'many' }, 'DISCORD_SHARDS', /use auto, a shard count/],
    [{ ...discord, DISCORD_SHARDS: '0' }, 'DISCORD_SHARDS', /at least 1/],
    [{ ...discord, DISCORD_SHARDS: '2,4/4' }, 'DISCORD_SHARDS', /outside 0…3/],
    [{ ...slackHttp, SLACK_BOT_TOKEN: 'xoxp-user' }, 'SLACK_BOT_TOKEN', /start with xoxb-/],
    [{ ...slackHttp, SLACK_SIGNING_SECRET: 'a b' }, 'SLACK_SIGNING_SECRET', /whitespace/],
    [{ ...slackHttp, SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN', /start with xapp-/],
    [{ ...slackHttp, SLACK_API_URL: 'ftp://slack' }, 'SLACK_API_URL', /http\(s\) URL/],
  ];
  it.each(cases)('%j → %s', (env, name, pattern) => {
    const lines = problems(env);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name}: `));
    expect(lines[0]).toMatch(pattern);
    expect(lines[0]).not.toContain('\n');
  });

  it('reports every bad variable at once, in a stable order', () => {
    const lines = problems({ PORT: 'x', LOG_LEVEL: 'loud', REDIS_URL: 'nope' });
    expect(lines.map((l) => l.split(':')[0])).toEqual(['REDIS_URL', 'LOG_LEVEL', 'PORT']);
    const error = captureError(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' }));
    expect(error?.message.split('\n')).toEqual(error?.lines);
  });

  it('never echoes a secret value', () => {
    const lines = problems({
      ...discord,
      DISCORD_TOKEN: 'Bot sup3r-s3cret',
      SLACK_BOT_TOKEN: 'xoxp-s3cret',
    });
    expect(lines.join('\n')).not.toMatch(/s3cret/);
  });
});

describe('loadConfig: adapter selection', () => {
  it('enables Discord with a token and an application id', () => {
    const config = loadConfig({ ...discord, DISCORD_API_URL: 'http://127.0.0.1:9000/api/' });
    expect(config.adapters).toEqual(['discord']);
    expect(config.discord).toEqual({
      token: discord.DISCORD_TOKEN,
      applicationId: discord.DISCORD_APPLICATION_ID,
      apiUrl: 'http://127.0.0.1:9000/api',
      shards: 'auto',
    });
  });

  it('parses shard settings for splitting one bot over processes', () => {
    const shards = (value: string) =>
      loadConfig({ ...discord, DISCORD_SHARDS: value }).discord?.shards;
    expect(shards('AUTO')).toBe('auto');
    expect(shards('2')).toEqual({ ids: [0, 1], count: 2 });
    expect(shards('0-1,3/4')).toEqual({ ids: [0, 1, 3], count: 4 });
  });

  it('enables Slack over HTTP with a bot token and signing secret', () => {
    const config = loadConfig({ ...slackHttp, SLACK_API_URL: 'http://127.0.0.1:9001/api' });
    expect(config.adapters).toEqual(['slack']);
    expect(config.slack).toEqual({
      mode: 'http',
      botToken: slackHttp.SLACK_BOT_TOKEN,
      signingSecret: slackHttp.SLACK_SIGNING_SECRET,
      appToken: undefined,
      apiUrl: 'http://127.0.0.1:9001/api/',
    });
  });

  it('enables Slack Socket Mode with a bot token and an app token', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.slack).toMatchObject({
      mode: 'socket',
      appToken: 'xapp-1',
      signingSecret: undefined,
    });
    const both = loadConfig({ ...slackHttp, SLACK_APP_TOKEN: 'xapp-1' });
    expect(both.slack?.mode).toBe('socket');
  });

  it('runs both platforms side by side, and the console only when neither is set', () => {
    expect(loadConfig({ ...discord, ...slackHttp }).adapters).toEqual(['discord', 'slack']);
  });

  it.each<[EnvSource, string[]]>([
    [{ DISCORD_TOKEN: 'abc' }, ['DISCORD_APPLICATION_ID']],
    [{ DISCORD_APPLICATION_ID: '112233445566778899' }, ['DISCORD_TOKEN']],
    [{ DISCORD_API_URL: 'http://127.0.0.1:9000/api' }, ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, ['SLACK_SIGNING_SECRET']],
    [{ SLACK_SIGNING_SECRET: 'abc' }, ['SLACK_BOT_TOKEN']],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, ['SLACK_BOT_TOKEN']],
  ])('partial settings %j name the missing variable', (env, missing) => {
    const lines = problems(env);
    expect(lines.map((l) => l.split(':')[0])).toEqual(missing);
    for (const line of lines)
      expect(line).toMatch(/: missing; .* (is|are) set|: missing; Slack needs/);
  });

  it('says which variables made a platform half-configured', () => {
    expect(problems({ DISCORD_TOKEN: 'abc' })[0]).toMatch(
      /^DISCORD_APPLICATION_ID: missing; DISCORD_TOKEN is set, so set the Application ID/,
    );
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toMatch(/SLACK_APP_TOKEN \(Socket Mode\)/);
  });
});
