/**
 * What registering the spec would change: each desired command against the one registered under
 * its name, field by field, with one small checker per field. Discord fills in defaults and
 * leaves out empty values (a `required: false`, an empty localization map), so each checker
 * compares canonical forms; only fields that really differ go into the PATCH.
 */
import type { APIApplicationCommand } from 'discord.js';
import type { CommandBody } from './to-discord.js';

type Json = Record<string, unknown>;

export type CommandChange =
  | { action: 'create'; name: string; body: CommandBody }
  | { action: 'update'; id: string; name: string; fields: string[]; patch: Json }
  | { action: 'delete'; id: string; name: string }
  | { action: 'keep'; id: string; name: string };

/** The top-level fields quizbot sets, each with the canonical form it is compared in. */
const FIELDS: Readonly<Record<string, (value: unknown) => unknown>> = {
  description: (v) => String(v ?? ''),
  name_localizations: localizations,
  description_localizations: localizations,
  default_member_permissions: (v) => (v === undefined || v === null ? null : String(v)),
  contexts: (v) => (Array.isArray(v) ? [...(v as number[])].sort() : null),
  // Discord's default is a guild install.
  integration_types: (v) => (Array.isArray(v) ? [...(v as number[])].sort() : [0]),
  nsfw: (v) => v === true,
  options: (v) => options(v),
};

export function planSync(
  desired: readonly CommandBody[],
  registered: readonly APIApplicationCommand[],
): CommandChange[] {
  const changes: CommandChange[] = desired.map((body) => {
    const current = registered.find((c) => sameCommand(c, body));
    if (!current) return { action: 'create', name: body.name, body };
    const fields = changedFields(body as unknown as Json, current as unknown as Json);
    if (fields.length === 0) return { action: 'keep', id: current.id, name: current.name };
    const patch = Object.fromEntries(fields.map((f) => [f, (body as unknown as Json)[f] ?? null]));
    return { action: 'update', id: current.id, name: current.name, fields, patch };
  });
  for (const current of registered) {
    if (!desired.some((body) => sameCommand(current, body))) {
      changes.push({ action: 'delete', id: current.id, name: current.name });
    }
  }
  return changes;
}

/** The fields of `desired` whose canonical form differs from `current`'s. */
export function changedFields(desired: Json, current: Json): string[] {
  return Object.entries(FIELDS)
    .filter(([field, canon]) => !sameJson(canon(desired[field]), canon(current[field])))
    .map(([field]) => field);
}

function sameCommand(current: APIApplicationCommand, body: CommandBody): boolean {
  return current.name === body.name && (current.type ?? 1) === (body.type ?? 1);
}

function localizations(value: unknown): Json | null {
  if (!value || typeof value !== 'object') return null;
  const entries = Object.entries(value as Json)
    .filter(([, text]) => typeof text === 'string' && text !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? Object.fromEntries(entries) : null;
}

function options(value: unknown): Json[] {
  if (!Array.isArray(value)) return [];
  return (value as Json[]).map((o) => ({
    type: Number(o.type),
    name: String(o.name),
    description: String(o.description ?? ''),
    name_localizations: localizations(o.name_localizations),
    description_localizations: localizations(o.description_localizations),
    required: o.required === true,
    autocomplete: o.autocomplete === true,
    choices: Array.isArray(o.choices)
      ? (o.choices as Json[]).map((c) => ({
          name: String(c.name),
          name_localizations: localizations(c.name_localizations),
          value: c.value,
        }))
      : [],
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    channel_types: Array.isArray(o.channel_types)
      ? [...(o.channel_types as number[])].sort()
      : null,
    options: options(o.options),
  }));
}

/** Deep equality of canonical forms (built with the same key order on both sides). */
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
