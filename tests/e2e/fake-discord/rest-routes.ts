/**
 * The REST surface as a table of routes, and the small routes that need no module of their own:
 * gateway discovery, the current user and application, DM channel creation, guild look-ups.
 */
import { Err } from './errors.js';
import { buildDmChannel } from './payloads.js';
import { commandRoutes } from './rest-commands.js';
import { channelRoutes } from './rest-channels.js';
import { interactionRoutes } from './rest-interactions.js';
import { snowflake } from './ids.js';
import { ok, type Route } from './route.js';
import type { World } from './state.js';

const coreRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/gateway',
    auth: 'token',
    handle: (ctx) => ok({ url: ctx.gatewayBot.url }),
  },
  {
    method: 'GET',
    pattern: '/gateway/bot',
    auth: 'bot',
    handle: (ctx) =>
      ok({
        url: ctx.gatewayBot.url,
        shards: ctx.gatewayBot.shards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: ctx.gatewayBot.maxConcurrency,
        },
      }),
  },
  { method: 'GET', pattern: '/users/@me', auth: 'bot', handle: (ctx) => ok(ctx.world.bot) },
  {
    method: 'GET',
    pattern: '/users/:userId',
    auth: 'bot',
    handle: (ctx) => ok(ctx.world.users.get(ctx.params.userId!) ?? throwIt(Err.unknownUser())),
  },
  {
    method: 'GET',
    pattern: '/applications/@me',
    auth: 'bot',
    handle: (ctx) => ok(application(ctx.world)),
  },
  {
    method: 'POST',
    pattern: '/users/@me/channels',
    auth: 'bot',
    handle: (ctx) => ok(openDm(ctx.world, String(ctx.json.recipient_id ?? ''))),
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId',
    auth: 'bot',
    handle: (ctx) => {
      const {
        channels: _c,
        threads: _t,
        members: _m,
        ...guild
      } = ctx.gateway.guildCreate(ctx.world.requireGuild(ctx.params.guildId!).id);
      return ok(guild);
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/channels',
    auth: 'bot',
    handle: (ctx) => {
      ctx.world.requireGuild(ctx.params.guildId!);
      const channels = ctx.world.guildChannels(ctx.params.guildId!);
      return ok(channels.filter((c) => !ctx.world.isThread(c)).map((c) => c.json));
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/roles',
    auth: 'bot',
    handle: (ctx) => ok([...ctx.world.requireGuild(ctx.params.guildId!).roles.values()]),
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/members/:userId',
    auth: 'bot',
    handle: (ctx) => {
      const guild = ctx.world.requireGuild(ctx.params.guildId!);
      return ok(guild.members.get(ctx.params.userId!) ?? throwIt(Err.unknownMember()));
    },
  },
];

function throwIt(error: Error): never {
  throw error;
}

function openDm(world: World, recipientId: string) {
  const user = world.users.get(recipientId);
  if (!user) throw Err.unknownUser();
  if (user.bot) throw Err.cannotDm();
  const existing = world.dmByRecipient.get(recipientId);
  if (existing) return world.requireChannel(existing).json;
  const json = buildDmChannel(snowflake(), user);
  world.channels.set(json.id, { json, guildId: null, messageIds: [] });
  world.dmByRecipient.set(recipientId, json.id);
  return json;
}

function application(world: World) {
  return {
    id: world.options.applicationId,
    name: world.bot.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    hook: true,
    team: null,
    bot: world.bot,
    redirect_uris: [],
    interactions_endpoint_url: null,
    approximate_guild_count: world.guilds.size,
    integration_types_config: { '0': {} },
  };
}

export const routes: Route[] = [
  ...coreRoutes,
  ...commandRoutes,
  ...interactionRoutes,
  ...channelRoutes,
];

/** The route for a request, or whether the path exists with another method (405). */
export function findRoute(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | 'wrong-method' | undefined {
  const got = path.split('/');
  let pathMatched = false;
  for (const route of routes) {
    const want = route.pattern.split('/');
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    const same = want.every((seg, i) => {
      if (seg.startsWith(':')) {
        params[seg.slice(1)] = got[i]!;
        return got[i] !== '';
      }
      return seg === got[i];
    });
    if (!same) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? 'wrong-method' : undefined;
}
