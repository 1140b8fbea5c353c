import type { CommandSpec, Locale } from '../../commands/quiz.js';
import { leaves } from './spec.js';

/** `/quiz help`, generated from the command spec in the reader's language. */
export function helpText(
  spec: CommandSpec,
  locale: Locale = 'en',
  options: { isAdmin?: boolean } = {},
): string {
  const lines = [`/${spec.name} — ${spec.description[locale]}`, ''];
  for (const { key: name, spec: sub } of leaves(spec)) {
    if (sub.adminOnly && options.isAdmin === false) continue;
    const args = sub.options
      .map((o) => (o.positional ? `<${o.name}>` : `${o.name}:…`))
      .map((a, i) => (sub.options[i]!.required ? a : `[${a}]`))
      .join(' ');
    const admin = sub.adminOnly ? (locale === 'zh-CN' ? '（管理员）' : ' (admin)') : '';
    lines.push(
      `/${spec.name} ${name}${args ? ` ${args}` : ''} — ${sub.description[locale]}${admin}`,
    );
    for (const o of sub.options) lines.push(`    ${o.name}: ${o.description[locale]}`);
    if (sub.examples?.length)
      lines.push(`    ${locale === 'zh-CN' ? '例' : 'e.g.'} ${sub.examples.join('   ')}`);
  }
  return lines.join('\n');
}
