/** The platform markup the layout measures: Discord markdown and Slack mrkdwn for document text. */
import { describe, expect, it } from 'vitest';
import type { FlowPart } from '../../../src/core/views/document.js';
import { discordDescription, discordFlow } from '../../../src/platforms/discord/markdown.js';
import { slackBlockText, slackFlow } from '../../../src/platforms/slack/mrkdwn.js';

const part = (
  spans: { text: string; bold?: true; italic?: true; code?: true; href?: string }[],
  tone: 'body' | 'quote' | 'note' = 'body',
): FlowPart => ({
  type: 'text',
  tone,
  spans,
});

describe('Discord markdown', () => {
  it('escapes markup characters in text but not in code', () => {
    expect(discordFlow(part([{ text: 'a*b_c ~|`' }, { text: 'x*y', code: true }]))).toBe(
      'a\\*b\\_c \\~\\|\\``x*y`',
    );
    expect(discordFlow(part([{ text: '# not a heading\n> not a quote' }]))).toBe(
      '\\# not a heading\n\\> not a quote',
    );
  });

  it('keeps edge whitespace outside bold markers and renders links, quotes, notes and spoilers', () => {
    expect(discordFlow(part([{ text: '要点: ', bold: true }, { text: '后文' }]))).toBe(
      '**要点:** 后文',
    );
    expect(discordFlow(part([{ text: '链接', href: 'https://e.com/a(b)' }]))).toBe(
      '[链接](https://e.com/a%28b%29)',
    );
    expect(discordFlow(part([{ text: '一\n二' }], 'quote'))).toBe('> 一\n> 二');
    expect(discordFlow(part([{ text: '注' }], 'note'))).toBe('-# 注');
    expect(discordFlow({ ...part([{ text: '答案' }]), spoiler: true })).toBe('||答案||');
  });

  it('fences code with its language and keeps a fence inside the code from closing it', () => {
    expect(discordFlow({ type: 'code', lang: 'python', code: 'a = "```"\n' })).toBe(
      '```python\na = "``\u200b`"\n```',
    );
  });

  it('puts an image’s label under the text of its embed', () => {
    const box = { flow: [part([{ text: '见 ⟨1⟩' }])], image: { label: '⟨1⟩' } as never };
    expect(discordDescription(box)).toBe('见 ⟨1⟩\n\n-# ⟨1⟩');
  });
});

describe('Slack mrkdwn', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(slackFlow(part([{ text: 'a < b && c > d *x*' }]))).toBe(
      'a &lt; b &amp;&amp; c &gt; d *x*',
    );
  });

  it('gives bold a word boundary next to CJK letters, links as <url|text>, quotes with >', () => {
    expect(
      slackFlow(part([{ text: '称作' }, { text: '对数代价', bold: true }, { text: '，本质' }])),
    ).toBe('称作\u200b*对数代价*，本质');
    expect(slackFlow(part([{ text: 'doc', href: 'https://e.com/?a=1|2' }]))).toBe(
      '<https://e.com/?a=1%7C2|doc>',
    );
    expect(slackFlow(part([{ text: '一\n二' }], 'quote'))).toBe('> 一\n> 二');
  });

  it('fences code without a language (Slack has none) and escapes it', () => {
    expect(
      slackBlockText({
        flow: [{ type: 'code', lang: 'python', code: 'if a<b:\n  pass\n' }],
        image: null,
      }),
    ).toBe('```\nif a&lt;b:\n  pass\n```');
  });
});
