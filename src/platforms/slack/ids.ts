/**
 * Slack's opaque keys; only this file spells them. The workspace is the team the bot is installed
 * in. Channel keys carry that team too, because a shared channel is seen from several workspaces
 * and its board and daily post must belong to one. A person's key carries their own team.
 */
const TEAM = 'slack:team:';
const CHANNEL = 'slack:channel:';
const USER = 'slack:user:';

/** Team ids (T…, E… on Enterprise Grid), channel ids (C…, G…, D…) and user ids (U…, W…). */
const SLACK_ID = /^[A-Z][A-Z0-9]{1,20}$/;

export const teamKey = (team: string): string => `${TEAM}${team}`;
export const channelKey = (team: string, channel: string): string => `${CHANNEL}${team}:${channel}`;
export const userKey = (team: string, user: string): string => `${USER}${team}:${user}`;

/** `{ team, channel }` of a Slack channel key, or null for anything else. */
export function parseChannelKey(key: string): { team: string; channel: string } | null {
  return pair(key, CHANNEL, 'team', 'channel') as { team: string; channel: string } | null;
}

/** `{ team, user }` of a Slack user key, or null for anything else. */
export function parseUserKey(key: string): { team: string; user: string } | null {
  return pair(key, USER, 'team', 'user') as { team: string; user: string } | null;
}

/** The team id of a Slack workspace key, or null. */
export function parseTeamKey(key: string): string | null {
  const team = key.startsWith(TEAM) ? key.slice(TEAM.length) : '';
  return SLACK_ID.test(team) ? team : null;
}

/** Whether a Slack channel id is a direct message. */
export const isDirectMessage = (channel: string): boolean => channel.startsWith('D');

/** Whether a string looks like a Slack id (what a button or modal may carry back). */
export const isSlackId = (value: string): boolean => SLACK_ID.test(value);

function pair(key: string, prefix: string, a: string, b: string): Record<string, string> | null {
  if (!key.startsWith(prefix)) return null;
  const [first = '', second = '', ...rest] = key.slice(prefix.length).split(':');
  if (rest.length || !SLACK_ID.test(first) || !SLACK_ID.test(second)) return null;
  return { [a]: first, [b]: second };
}
