import {
  type CommandSpec,
  isGroup,
  type OptionSpec,
  type SubcommandSpec,
} from '../../commands/quiz.js';

export type OptionValue = string | number | boolean;

export type ParsedCommand =
  | { ok: true; path: string[]; subcommand: SubcommandSpec; options: Record<string, OptionValue> }
  | {
      ok: false;
      code: 'unknown-subcommand' | 'unknown-option' | 'bad-value' | 'missing-option';
      message: string;
    };

/**
 * Parses typed text (`show Q3 public:true`, `search densenet 显存 limit:3`) against the command spec:
 * `name:value` pairs for options, free words for the positional option, quotes to keep spaces.
 * Used by the console and Slack, which have no structured options.
 */
export function parseCommandText(spec: CommandSpec, text: string): ParsedCommand {
  const words = splitWords(
    text
      .trim()
      .replace(new RegExp(`^/?${spec.name}\\b`), '')
      .trim(),
  );
  const name = (words.shift() ?? 'help').toLowerCase();
  const entry = spec.subcommands.find((s) => s.name === name);
  if (!entry) {
    return {
      ok: false,
      code: 'unknown-subcommand',
      message: `unknown command "${name}"; try one of: ${spec.subcommands.map((s) => s.name).join(', ')}`,
    };
  }
  const path = [entry.name];
  let subcommand: SubcommandSpec;
  if (isGroup(entry)) {
    const childName = (words.shift() ?? '').toLowerCase();
    const child = entry.subcommands.find((s) => s.name === childName);
    if (!child) {
      return {
        ok: false,
        code: 'unknown-subcommand',
        message: `${entry.name} needs one of: ${entry.subcommands.map((s) => s.name).join(', ')}${childName ? ` (not "${childName}")` : ''}`,
      };
    }
    path.push(child.name);
    subcommand = child;
  } else {
    subcommand = entry;
  }
  const options: Record<string, OptionValue> = {};
  const free: string[] = [];
  for (const word of words) {
    const m = /^([a-z][a-z0-9_-]*):(.*)$/is.exec(word);
    const option = m ? subcommand.options.find((o) => o.name === m[1]!.toLowerCase()) : undefined;
    if (m && !option && !subcommand.options.some((o) => o.positional)) {
      return unknownOption(subcommand, m[1]!);
    }
    if (!m || !option) {
      free.push(word);
      continue;
    }
    const value = coerce(option, m[2]!);
    if (typeof value === 'object') return value;
    options[option.name] = value;
  }
  const positional = subcommand.options.find((o) => o.positional);
  if (free.length) {
    if (!positional) return unknownOption(subcommand, free[0]!);
    const value = coerce(positional, free.join(' '));
    if (typeof value === 'object') return value;
    options[positional.name] ??= value;
  }
  const missing = subcommand.options.find((o) => o.required && options[o.name] === undefined);
  if (missing) {
    return {
      ok: false,
      code: 'missing-option',
      message: `${spec.name} ${path.join(' ')} needs ${missing.name}: ${missing.description.en}`,
    };
  }
  return { ok: true, path, subcommand, options };
}

function unknownOption(sub: SubcommandSpec, name: string): ParsedCommand {
  const known = sub.options.map((o) => `${o.name}:`).join(', ') || 'no options';
  return {
    ok: false,
    code: 'unknown-option',
    message: `${sub.name} does not take "${name}"; it takes ${known}`,
  };
}

function coerce(
  option: OptionSpec,
  raw: string,
): OptionValue | Extract<ParsedCommand, { ok: false }> {
  const bad = (why: string): Extract<ParsedCommand, { ok: false }> => ({
    ok: false,
    code: 'bad-value',
    message: `${option.name}: ${why}, got "${raw}"`,
  });
  const value = raw.trim();
  switch (option.type) {
    case 'user':
    case 'string': {
      if (!value) return bad('expected some text');
      const choice = option.choices?.find((c) => c.value === value.toLowerCase());
      if (option.choices && !choice) {
        return bad(`expected one of ${option.choices.map((c) => c.value).join(', ')}`);
      }
      return choice?.value ?? value;
    }
    case 'integer': {
      const n = Number(value);
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) return bad('expected a whole number');
      if (
        (option.min !== undefined && n < option.min) ||
        (option.max !== undefined && n > option.max)
      ) {
        return bad(`expected ${option.min ?? '…'} to ${option.max ?? '…'}`);
      }
      return n;
    }
    case 'boolean': {
      const v = value.toLowerCase();
      if (['true', 'yes', 'y', '1', 'on'].includes(v)) return true;
      if (['false', 'no', 'n', '0', 'off'].includes(v)) return false;
      return bad('expected true or false');
    }
  }
}

/** Splits on whitespace, keeping "quoted text" and name:"quoted value" together. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const re = /(?:[^\s"“”]+|"[^"]*"|“[^”]*”)+/g;
  for (const m of text.matchAll(re)) words.push(m[0].replace(/["“”]/g, ''));
  return words;
}
