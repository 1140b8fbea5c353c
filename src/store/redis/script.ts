/**
 * Lua scripts through ioredis `defineCommand`: ioredis sends EVALSHA and falls back to EVAL when
 * Redis answers NOSCRIPT (after a restart or SCRIPT FLUSH), and keyPrefix applies to KEYS.
 */
import type { Redis } from 'ioredis';

export type ScriptArg = string | number;
export type ScriptRunner = (
  keys: readonly string[],
  args: readonly ScriptArg[],
) => Promise<unknown>;

type DefinedCommand = (...args: ScriptArg[]) => Promise<unknown>;

/**
 * Defines `name` on the client and returns a typed runner. Every key a script touches is passed
 * in KEYS, as Redis requires for scripts to be replicated and routed correctly.
 */
export function defineScript(
  redis: Redis,
  name: string,
  keyCount: number,
  lua: string,
): ScriptRunner {
  redis.defineCommand(name, { numberOfKeys: keyCount, lua });
  // defineCommand adds a method ioredis' types cannot know about; this is the one cast for it.
  const command = (redis as unknown as Record<string, DefinedCommand>)[name];
  if (typeof command !== 'function') throw new Error(`ioredis did not define script ${name}`);
  return (keys, args) => {
    if (keys.length !== keyCount)
      throw new RangeError(`script ${name} takes ${keyCount} keys, got ${keys.length}`);
    return command.call(redis, ...keys, ...args);
  };
}
