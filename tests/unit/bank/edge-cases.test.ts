import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import { parseBankFile } from '../../../src/bank/parse-file.js';

const parse = (source: string, file = 'bank.md') => parseBankFile(file, source);

describe('bank parser edge cases', () => {
  it('ignores a BOM and CRLF line endings, keeping line numbers', () => {
    const src =
      '\uFEFF#### Q1: 第一题\r\n\r\n**Answer: **\r\n\r\n答案一\r\n\r\n#### Q2: 第二题\r\n\r\n答案二\r\n';
    const { questions, issues } = parse(src);
    expect(questions.map((q) => [q.id, q.title, q.source.line])).toEqual([
      ['Q1', '第一题', 1],
      ['Q2', '第二题', 7],
    ]);
    expect(questions[0]!.answer).toMatchObject([
      { type: 'paragraph', children: [{ value: '答案一' }], line: 5 },
    ]);
    expect(issues).toEqual([]);
  });

  it('does not split on # lines inside code fences', () => {
    const src = [
      '#### Q1: code',
      '',
      '```python',
      '# not a heading',
      '#### Q9: not a question',
      '```',
      '',
      '#### Q2: next',
      'x',
    ].join('\n');
    const { questions } = parse(src);
    expect(questions.map((q) => q.id)).toEqual(['Q1', 'Q2']);
    expect(questions[0]!.answer[0]).toMatchObject({
      type: 'code',
      lang: 'python',
      value: '# not a heading\n#### Q9: not a question',
    });
  });

  it('keeps deeper sub-headings inside the answer', () => {
    const src = [
      '### Q1: one',
      '',
      'intro',
      '',
      '#### Part A',
      '',
      'text a',
      '',
      '##### detail',
      '',
      'more',
      '',
      '### Q2: two',
      '',
      'b',
    ].join('\n');
    const { questions } = parse(src);
    expect(questions).toHaveLength(2);
    expect(questions[0]!.answer.map((b) => b.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    expect(questions[0]!.answer[1]).toMatchObject({
      type: 'heading',
      depth: 4,
      children: [{ value: 'Part A' }],
    });
  });

  it('accepts spacing variants of the numbered marker and a full-width colon', () => {
    const { questions } = parse('#### Q1 : a\n\nx\n\n#### Q20:  b\n\ny\n\n#### Q7：c\n\nz\n');
    expect(questions.map((q) => [q.id, q.title])).toEqual([
      ['Q1', 'a'],
      ['Q20', 'b'],
      ['Q7', 'c'],
    ]);
  });

  it('gives unnumbered questions ids that survive reordering and additions', () => {
    const a = parse('#### Q: 目标检测发展史\n\nx\n\n#### Q: SVD 相关\n\ny\n').questions;
    const b = parse(
      '#### Q: 新问题\n\nz\n\n#### Q: SVD 相关\n\ny\n\n#### Q:   目标检测发展史 \n\nx\n',
    ).questions;
    const idOf = (qs: typeof a, title: string) => qs.find((q) => q.title === title)!.id;
    expect(idOf(a, '目标检测发展史')).toMatch(/^Q-[0-9a-f]{6}$/);
    expect(idOf(b, '目标检测发展史')).toBe(idOf(a, '目标检测发展史'));
    expect(idOf(b, 'SVD 相关')).toBe(idOf(a, 'SVD 相关'));
  });

  it('lets an author pin an id with a comment', () => {
    const { questions } = parse('#### Q: pinned\n\n<!-- id: svd -->\n\nbody text here\n');
    expect(questions[0]!.id).toBe('svd');
    expect(questions[0]!.answer).toHaveLength(1);
  });

  it('reads the badge, the strong Answer: marker and key points written as strong', () => {
    const src =
      '#### Q1: t\n![tag](https://img.shields.io/badge/ML-2-brightgreen)\n\n**关键点:** 一，二\n\n先导段落\n\n**Answer:** 第一句\n\n第二段\n';
    const q = parse(src).questions[0]!;
    expect(q.tags).toEqual(['ML']);
    expect(q.level).toBe(2);
    expect(q.keyPoints).toBe('一，二');
    expect(q.lead).toMatchObject([{ type: 'paragraph', children: [{ value: '先导段落' }] }]);
    expect(q.answer).toMatchObject([
      { type: 'paragraph', children: [{ value: '第一句' }] },
      { type: 'paragraph', children: [{ value: '第二段' }] },
    ]);
  });

  it('reports an unclosed $$ with its line as an error', () => {
    const { issues } = parse('#### Q1: t\n\ntext\n\n$$\n\\frac{a}{b}\n\n#### Q2: u\n\nv\n');
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: 'error', line: 5, code: 'unclosed-math' }),
    );
  });

  it('reports an unclosed code fence with its line', () => {
    const { issues } = parse('#### Q1: t\n\n```python\nx = 1\n');
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: 'error', line: 3, code: 'unclosed-code' }),
    );
  });

  it('reports a file without questions', () => {
    const { issues } = parse('# Notes\n\njust prose\n');
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: 'error', line: 1, code: 'no-questions' }),
    );
  });

  it('takes <details> as the answer, the text before it as the question, and higher headings as sections', () => {
    const src = [
      '# Book',
      '',
      '## Perceptron',
      '',
      '### Q: What is a perceptron?',
      '',
      'Explain briefly.',
      '',
      '<details>',
      '<summary><b>Show Answer</b></summary>',
      '',
      'A **linear** classifier.',
      '',
      '</details>',
      '',
      '---',
      '',
      '### Optimisation',
      '',
      '### Q: What is SGD?',
      '',
      '<details>',
      '<summary>Show</summary>',
      '',
      'Stochastic gradient descent.',
      '',
      '</details>',
    ].join('\n');
    const { questions } = parse(src);
    expect(questions.map((q) => [q.title, q.sections, q.tags])).toEqual([
      ['What is a perceptron?', ['Book', 'Perceptron'], ['Perceptron']],
      ['What is SGD?', ['Book', 'Perceptron', 'Optimisation'], ['Optimisation']],
    ]);
    expect(questions[0]!.lead).toMatchObject([
      { type: 'paragraph', children: [{ value: 'Explain briefly.' }] },
    ]);
    expect(questions[0]!.answer).toMatchObject([
      {
        type: 'paragraph',
        children: [{ value: 'A ' }, { type: 'strong' }, { value: ' classifier.' }],
      },
    ]);
  });

  it('imports a bank without markers: the most common heading level holds the questions', () => {
    const { questions, level } = parse(
      '# Title\n\n## First question?\n\nAnswer one.\n\n## Second question?\n\nAnswer two.\n',
    );
    expect(level).toBe(2);
    expect(questions.map((q) => q.title)).toEqual(['First question?', 'Second question?']);
  });

  it('treats a one-line $$…$$ paragraph as display math and <img> tags as figures', () => {
    const q = parse('### Q: t\n\n$$a^2+b^2$$\n\n<p><img src="x.png" alt="fig"/></p>\n')
      .questions[0]!;
    expect(q.answer[0]).toMatchObject({ type: 'math', tex: 'a^2+b^2' });
    expect(q.answer[1]).toMatchObject({
      type: 'image',
      image: { url: 'x.png', alt: 'fig', status: 'missing' },
    });
  });

  it('flags incomplete bodies: empty, link-only, empty sub-sections', () => {
    const src = [
      '#### Q: empty',
      '',
      '#### Q: link',
      '',
      'https://example.com/a',
      '',
      '#### Q: sections',
      '',
      '**A:**',
      '',
      '- one',
      '',
      '**B:**',
      '',
      '#### Q: fine',
      '',
      'A real answer with enough words.',
    ].join('\n');
    const qs = parse(src).questions;
    expect(qs.map((q) => q.incomplete)).toEqual([
      ['empty-body'],
      ['link-only'],
      ['empty-subsections'],
      [],
    ]);
  });
});

describe('loadBank', () => {
  it('reads a folder of banks, resolves figures, and keeps ids unique across files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qb-bank-'));
    await mkdir(path.join(dir, 'img'));
    await writeFile(path.join(dir, 'img', 'a.png'), 'png');
    await writeFile(path.join(dir, 'a.md'), '#### Q1: first\n\n![a](img/a.png)\n\ntext\n');
    await writeFile(path.join(dir, 'b.md'), '#### Q1: other\n\ntext\n');
    const bank = await loadBank(dir);
    expect(bank.questions.map((q) => q.id)).toEqual(['Q1', 'b-Q1']);
    expect(bank.questions[0]!.answer[0]).toMatchObject({
      type: 'image',
      image: { status: 'local', path: path.join(dir, 'img', 'a.png') },
    });
    expect(bank.issues).toContainEqual(
      expect.objectContaining({ code: 'duplicate-id', file: path.join(dir, 'b.md'), line: 1 }),
    );
  });

  it('imports the ajitsingh98 bank as 134 questions with sections as tags', async () => {
    const bank = await loadBank('tests/fixtures/banks/ajitsingh98/deep_learning_fundamentals.md');
    expect(bank.questions).toHaveLength(134);
    expect(new Set(bank.questions.map((q) => q.id)).size).toBe(134);
    expect(bank.questions[0]!.tags).toEqual(['Perceptron']);
    expect(bank.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(bank.questions.filter((q) => q.answer.length > 0).length).toBeGreaterThan(130);
  });

  it('names a path that does not exist', async () => {
    await expect(loadBank('no/such/bank.md')).rejects.toThrow(
      /bank path no\/such\/bank\.md cannot be read \(ENOENT\)/,
    );
  });
});
