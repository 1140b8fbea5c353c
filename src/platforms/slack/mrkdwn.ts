/**
 * Message-document text as Slack mrkdwn. The layout step measures blocks with these same
 * functions, so what is sent is exactly what was checked against Slack's limits.
 */
import type { CodePart, FlowPart, Span, TextPart } from '../../core/views/document.js';
import type { MessageBox } from '../../core/views/layout.js';

/** Slack needs `&`, `<` and `>` escaped in any text object; nothing else has an escape. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack only honours `*bold*` and `_italic_` at word boundaries, and CJK text has no spaces:
 * a zero-width space beside a marker that touches a letter gives Slack the boundary it wants.
 */
const ZWSP = '\u200b';
const WORDISH = /[\p{L}\p{N}]/u;

function hug(inner: string, marker: string, before: string, after: string): string {
  const left = WORDISH.test(before) ? ZWSP : '';
  const right = WORDISH.test(after) ? ZWSP : '';
  return `${left}${marker}${inner}${marker}${right}`;
}

/** Spans as mrkdwn; neighbours are needed to decide where word boundaries must be added. */
export function slackSpans(spans: readonly Span[]): string {
  return spans
    .map((span, i) => {
      const before = spans[i - 1]?.text.slice(-1) ?? '';
      const after = spans[i + 1]?.text.slice(0, 1) ?? '';
      return slackSpan(span, before, after);
    })
    .join('');
}

function slackSpan(span: Span, before: string, after: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text)!;
  const [, lead, core, trail] = m as unknown as [string, string, string, string];
  if (!core) return span.text;
  // Backticks cannot be escaped inside Slack inline code; a look-alike keeps the code readable.
  let out = span.code ? `\`${escapeSlack(core.replace(/`/g, 'ˋ'))}\`` : escapeSlack(core);
  if (span.href)
    out = `<${span.href.replace(/[|>\s]/g, encodeURIComponent)}|${out.replace(/\|/g, '¦')}>`;
  const b = lead ? ' ' : before;
  const a = trail ? ' ' : after;
  if (span.italic && !span.code) out = hug(out, '_', b, a);
  if (span.bold && !span.code) out = hug(out, '*', b, a);
  return `${lead}${out}${trail}`;
}

// A raw `>` starting a line is Slack's quote marker; `>` inside text was escaped above.
function textPart(part: TextPart): string {
  const text = slackSpans(part.spans).replace(/^\s+|\s+$/g, '');
  if (part.tone !== 'quote') return text;
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function codePart(part: CodePart): string {
  // Slack has no language tag on code blocks; a fence inside the code is broken up.
  const code = escapeSlack(part.code.replace(/\n$/, '')).replace(/```/g, '``\u200b`');
  return `\`\`\`\n${code}\n\`\`\``;
}

/** One text or code part as mrkdwn. Slack has no spoilers, so `spoiler` is ignored. */
export function slackFlow(part: FlowPart): string {
  return part.type === 'code' ? codePart(part) : textPart(part);
}

/** The mrkdwn text of a section or context block: its parts a blank line apart. */
export function slackBlockText(box: MessageBox): string {
  return box.flow.map(slackFlow).filter(Boolean).join('\n\n');
}
