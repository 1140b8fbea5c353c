/** Starts `bot-process.ts` as a child and follows its JSON-line events; the tests' handle on it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BotConfig } from './bot-process.js';

const SCRIPT = fileURLToPath(new URL('./bot-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BotHandle {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Every JSON event the bot printed so far. */
  readonly events: Record<string, unknown>[];
  /** Resolves with the first event named `name`. */
  waitFor(name: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to stderr (its warn/error logs), for failure messages. */
  stderr(): string;
  /** Releases a bot started with `waitForGo`. */
  go(): void;
  /** SIGKILL, no goodbye: the crash the tests are about. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the graceful exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnBot(config: BotConfig): BotHandle {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(config)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const events: Record<string, unknown>[] = [];
  const waiters: { name: string; done: (event: Record<string, unknown>) => void }[] = [];
  let err = '';
  let buffer = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(text) as Record<string, unknown>;
      } catch {
        continue;
      }
      events.push(event);
      for (const waiter of waiters.filter((w) => w.name === event.event)) waiter.done(event);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err = (err + chunk).slice(-20_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const handle: BotHandle = {
    child,
    pid: child.pid!,
    events,
    exited,
    stderr: () => err,
    go: () => void child.stdin!.write('go\n'),
    waitFor(name, timeoutMs = 30_000) {
      const seen = events.find((e) => e.event === name);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `bot ${child.pid} sent no "${name}" within ${timeoutMs} ms; stderr:\n${err}`,
              ),
            ),
          timeoutMs,
        );
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(
            new Error(
              `bot ${child.pid} exited (${signal ?? code}) before "${name}"; stderr:\n${err}`,
            ),
          );
        });
        waiters.push({
          name,
          done: (event) => {
            clearTimeout(timer);
            resolve(event);
          },
        });
      });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  return handle;
}
