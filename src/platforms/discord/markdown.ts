/**
 * Message-document text as Discord markdown. The layout step measures boxes with these same
 * functions, so what is sent is exactly what was checked against Discord's limits.
 */
import type { CodePart, FlowPart, Span, TextPart } from '../../core/views/document.js';
import type { MessageBox } from '../../core/views/layout.js';

/** Characters Discord reads as markup anywhere in a line. */
const INLINE_MARKUP = /[\\*_~`|[\]]/g;
/** Characters that start markup at the beginning of a line: quote, heading/subtext, list. */
const LINE_START_MARKUP = /^([ \t]*)([>#+-])/gm;

/** Text with Discord markup characters escaped. */
export function escapeDiscord(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&').replace(LINE_START_MARKUP, '$1\\$2');
}

/** One span as Discord markdown; whitespace at a span's edges stays outside its markers. */
export function discordSpan(span: Span): string {
  if (span.code) return wrapEdges(span.text, inlineCode);
  let out = wrapEdges(span.text, escapeDiscord);
  if (span.bold && span.italic) out = wrapEdges(out, (t) => `***${t}***`);
  else if (span.bold) out = wrapEdges(out, (t) => `**${t}**`);
  else if (span.italic) out = wrapEdges(out, (t) => `*${t}*`);
  if (span.href) out = `[${out}](${span.href.replace(/[()\s]/g, percentEncode)})`;
  return out;
}

/** `encodeURIComponent` leaves parentheses alone, and a `)` would end the markdown link. */
function percentEncode(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function inlineCode(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  const fence = text.includes('``') ? '```' : '``';
  return `${fence} ${text} ${fence}`;
}

/** Applies `f` to the text between leading and trailing whitespace (markers must hug the text). */
function wrapEdges(text: string, f: (inner: string) => string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${f(m[2])}${m[3]}` : text;
}

function textPart(part: TextPart): string {
  const text = part.spans
    .map(discordSpan)
    .join('')
    .replace(/^\s+|\s+$/g, '');
  const prefix = part.tone === 'quote' ? '> ' : part.tone === 'note' ? '-# ' : '';
  const lines = prefix
    ? text.split('\n').map((line) => (line.trim() ? prefix + line : prefix.trim()))
    : [text];
  return lines.join('\n');
}

function codePart(part: CodePart): string {
  // A fence inside the code would close the block early; a zero-width space keeps it literal.
  const code = part.code.replace(/\n$/, '').replace(/```/g, '``\u200b`');
  return `\`\`\`${part.lang ?? ''}\n${code}\n\`\`\``;
}

/** One text or code part as Discord markdown, spoiler bars included. */
export function discordFlow(part: FlowPart): string {
  const body = part.type === 'code' ? codePart(part) : textPart(part);
  return part.spoiler && body ? `||${body}||` : body;
}

/**
 * An embed description: the box's parts a blank line apart, then the label of the image shown
 * under it (`⟨1⟩`), as subtext, so the reader can match the image to its marker.
 */
export function discordDescription(box: MessageBox): string {
  const lines = box.flow.map(discordFlow).filter(Boolean);
  if (box.image?.label) lines.push(`-# ${box.image.label}`);
  return lines.join('\n\n');
}
