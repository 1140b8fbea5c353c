/**
 * Competition item text (prompts, options, explanations) as Discord markdown. Items may hold
 * inline `$…$` TeX: what reads as Unicode (`x²`, `σ`) is shown so, anything else as inline code,
 * never as raw dollars and backslashes.
 */
import { texToUnicode } from '../../../core/text/tex-unicode.js';
import { discordSpan, escapeDiscord } from '../markdown.js';

const INLINE_MATH = /\$([^$\n]+)\$/g;

export function itemMarkdown(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(INLINE_MATH)) {
    out += escapeDiscord(text.slice(at, m.index));
    const tex = m[1]!;
    const unicode = texToUnicode(tex);
    out += unicode === null ? discordSpan({ text: tex, code: true }) : escapeDiscord(unicode);
    at = m.index + m[0].length;
  }
  return out + escapeDiscord(text.slice(at));
}
