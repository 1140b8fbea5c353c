import { describe, expect, it } from 'vitest';
import { texToUnicode } from '../../../src/core/text/tex-unicode.js';
import { bankFormulas } from './helpers.js';

describe('texToUnicode on every inline formula of the bank', () => {
  const inline = bankFormulas().filter((f) => !f.display);

  it('finds the bank’s inline formulas', () => {
    expect(inline).toHaveLength(131);
  });

  it('gives non-empty text with no TeX left in it, or null', () => {
    for (const f of inline) {
      const text = texToUnicode(f.tex);
      if (text === null) continue;
      expect(text.trim(), f.tex).not.toBe('');
      expect(text, f.tex).not.toMatch(/[\\{}^_$]/);
    }
  });

  it('converts the large majority, so few inline images interrupt a sentence', () => {
    const converted = inline.filter((f) => texToUnicode(f.tex) !== null).length;
    expect(converted / inline.length).toBeGreaterThan(0.9);
  });
});

describe('texToUnicode cases', () => {
  it.each([
    ['\\alpha + \\beta', 'α + β'],
    ['\\Omega', 'Ω'],
    ['\\hat{y}', 'ŷ'],
    ['\\tilde{C}_t', 'C̃ₜ'],
    ['\\bar{x}', 'x̄'],
    ['x_0^2', 'x₀²'],
    ['w^T x', 'wᵀx'],
    ['n^{(l-1)}', 'n⁽ˡ⁻¹⁾'],
    ['f^\\prime(x)', 'f′(x)'],
    ["f''(x)", 'f′′(x)'],
    ['\\frac{a}{b}', 'a/b'],
    ['\\frac{1}{1+e^{-x}}', '1/(1+e⁻ˣ)'],
    ['\\frac{1}{m} A^T A', '(1/m)AᵀA'],
    ['\\frac{d\\mathcal{L}}{dw}', 'dℒ/dw'],
    ['\\frac{1}{C_{in}C_{out}}', '1/(CᵢₙCₒᵤₜ)'],
    ['\\sqrt{2}', '√2'],
    ['\\sqrt{x+1}', '√(x+1)'],
    ['O(n\\log(n))', 'O(n log(n))'],
    ['\\log n', 'log n'],
    ['\\sin^2 x + \\cos^2 x = 1', 'sin² x + cos² x = 1'],
    ['f(x) = \\max(0, x)', 'f(x) = max(0, x)'],
    ['a \\cdot b \\times c', 'a · b × c'],
    ['x \\leq y \\neq z \\approx w', 'x ≤ y ≠ z ≈ w'],
    ['-x + (-1)', '−x + (−1)'],
    ['\\sum_{i=1}^n x_i', '∑ᵢ₌₁ⁿ xᵢ'],
    ['\\left\\lfloor \\frac{W}{S} \\right\\rfloor', '⌊W/S⌋'],
    ['\\bold{g}^2', '𝐠²'],
    ['\\mathbf{x}', '𝐱'],
    ['\\boldsymbol{\\mu}', '𝛍'],
    ['\\mathbb{R}^n', 'ℝⁿ'],
    ['\\mathcal{L}(\\hat{y})', 'ℒ(ŷ)'],
    ['\\operatorname{Var}(X)', 'Var(X)'],
    ['\\text {Latency}', 'Latency'],
    ['\\text{if } x > 0', 'if x > 0'],
    ['\\mathrm{KL}(p \\| q)', 'KL(p‖q)'],
    ['\\{1, 2\\}', '{1, 2}'],
    ['\\text{中文}', '中文'],
    ['\\nabla f', '∇f'],
    ['x \\in \\mathbb{Z}', 'x ∈ ℤ'],
  ])('%s → %s', (tex, expected) => {
    expect(texToUnicode(tex)).toBe(expected);
  });

  it.each([
    ['an environment', '\\begin{pmatrix} a \\\\ b \\end{pmatrix}'],
    ['alignment', 'a & b'],
    ['a nested fraction', '\\frac{\\frac{1}{2}}{3}'],
    ['a root with an index', '\\sqrt[3]{x}'],
    ['a subscript Unicode lacks', 'w_b'],
    ['a Greek superscript Unicode lacks', 'x^{\\alpha}'],
    ['an accent over several letters', '\\vec{AB}'],
    ['an unknown command', '\\foo{x}'],
    ['a script on a fraction', '\\frac{a}{b}^2'],
    ['unbalanced braces', '{x'],
    ['only spacing', '\\,'],
    ['nothing', ''],
    ['a long formula', 'x + '.repeat(100) + 'x'],
  ])('%s → null', (_what, tex) => {
    expect(texToUnicode(tex)).toBeNull();
  });
});
