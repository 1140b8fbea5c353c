/**
 * Application command registration, global and per guild: create (upsert by name and type),
 * bulk overwrite (PUT keeps the ids of commands it matches), fetch with or without
 * localization dictionaries, edit, delete. Every change bumps `version`, as Discord does.
 */
import { ApplicationCommandType } from 'discord.js';
import type { APIApplicationCommand } from 'discord.js';
import { commandProblems } from './command-rules.js';
import { Err } from './errors.js';
import { snowflake } from './ids.js';
import { noContent, ok, type Json, type Route, type RouteContext } from './route.js';

function store(ctx: RouteContext): Map<string, APIApplicationCommand> {
  if (ctx.params.applicationId !== ctx.world.options.applicationId) throw Err.notThisApplication();
  const guildId = ctx.params.guildId;
  if (!guildId) return ctx.world.globalCommands;
  if (!ctx.world.guilds.has(guildId)) throw Err.missingAccess();
  let commands = ctx.world.guildCommands.get(guildId);
  if (!commands) ctx.world.guildCommands.set(guildId, (commands = new Map()));
  return commands;
}

function normalize(ctx: RouteContext, body: Json, id: string): APIApplicationCommand {
  const type = Number(body.type ?? ApplicationCommandType.ChatInput);
  const guildId = ctx.params.guildId;
  const perms = body.default_member_permissions;
  return {
    id,
    application_id: ctx.world.options.applicationId,
    version: snowflake(),
    type,
    name: String(body.name),
    name_localizations: (body.name_localizations as never) ?? null,
    description: type === ApplicationCommandType.ChatInput ? String(body.description ?? '') : '',
    description_localizations: (body.description_localizations as never) ?? null,
    default_member_permissions: perms === undefined || perms === null ? null : String(perms),
    ...(guildId ? { guild_id: guildId } : { dm_permission: body.dm_permission !== false }),
    contexts: (body.contexts as never) ?? null,
    integration_types: (body.integration_types as never) ?? [0],
    nsfw: body.nsfw === true,
    ...(Array.isArray(body.options) && body.options.length > 0
      ? { options: body.options as never }
      : {}),
  } as APIApplicationCommand;
}

/** Without `with_localizations=true` Discord leaves the dictionaries out. */
function present(ctx: RouteContext, command: APIApplicationCommand): unknown {
  if (ctx.query.get('with_localizations') === 'true') return command;
  const strip = (o: Json): Json => {
    const { name_localizations: _n, description_localizations: _d, ...rest } = o;
    if (Array.isArray(rest.options)) rest.options = (rest.options as Json[]).map(strip);
    return rest;
  };
  return strip(command as unknown as Json);
}

function sameCommand(a: Json, b: APIApplicationCommand): boolean {
  return a.name === b.name && Number(a.type ?? 1) === b.type;
}

function create(ctx: RouteContext) {
  const commands = store(ctx);
  const problems = commandProblems(ctx.json);
  if (problems.length > 0) throw Err.invalidForm(problems);
  const existing = [...commands.values()].find((c) => sameCommand(ctx.json, c));
  const command = normalize(ctx, ctx.json, existing?.id ?? snowflake());
  commands.set(command.id, command);
  return ok(present(ctx, command), existing ? 200 : 201);
}

function overwrite(ctx: RouteContext) {
  const commands = store(ctx);
  const list = ctx.call.json;
  if (!Array.isArray(list)) {
    throw Err.invalidForm([{ path: '_', code: 'BASE_TYPE_ARRAY', message: 'Must be an array' }]);
  }
  const problems = (list as Json[]).flatMap((c, i) => commandProblems(c, String(i)));
  if (problems.length > 0) throw Err.invalidForm(problems);
  const next = (list as Json[]).map((body) => {
    const kept = [...commands.values()].find((c) => sameCommand(body, c));
    return normalize(ctx, body, kept?.id ?? snowflake());
  });
  commands.clear();
  for (const command of next) commands.set(command.id, command);
  return ok(next.map((c) => present(ctx, c)));
}

function one(ctx: RouteContext): APIApplicationCommand {
  const command = store(ctx).get(ctx.params.commandId!);
  if (!command) throw Err.unknownCommand();
  return command;
}

function edit(ctx: RouteContext) {
  const current = one(ctx);
  const merged = { ...current, ...ctx.json } as Json;
  const problems = commandProblems(merged);
  if (problems.length > 0) throw Err.invalidForm(problems);
  const command = normalize(ctx, merged, current.id);
  store(ctx).set(command.id, command);
  return ok(present(ctx, command));
}

function routesUnder(base: string): Route[] {
  return [
    {
      method: 'GET',
      pattern: base,
      auth: 'bot',
      handle: (ctx) => ok([...store(ctx).values()].map((c) => present(ctx, c))),
    },
    { method: 'POST', pattern: base, auth: 'bot', handle: create },
    { method: 'PUT', pattern: base, auth: 'bot', handle: overwrite },
    {
      method: 'GET',
      pattern: `${base}/:commandId`,
      auth: 'bot',
      handle: (ctx) => ok(present(ctx, one(ctx))),
    },
    { method: 'PATCH', pattern: `${base}/:commandId`, auth: 'bot', handle: edit },
    {
      method: 'DELETE',
      pattern: `${base}/:commandId`,
      auth: 'bot',
      handle: (ctx) => {
        store(ctx).delete(one(ctx).id);
        return noContent();
      },
    },
  ];
}

export const commandRoutes: Route[] = [
  ...routesUnder('/applications/:applicationId/commands'),
  ...routesUnder('/applications/:applicationId/guilds/:guildId/commands'),
];
