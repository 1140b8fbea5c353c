/**
 * Options against the subcommand's spec: no unknown names, required ones present, each of its
 * type, choice and range. Typed text is checked by the parser already; structured options from
 * Discord are checked by Discord; this catches whatever an adapter passes on regardless.
 */
import type { OptionSpec, SubcommandSpec } from '../../../commands/quiz.js';
import type { CommandFailure, OptionExpectation } from '../reply.js';
import { isPlayerRef } from './options.js';
import type { CommandOptions, CommandOptionValue } from './types.js';

/** The first problem with the options, or null when they fit the spec. */
export function checkOptions(sub: SubcommandSpec, options: CommandOptions): CommandFailure | null {
  const known = sub.options.map((o) => o.name);
  const unknown = Object.keys(options).find((name) => !known.includes(name));
  if (unknown !== undefined) return { code: 'unknown-option', option: unknown, known };
  for (const spec of sub.options) {
    const value = Object.hasOwn(options, spec.name) ? options[spec.name] : undefined;
    if (value === undefined) {
      if (spec.required) return { code: 'missing-option', option: spec.name };
      continue;
    }
    if (!fits(spec, value)) {
      return {
        code: 'bad-option',
        option: spec.name,
        value: shown(value),
        expected: expectation(spec),
      };
    }
  }
  return null;
}

function fits(spec: OptionSpec, value: CommandOptionValue): boolean {
  switch (spec.type) {
    case 'string':
      return (
        typeof value === 'string' && (!spec.choices || spec.choices.some((c) => c.value === value))
      );
    case 'integer':
      return (
        typeof value === 'number' &&
        Number.isSafeInteger(value) &&
        (spec.min === undefined || value >= spec.min) &&
        (spec.max === undefined || value <= spec.max)
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'user':
      return isPlayerRef(value);
  }
}

function expectation(spec: OptionSpec): OptionExpectation {
  if (spec.choices) return { type: 'choice', choices: spec.choices.map((c) => c.value) };
  switch (spec.type) {
    case 'string':
      return { type: 'text' };
    case 'integer':
      return {
        type: 'integer',
        ...(spec.min === undefined ? {} : { min: spec.min }),
        ...(spec.max === undefined ? {} : { max: spec.max }),
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'user':
      return { type: 'user' };
  }
}

const shown = (value: CommandOptionValue): string =>
  isPlayerRef(value) ? value.name : String(value);
