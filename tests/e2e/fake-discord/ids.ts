/** Snowflakes and tokens shaped like Discord's, so ids sort by creation time as they do there. */
import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1_420_070_400_000n;
let last = 0n;

/** A fresh snowflake for `at` (ms); strictly increasing within the process. */
export function snowflake(at: number = Date.now()): string {
  const candidate = ((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n);
  last = candidate > last ? candidate : last + 1n;
  return last.toString();
}

/** An interaction token: Discord's start with base64("interaction:"). */
export function interactionToken(id: string): string {
  const tail = randomBytes(96).toString('base64url');
  return `aW50ZXJhY3Rpb246${Buffer.from(id).toString('base64url')}${tail}`;
}

export function sessionId(): string {
  return randomBytes(16).toString('hex');
}

export function iso(at: number): string {
  return new Date(at).toISOString().replace('Z', '+00:00');
}
