/**
 * Logger factory. Logs go to stderr so that stdout stays clean for command output
 * (`bank stats --json`, the console adapter). JSON for machines; a compact line on a terminal.
 */
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

// Field names that hold credentials anywhere in a logged object (config, errors, HTTP requests).
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'secret',
  'password',
  'authorization',
  'cookie',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
];
// fast-redact has no recursive wildcard, so cover the depths our objects actually have.
const REDACT_PATHS = ['', '*.', '*.*.', '*.*.*.'].flatMap((depth) =>
  SECRET_KEYS.map((key) => `${depth}${key}`),
);

export interface LoggerOptions {
  /** Where lines go; default stderr. */
  destination?: DestinationStream;
  /** Human-readable lines instead of JSON; default: when stderr is a terminal and no destination given. */
  pretty?: boolean;
  /** Bound as `name` on every line, e.g. the subsystem. */
  name?: string;
}

/** Builds the process logger; credentials are replaced by `[redacted]` wherever they appear. */
export function createLogger(
  config: { readonly logLevel: LogLevel },
  options: LoggerOptions = {},
): Logger {
  const pretty = options.pretty ?? (options.destination === undefined && process.stderr.isTTY);
  const sink = options.destination ?? pino.destination({ fd: 2, sync: true });
  return pino(
    {
      level: config.logLevel,
      name: options.name,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: stdTimeFunctions.isoTime,
    },
    // hasColors() honours NO_COLOR and FORCE_COLOR, so we need not read them ourselves.
    pretty ? prettyStream(sink, process.stderr.isTTY === true && process.stderr.hasColors()) : sink,
  );
}

/** A URL safe to log: the password (Redis AUTH) is replaced, everything else is kept. */
export function maskUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (!parsed.password) return url;
  parsed.password = '***';
  return parsed.toString();
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const LEVEL_COLOURS: Record<number, string> = { 40: '33', 50: '31', 60: '35' };
const OMIT = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name', 'err']);

/** `12:00:01 INFO  [name] message key=value`, with an error's stack on the following lines. */
export function formatPretty(line: string, colour = false): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const level = Number(record.level);
  const label = (LEVEL_NAMES[level] ?? String(level)).padEnd(5);
  const paint =
    colour && LEVEL_COLOURS[level] ? `\x1b[${LEVEL_COLOURS[level]}m${label}\x1b[0m` : label;
  const time = typeof record.time === 'string' ? record.time.slice(11, 19) : '';
  const name = record.name ? `[${String(record.name)}] ` : '';
  const extras = Object.entries(record)
    .filter(([key]) => !OMIT.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const err = record.err as { stack?: string; message?: string } | undefined;
  const tail = err ? `\n  ${(err.stack ?? err.message ?? '').replace(/\n/g, '\n  ')}` : '';
  return `${time} ${paint} ${name}${String(record.msg ?? '')}${extras.length ? ` ${extras.join(' ')}` : ''}${tail}\n`;
}

function prettyStream(sink: DestinationStream, colour: boolean): DestinationStream {
  return { write: (line: string) => sink.write(formatPretty(line, colour)) };
}
