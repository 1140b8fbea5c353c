/**
 * Message-document text as HTML for the preview page. The page imitates how each platform shows
 * the markup (bold, code, links, quotes, notes, code blocks); it does not re-parse the markdown.
 */
import type { CodePart, FlowPart, Span } from '../../core/views/document.js';

/** Text safe inside HTML elements and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Spans as inline HTML; line breaks become `<br>`. */
export function spansHtml(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let out = escapeHtml(span.text).replace(/\n/g, '<br>');
      if (span.code) out = `<code>${out}</code>`;
      if (span.italic) out = `<em>${out}</em>`;
      if (span.bold) out = `<strong>${out}</strong>`;
      if (span.href) out = `<a href="${escapeHtml(span.href)}">${out}</a>`;
      return out;
    })
    .join('');
}

function trimSpans(spans: readonly Span[]): Span[] {
  const out = spans.map((s) => ({ ...s }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out;
}

export function codeHtml(part: CodePart): string {
  const lang = part.lang ? ` data-lang="${escapeHtml(part.lang)}"` : '';
  const cont = part.continued ? ' class="continued"' : '';
  return `<pre${lang}${cont}><code>${escapeHtml(part.code.replace(/\n$/, ''))}</code></pre>`;
}

/** A text or code part as a block of HTML; `spoiler` wraps it the way the platform hides it. */
export function flowHtml(part: FlowPart, options: { spoilers: boolean }): string {
  let out: string;
  if (part.type === 'code') out = codeHtml(part);
  else {
    const inner = spansHtml(trimSpans(part.spans));
    out =
      part.tone === 'quote'
        ? `<blockquote>${inner}</blockquote>`
        : part.tone === 'note'
          ? `<div class="note">${inner}</div>`
          : `<p>${inner}</p>`;
  }
  return options.spoilers && part.spoiler
    ? `<div class="spoiler" title="spoiler">${out}</div>`
    : out;
}
