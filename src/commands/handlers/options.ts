/**
 * Typed reads of command options. Dispatch has already checked them against the spec; these
 * still return undefined for a missing or mistyped value, so a handler never trusts a cast.
 */
import type { CommandOptions, CommandOptionValue, PlayerRef } from './types.js';

const read = (options: CommandOptions, name: string): CommandOptionValue | undefined =>
  Object.hasOwn(options, name) ? options[name] : undefined;

export function textOption(options: CommandOptions, name: string): string | undefined {
  const value = read(options, name);
  return typeof value === 'string' ? value : undefined;
}

export function integerOption(options: CommandOptions, name: string): number | undefined {
  const value = read(options, name);
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

export function booleanOption(options: CommandOptions, name: string): boolean | undefined {
  const value = read(options, name);
  return typeof value === 'boolean' ? value : undefined;
}

/** A string option that must be one of `allowed`, as that type. */
export function choiceOption<T extends string>(
  options: CommandOptions,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = textOption(options, name);
  return allowed.find((a) => a === value);
}

export function playerOption(options: CommandOptions, name: string): PlayerRef | undefined {
  const value = read(options, name);
  return isPlayerRef(value) ? value : undefined;
}

export function isPlayerRef(value: unknown): value is PlayerRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<PlayerRef>).player === 'string' &&
    typeof (value as Partial<PlayerRef>).name === 'string'
  );
}
