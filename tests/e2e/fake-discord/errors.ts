/**
 * Discord's JSON error bodies. Route handlers throw `DiscordHttpError`; the server turns it into
 * the response, so every failure the fake produces has the shape discord.js parses into a
 * `DiscordAPIError` (`code`, `message`, optional `errors`) or, for 5xx, an `HTTPError`.
 */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      message: string;
      code?: number;
      errors?: unknown;
      retry_after?: number;
      global?: boolean;
    },
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.message}`);
    this.name = 'DiscordHttpError';
  }
}

const fail = (status: number, code: number, message: string) =>
  new DiscordHttpError(status, { message, code });

/** One `_errors` entry in an Invalid Form Body, at a dotted path such as `data.content`. */
export interface FormProblem {
  path: string;
  code: string;
  message: string;
}

function nestErrors(problems: readonly FormProblem[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { path, code, message } of problems) {
    let node = root;
    for (const key of path.split('.')) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code, message });
  }
  return root;
}

export const Err = {
  badJson: () => fail(400, 50109, 'The request body contains invalid JSON.'),
  unauthorized: () => fail(401, 0, '401: Unauthorized'),
  invalidWebhookToken: () => fail(401, 50027, 'Invalid Webhook Token'),
  missingAccess: () => fail(403, 50001, 'Missing Access'),
  missingPermissions: () => fail(403, 50013, 'Missing Permissions'),
  cannotDm: () => fail(403, 50007, 'Cannot send messages to this user'),
  notOwnMessage: () => fail(403, 50005, 'Cannot edit a message authored by another user'),
  notThisApplication: () =>
    fail(403, 20012, 'You are not authorized to perform this action on this application'),
  notFound: () => fail(404, 0, '404: Not Found'),
  unknownChannel: () => fail(404, 10003, 'Unknown Channel'),
  unknownGuild: () => fail(404, 10004, 'Unknown Guild'),
  unknownMember: () => fail(404, 10007, 'Unknown Member'),
  unknownMessage: () => fail(404, 10008, 'Unknown Message'),
  unknownUser: () => fail(404, 10013, 'Unknown User'),
  unknownWebhook: () => fail(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => fail(404, 10062, 'Unknown interaction'),
  unknownCommand: () => fail(404, 10063, 'Unknown application command'),
  alreadyAcknowledged: () => fail(400, 40060, 'Interaction has already been acknowledged.'),
  emptyMessage: () => fail(400, 50006, 'Cannot send an empty message'),
  wrongChannelType: () => fail(400, 50024, 'Cannot execute action on this channel type'),
  threadExists: () => fail(400, 160004, 'A thread has already been created for this message'),
  tooLarge: () => fail(413, 40005, 'Request entity too large'),
  badVersion: () => fail(400, 50041, 'Invalid API version provided'),
  invalidForm: (problems: readonly FormProblem[]) =>
    new DiscordHttpError(400, {
      message: 'Invalid Form Body',
      code: 50035,
      errors: nestErrors(problems),
    }),
  server: (status: number) => fail(status, 0, `${status}: ${statusText(status)}`),
};

function statusText(status: number): string {
  const texts: Record<number, string> = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? 'Error';
}
