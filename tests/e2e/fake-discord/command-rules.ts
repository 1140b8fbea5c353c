/**
 * What Discord checks when a command is registered: names, descriptions, localization keys,
 * option nesting and order, choice counts, the 4,000-character budget. A spec that would be
 * refused by Discord is refused here with the same 50035 shape.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, Locale } from 'discord.js';
import type { FormProblem } from './errors.js';

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));
const SUB = ApplicationCommandOptionType.Subcommand;
const GROUP = ApplicationCommandOptionType.SubcommandGroup;
const MAX_CHARS = 4000;

function checkName(problems: FormProblem[], path: string, name: unknown, chatInput: boolean): void {
  const ok =
    typeof name === 'string' && NAME.test(name) && (!chatInput || name === name.toLowerCase());
  const lengthOk = typeof name === 'string' && name.length >= 1 && name.length <= 32;
  if (!chatInput && lengthOk) return;
  if (!ok)
    problems.push({
      path,
      code: 'APPLICATION_COMMAND_INVALID_NAME',
      message: 'Command name is invalid',
    });
}

function checkDescription(problems: FormProblem[], path: string, text: unknown): void {
  if (typeof text !== 'string' || text.length < 1 || text.length > 100) {
    problems.push({
      path,
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 100 in length.',
    });
  }
}

function checkLocalizations(
  problems: FormProblem[],
  path: string,
  map: unknown,
  each: (path: string, value: unknown) => void,
): void {
  if (map === undefined || map === null) return;
  for (const [locale, value] of Object.entries(map as Json)) {
    if (!LOCALES.has(locale)) {
      problems.push({
        path: `${path}.${locale}`,
        code: 'LOCALE_INVALID',
        message: `Invalid Locale "${locale}"`,
      });
    } else {
      each(`${path}.${locale}`, value);
    }
  }
}

function checkOptions(
  problems: FormProblem[],
  path: string,
  options: Json[],
  parent: 'command' | 'group' | 'sub',
): void {
  if (options.length > 25) {
    problems.push({
      path,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 25 or fewer in length.',
    });
  }
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, i) => {
    const p = `${path}.${i}`;
    const type = Number(option.type);
    checkName(problems, `${p}.name`, option.name, true);
    checkDescription(problems, `${p}.description`, option.description);
    checkLocalizations(problems, `${p}.name_localizations`, option.name_localizations, (lp, v) =>
      checkName(problems, lp, v, true),
    );
    checkLocalizations(
      problems,
      `${p}.description_localizations`,
      option.description_localizations,
      (lp, v) => checkDescription(problems, lp, v),
    );
    if (names.has(String(option.name))) {
      problems.push({
        path: `${p}.name`,
        code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        message: 'Option names must be unique',
      });
    }
    names.add(String(option.name));
    const nestedKind = type === SUB || type === GROUP;
    if (parent === 'group' && type !== SUB) {
      problems.push({
        path: `${p}.type`,
        code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
        message: 'Sub-command groups can only contain sub-commands',
      });
    }
    if (parent === 'sub' && nestedKind) {
      problems.push({
        path: `${p}.type`,
        code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
        message: 'Sub-commands cannot contain sub-commands',
      });
    }
    if (!nestedKind) {
      if (option.required === true && optionalSeen) {
        problems.push({
          path: `${p}.required`,
          code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          message: 'Required options must be placed before non-required options',
        });
      }
      if (option.required !== true) optionalSeen = true;
    }
    const choices = arr(option.choices);
    if (choices.length > 25) {
      problems.push({
        path: `${p}.choices`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    }
    if (option.autocomplete === true && choices.length > 0) {
      problems.push({
        path: `${p}.autocomplete`,
        code: 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
        message: 'Autocomplete cannot be set on options with choices',
      });
    }
    if ('default_member_permissions' in option) {
      problems.push({
        path: `${p}.default_member_permissions`,
        code: 'UNKNOWN_FIELD',
        message: 'default_member_permissions is only valid on the top-level command',
      });
    }
    if (type === GROUP) checkOptions(problems, `${p}.options`, arr(option.options), 'group');
    if (type === SUB) checkOptions(problems, `${p}.options`, arr(option.options), 'sub');
  });
}

function countChars(command: Json): number {
  const visit = (o: Json): number =>
    String(o.name ?? '').length +
    String(o.description ?? '').length +
    arr(o.choices).reduce(
      (n, c) => n + String(c.name ?? '').length + String(c.value ?? '').length,
      0,
    ) +
    arr(o.options).reduce((n, child) => n + visit(child), 0);
  return visit(command);
}

/** The Invalid Form Body problems Discord would report for one command (prefix for lists). */
export function commandProblems(command: Json, prefix = ''): FormProblem[] {
  const problems: FormProblem[] = [];
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const type = Number(command.type ?? ApplicationCommandType.ChatInput);
  const chatInput = type === ApplicationCommandType.ChatInput;
  checkName(problems, at('name'), command.name, chatInput);
  if (chatInput) checkDescription(problems, at('description'), command.description);
  checkLocalizations(problems, at('name_localizations'), command.name_localizations, (p, v) =>
    checkName(problems, p, v, chatInput),
  );
  checkLocalizations(
    problems,
    at('description_localizations'),
    command.description_localizations,
    (p, v) => checkDescription(problems, p, v),
  );
  const perms = command.default_member_permissions;
  if (perms !== undefined && perms !== null && !/^\d+$/.test(String(perms))) {
    problems.push({
      path: at('default_member_permissions'),
      code: 'NUMBER_TYPE_COERCE',
      message: 'Value is not a valid permission bitfield',
    });
  }
  checkOptions(problems, at('options'), arr(command.options), 'command');
  if (countChars(command) > MAX_CHARS) {
    problems.push({
      path: prefix || '_',
      code: 'APPLICATION_COMMAND_TOO_LARGE',
      message: 'Command exceeds maximum size (4000)',
    });
  }
  return problems;
}
