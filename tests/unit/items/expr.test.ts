/** The template expression language: arithmetic right, everything else refused. */
import { describe, expect, it } from 'vitest';
import { ExprError, evaluate, namesIn, parseExpr } from '../../../src/core/items/expr.js';

const run = (source: string, scope: Record<string, number> = {}) =>
  evaluate(parseExpr(source), new Map(Object.entries(scope)));

describe('expressions', () => {
  it('precedence and associativity', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('-2^2')).toBe(-4);
    expect(run('2^-1')).toBe(0.5);
    expect(run('2^3^2')).toBe(512);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('1 + 2 < 4 && 3 >= 3')).toBe(1);
    expect(run('!(1 == 2) || 0')).toBe(1);
  });

  it('integer division, floored modulo and the allowed functions', () => {
    expect(run('7 // 2')).toBe(3);
    expect(run('-7 // 2')).toBe(-4);
    expect(run('-7 % 3')).toBe(2);
    expect(run('floor(2.7) + ceil(2.1) + round(2.5)')).toBe(8);
    expect(run('sqrt(16) + abs(-2) + log2(8) + log10(100)')).toBe(11);
    expect(run('min(4, 2, 3) + max(1, 5)')).toBe(7);
    expect(run('1e-3 * 1000 + .5')).toBe(1.5);
  });

  it('the conv formula on a known case', () => {
    expect(
      run('floor((W + 2*P - K - (K-1)*(D-1)) / S) + 1', { W: 32, P: 2, K: 3, D: 2, S: 1 }),
    ).toBe(32);
  });

  it('names are parameters only, read from the scope and listed for lint', () => {
    expect([...namesIn(parseExpr('a * b + sqrt(a) + c')).keys()]).toEqual(['a', 'b', 'c']);
    expect(() => run('x + 1')).toThrow(new ExprError('unknown name "x"', 0));
    expect(() => run('__proto__')).toThrow(ExprError);
    expect(() => run('constructor')).toThrow(ExprError);
    expect(() => run('toString')).toThrow(ExprError);
  });

  it('refuses anything that is not arithmetic, saying where', () => {
    const error = (source: string) => {
      try {
        parseExpr(source);
      } catch (e) {
        return e instanceof ExprError ? `${e.message} @${e.at}` : String(e);
      }
      return 'parsed';
    };
    expect(error('a.b')).toBe('unexpected character "." @1');
    expect(error('f(1)')).toMatch(/^unknown function "f"/);
    expect(error('constructor(1)')).toMatch(/^unknown function "constructor"/);
    expect(error("'x'")).toBe(`unexpected character "'" @0`);
    expect(error('a = 1')).toBe('unexpected character "=" @2');
    expect(error('x[0]')).toBe('unexpected character "[" @1');
    expect(error('`x`')).toBe('unexpected character "`" @0');
    expect(error('1 +')).toBe('unexpected end of the expression @3');
    expect(error('(1')).toBe('expected ")" but found end of the expression @2');
    expect(error('1 2')).toBe('unexpected "2" @2');
    expect(error('1 < 2 < 3')).toMatch(/^comparisons cannot be chained/);
    expect(error('min(1)')).toBe('min() takes at least 2 argument(s), got 1 @0');
    expect(error('sqrt(1, 2)')).toBe('sqrt() takes 1 argument(s), got 2 @0');
    expect(error('('.repeat(60) + '1' + ')'.repeat(60))).toMatch(/^expression nests deeper than/);
    expect(error('1+'.repeat(300) + '1')).toMatch(/^expression is longer than/);
  });

  it('division by zero gives Infinity or NaN for lint to catch, never an exception', () => {
    expect(run('1 / 0')).toBe(Infinity);
    expect(Number.isNaN(run('0 / 0'))).toBe(true);
    expect(Number.isNaN(run('sqrt(-1)'))).toBe(true);
  });
});
