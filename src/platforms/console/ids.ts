/**
 * The console's opaque keys. Only this file spells them: one local workspace, channels and users
 * by name, and a DM channel per user for the inbox.
 */
export const WORKSPACE = 'console:ws:local';
const CHANNEL = 'console:ch:';
const USER = 'console:user:';
const DM = 'console:dm:';

/** Names as typed after `/as` and `/channel`: no spaces, no colons (they end up in keys). */
export const NAME = /^[^\s:#@]{1,32}$/u;

export const channelKey = (name: string): string => `${CHANNEL}${name}`;
export const userKey = (name: string): string => `${USER}${name}`;
export const dmKey = (user: string): string => `${DM}${user}`;

/** `general` for `console:ch:general`; the key itself for anything else. */
export function channelName(key: string): string {
  return key.startsWith(CHANNEL) ? key.slice(CHANNEL.length) : key;
}

/** The user a DM channel belongs to, or null for other channels. */
export function dmOwner(key: string): string | null {
  return key.startsWith(DM) ? key.slice(DM.length) : null;
}

/** The name inside a user key (`alice` for `console:user:alice`). */
export function userName(key: string): string {
  return key.startsWith(USER) ? key.slice(USER.length) : key;
}
