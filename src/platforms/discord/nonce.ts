/**
 * Message nonces from core's idempotency keys. With `enforce_nonce`, Discord answers a repeat of
 * a nonce it saw from the bot in the same channel within a few minutes with the first message
 * instead of posting again, which is what a post retried after a crash or a lost response needs.
 * A nonce holds 25 characters and keys are longer, so it is a hash of the key (and the part's
 * index, for a post that takes several messages).
 */
import { createHash } from 'node:crypto';
import { DISCORD_MAX_NONCE } from './limits.js';

export function nonceFor(idempotencyKey: string, part = 0): string {
  return createHash('sha256')
    .update(`${idempotencyKey}#${part}`)
    .digest('base64url')
    .slice(0, DISCORD_MAX_NONCE);
}
