/**
 * Low-level Redis helpers shared by the runtime bootstrap and the test harness: probing a server,
 * finding a port, and running a child `redis-server` that cannot outlive this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export type PingResult = { ok: true } | { ok: false; reason: string };

/** One PING with a hard deadline; never throws, never retries, never leaves a connection open. */
export async function pingRedis(url: string, timeoutMs: number): Promise<PingResult> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    // The ready check would wait on INFO from a server that never answers (or is not Redis).
    enableReadyCheck: false,
  });
  // ioredis rejects with a bare "Connection is closed."; the 'error' event has the real cause.
  let cause: unknown;
  client.on('error', (error: unknown) => (cause ??= error));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<PingResult>((done) => {
    timer = setTimeout(
      () => done({ ok: false, reason: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const attempt = (async (): Promise<PingResult> => {
    await client.connect();
    const reply = await client.ping();
    return reply === 'PONG' ? { ok: true } : { ok: false, reason: `PING answered ${reply}` };
  })().catch((error: unknown): PingResult => ({
    ok: false,
    reason: describeError(cause ?? error),
  }));
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** Polls until the server answers PING, `timeoutMs` passes, or `signal` aborts. */
export async function waitForRedis(
  url: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<PingResult> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const result = await pingRedis(url, Math.min(500, Math.max(timeoutMs, 50)));
    if (result.ok || signal?.aborted || Date.now() >= until) return result;
    await sleep(50);
  }
}

/** The process id of the server at `url` (INFO server), to tell our child from a neighbour. */
async function serverPid(url: string, timeoutMs: number): Promise<number | undefined> {
  const client = new Redis(url, {
    lazyConnect: true,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const match = /^process_id:(\d+)/m.exec(await client.info('server'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}

/** Whether nothing is listening on `host:port` (checked by binding it for a moment). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => done(true)));
  });
}

/** A port the OS says is free right now (there is a small race until someone binds it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface RedisServerOptions {
  port: number;
  /** Working directory: data files and `redis.log` go here. Created when missing. */
  dir: string;
  /** AOF on (a real data directory) or no persistence at all (tests). */
  persist: boolean;
  /** Binary to run; looked up on PATH. Default `redis-server`. */
  command?: string;
  /** Environment of the child; its PATH decides where `command` is looked up. Default: inherited. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the first PONG. Default 20 s (loading a large AOF takes a while). */
  startTimeoutMs?: number;
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Shuts the server down (SIGTERM, so AOF is flushed; SIGKILL after 10 s). Idempotent. */
  stop(): Promise<void>;
}

/** Why a child redis-server could not be started; `not-found` means no binary on PATH. */
export class RedisServerStartError extends Error {
  readonly code = 'REDIS_SERVER_START_FAILED';
  constructor(
    readonly reason: 'not-found' | 'exited' | 'timeout',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RedisServerStartError';
  }
}

/** Starts `redis-server` on 127.0.0.1:`port` and resolves once it answers PING. */
export async function startRedisServer(options: RedisServerOptions): Promise<RedisServer> {
  const { port, dir, persist } = options;
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'redis.log');
  const logFd = openSync(logFile, 'a');
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes'],
    ...['--dir', dir, '--daemonize', 'no'],
    ...(persist ? ['--appendonly', 'yes'] : ['--save', '', '--appendonly', 'no']),
  ];
  let child: ChildProcess;
  try {
    child = spawn(options.command ?? 'redis-server', args, {
      cwd: dir,
      env: options.env,
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd); // the child holds its own copy
  }
  const url = `redis://127.0.0.1:${port}`;
  const failed = new Promise<RedisServerStartError>((done) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      done(
        error.code === 'ENOENT'
          ? new RedisServerStartError(
              'not-found',
              `${options.command ?? 'redis-server'} is not on PATH`,
              { cause: error },
            )
          : new RedisServerStartError('exited', `could not run redis-server: ${error.message}`, {
              cause: error,
            }),
      ),
    );
    child.once('exit', (code, signal) =>
      done(
        new RedisServerStartError(
          'exited',
          `redis-server exited (${signal ?? `code ${code}`}) during start: ${lastLine(logFile)}`,
        ),
      ),
    );
  });
  const giveUp = new AbortController();
  const ready = waitForRedis(url, options.startTimeoutMs ?? 20_000, giveUp.signal);
  const outcome = await Promise.race([failed, ready]);
  giveUp.abort();
  // Another redis-server may have taken the port a moment before ours tried to: then its PONG
  // is not ours, and our child is about to exit with "Address already in use".
  const ours =
    !(outcome instanceof RedisServerStartError) &&
    outcome.ok &&
    (await serverPid(url, 2000)) === child.pid;
  if (!ours) {
    child.kill('SIGKILL');
    if (outcome instanceof RedisServerStartError) throw outcome;
    throw outcome.ok
      ? new RedisServerStartError('exited', `another redis-server answers on ${url}`)
      : new RedisServerStartError(
          'timeout',
          `redis-server did not answer on ${url}: ${outcome.reason}`,
        );
  }
  return supervise(child, url, port);
}

// Ties the child's life to ours: a normal exit kills it from an 'exit' hook, and a watchdog shell
// reading our pipe kills it when we die hard (SIGKILL, OOM), which no in-process hook can see.
function supervise(child: ChildProcess, url: string, port: number): RedisServer {
  const pid = child.pid!;
  const watchdog = spawn(
    'sh',
    ['-c', 'while read -r _; do :; done; kill -TERM "$0" 2>/dev/null', String(pid)],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true, // survives a terminal's Ctrl-C long enough to see our pipe close
    },
  );
  watchdog.on('error', () => {}); // without sh we still have the exit hook
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', onExit);
  child.unref(); // a forgotten stop() must not keep the process alive; the exit hook cleans up

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', onExit);
      watchdog.kill('SIGKILL');
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    })());
  return { url, port, pid, stop };
}

function lastLine(file: string): string {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return lines.at(-1)?.replace(/^\d+:[A-Z] \d+ \w+ \d+ [\d:.]+ [*#.-] /, '') || 'no output';
  } catch {
    return 'no log';
  }
}

/** `ECONNREFUSED: connect ECONNREFUSED …` style text for a one-line message. */
function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
