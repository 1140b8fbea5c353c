import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormulaErrorCode, FormulaRenderResult } from '../../../src/core/ports.js';
import { DEFAULT_LIMITS, precheckTex, sourceDepth } from '../../../src/render/limits.js';
import { resolveSettings } from '../../../src/render/pipeline.js';
import { RenderWorkerPool } from '../../../src/render/pool/pool.js';

let pool: RenderWorkerPool;

beforeAll(() => {
  pool = new RenderWorkerPool({ size: 2, settings: resolveSettings() });
});

afterAll(async () => {
  await pool.close();
});

function codeOf(result: FormulaRenderResult): FormulaErrorCode | 'ok' {
  return result.ok ? 'ok' : result.error.code;
}

const render = (tex: string, display = false) => pool.render(tex, { display });

describe('safety limits: each breach is a typed error, and the pool keeps working', () => {
  it.each([
    ['input length', 'x+'.repeat(2500), 'too-long'],
    ['brace nesting', `${'{'.repeat(60)}x${'}'.repeat(60)}`, 'too-deep'],
    ['\\left nesting', `${'\\left('.repeat(50)}x${'\\right)'.repeat(50)}`, 'too-deep'],
    ['script nesting', `${'x^{'.repeat(45)}x${'}'.repeat(45)}`, 'too-deep'],
    ['recursive \\def', '\\def\\a{\\a}\\a', 'too-many-expansions'],
    ['self-doubling \\def', '\\def\\a{\\a\\a}\\a', 'too-many-expansions'],
    [
      'exponential macros',
      '\\def\\a{xxxxxxxxxx}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c\\c\\c\\c\\c\\c\\c}\\d\\d\\d\\d',
      'too-many-expansions',
    ],
    [
      'recursive environment',
      '\\newenvironment{r}{\\begin{r}}{\\end{r}}\\begin{r}\\end{r}',
      'too-many-expansions',
    ],
    ['huge rule', '\\rule{50000em}{1em}', 'too-large'],
    ['tall rule', '\\rule{1em}{9000em}', 'too-large'],
    ['wide space', 'a\\hspace{3000em}b', 'too-large'],
    ['\\require', '\\require{physics} x', 'forbidden'],
    ['\\includegraphics', '\\includegraphics{https://example.com/a.png}', 'forbidden'],
    ['a colour that is a URL', '\\color{url(http://example.com/x)}{x}', 'forbidden'],
  ])('%s', async (_name, tex, code) => {
    expect(codeOf(await render(tex))).toBe(code);
  });

  it('refuses 1e5em rules without allocating (MathJax does not read 1e5 as a number)', async () => {
    const result = await render('\\rule{1e5em}{1em}');
    expect(result.ok).toBe(false);
  });

  it('reports TeX mistakes with the TeX message instead of drawing them', async () => {
    const undefinedMacro = await render('\\notamacro{x}');
    expect(undefinedMacro).toMatchObject({ ok: false, error: { code: 'tex-error' } });
    expect(!undefinedMacro.ok && undefinedMacro.error.message).toContain(
      'Undefined control sequence \\notamacro',
    );
    for (const tex of [
      '\\frac{1}',
      'x^',
      '\\begin{nothing}x\\end{nothing}',
      '\\left( x',
      'a & b',
      '}',
    ]) {
      expect(codeOf(await render(tex)), tex).toBe('tex-error');
    }
  });

  it('drops equation tags, which would make the layout depend on a page width', async () => {
    const tagged = await render('x = 1 \\tag{3}', true);
    const plain = await render('x = 1', true);
    expect(tagged.ok && plain.ok).toBe(true);
    if (tagged.ok && plain.ok)
      expect([tagged.width, tagged.height]).toEqual([plain.width, plain.height]);
  });

  it('refuses formulas with nothing to draw', async () => {
    for (const tex of ['', '{}', ' ', '\\,', '\\phantom{x}'])
      expect(codeOf(await render(tex)), tex).toBe('tex-error');
  });

  it('neutralises \\href, \\style, \\class and \\cssId to their content', async () => {
    for (const tex of [
      '\\href{https://evil.example}{x}',
      '\\style{color:red}{x}',
      '\\class{big}{x}',
      '\\cssId{a}{x}',
      '\\htmlStyle{color:red}{x}',
    ]) {
      expect(codeOf(await render(tex)), tex).toBe('ok');
    }
  });

  it('still renders normally after every breach above', async () => {
    expect(codeOf(await render('e^{i\\pi}+1=0'))).toBe('ok');
  });
});

describe('typeset-tree limits (set low, since macros deepen what the source shows)', () => {
  it('catches output nesting and size that the source checks cannot see', async () => {
    const strict = new RenderWorkerPool({
      size: 1,
      settings: resolveSettings({ limits: { maxOutputDepth: 30, maxOutputNodes: 400 } }),
    });
    try {
      // 12 levels of source braces, but ~4 levels of typeset tree per level.
      const deep = await strict.render(
        `\\def\\n#1{{\\sqrt{#1}}}${'\\n{'.repeat(12)}x${'}'.repeat(12)}`,
        { display: false },
      );
      expect(codeOf(deep)).toBe('too-deep');
      const big = await strict.render(
        '\\def\\a{xyzw}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a}\\b\\b\\b\\b\\b\\b\\b\\b\\b\\b\\b\\b',
        { display: false },
      );
      expect(codeOf(big)).toBe('too-large');
    } finally {
      await strict.close();
    }
  });
});

describe('render time limit', () => {
  it('terminates a runaway worker, answers timeout, and serves the next formula', async () => {
    // With MathJax's own expansion limit lifted, `\def\a{\a}\a` loops: only the clock stops it.
    const slow = new RenderWorkerPool({
      size: 1,
      settings: resolveSettings({ limits: { timeoutMs: 1000, maxMacros: 1e12, maxBuffer: 1e12 } }),
    });
    try {
      await slow.ready();
      const [stuck, queued] = await Promise.all([
        slow.render('\\def\\a{\\a}\\a', { display: false }),
        slow.render('x^2', { display: false }),
      ]);
      expect(codeOf(stuck)).toBe('timeout');
      expect(codeOf(queued)).toBe('ok');
    } finally {
      await slow.close();
    }
  });
});

describe('pre-checks', () => {
  it('measures source nesting, ignoring escaped braces', () => {
    expect(sourceDepth('a')).toBe(0);
    expect(sourceDepth('{a{b}}')).toBe(2);
    expect(sourceDepth('\\{\\{\\{')).toBe(0);
    expect(sourceDepth('\\left(\\frac{a}{b}\\right)')).toBe(2);
    expect(sourceDepth('\\begin{aligned}x\\end{aligned}')).toBe(2);
  });

  it('lets the bank-sized formulas through', () => {
    expect(precheckTex('\\frac{1}{m}\\sum_{i=1}^{m}a_i', DEFAULT_LIMITS)).toBeNull();
    expect(precheckTex('\\required', DEFAULT_LIMITS)).toBeNull();
  });
});

describe('a closed pool', () => {
  it('answers internal instead of hanging', async () => {
    const p = new RenderWorkerPool({ size: 1, settings: resolveSettings() });
    const pending = p.render('x', { display: false });
    await p.close();
    expect(codeOf(await pending)).toBe('internal');
    expect(codeOf(await p.render('x', { display: false }))).toBe('internal');
  });

  it('rejects a nonsense size at construction', () => {
    expect(() => new RenderWorkerPool({ size: 0, settings: resolveSettings() })).toThrow(
      RangeError,
    );
  });
});
