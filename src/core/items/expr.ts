/**
 * The small arithmetic language of item templates (`floor((W + 2*P - K) / S) + 1`). Hand-rolled
 * rather than a dependency: the grammar is a dozen lines, lint needs the tree to name unknown
 * parameters, and nothing here can reach JavaScript (no `eval`, `Function`, member access, strings
 * or assignment; names are looked up in a Map, so `__proto__` is just an unknown name). expr-eval
 * has had advisories for exactly that kind of escape, and mathjs is a full computer-algebra system.
 *
 * Grammar, loosest first: `||`, `&&`, comparisons (`< <= > >= == !=`, yielding 1 or 0), `+ -`,
 * `* / // %` (`//` floor division, `%` floored modulo), unary `- + !`, `^` (right-associative),
 * then numbers, names, calls of the functions in FUNCTIONS, and parentheses.
 */

export type Expr =
  | { type: 'num'; value: number }
  | { type: 'var'; name: string; at: number }
  | { type: 'unary'; op: '-' | '+' | '!'; arg: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'call'; fn: string; args: Expr[]; at: number };

type BinaryOp =
  '||' | '&&' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '+' | '-' | '*' | '/' | '//' | '%' | '^';

/** The functions an expression may call, with their arities (`min`/`max` take two or more). */
export const FUNCTIONS: Readonly<
  Record<string, { arity: [number, number]; fn: (...a: number[]) => number }>
> = {
  floor: { arity: [1, 1], fn: Math.floor },
  ceil: { arity: [1, 1], fn: Math.ceil },
  round: { arity: [1, 1], fn: Math.round },
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  abs: { arity: [1, 1], fn: Math.abs },
  log2: { arity: [1, 1], fn: Math.log2 },
  log10: { arity: [1, 1], fn: Math.log10 },
  min: { arity: [2, Infinity], fn: Math.min },
  max: { arity: [2, Infinity], fn: Math.max },
};

/** A syntax or name error with its 0-based offset in the expression. */
export class ExprError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'ExprError';
  }
}

const MAX_LENGTH = 500;
const MAX_DEPTH = 40;
const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_]\w*)|(\/\/|<=|>=|==|!=|&&|\|\||[-+*/%^()<>!,]))/y;
const LEVELS: readonly (readonly BinaryOp[])[] = [
  ['||'],
  ['&&'],
  ['<', '<=', '>', '>=', '==', '!='],
  ['+', '-'],
  ['*', '/', '//', '%'],
];

interface Token {
  kind: 'num' | 'name' | 'op' | 'end';
  text: string;
  at: number;
}

/** Parses an expression; throws ExprError naming what is wrong and where. */
export function parseExpr(source: string): Expr {
  if (source.length > MAX_LENGTH)
    throw new ExprError(`expression is longer than ${MAX_LENGTH} characters`, 0);
  const tokens = lex(source);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => tokens[pos]!;
  const take = (): Token => tokens[pos++]!;
  const expect = (text: string): void => {
    const t = take();
    if (t.text !== text) throw new ExprError(`expected "${text}" but found ${describe(t)}`, t.at);
  };

  const binary = (level: number): Expr => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    const ops = LEVELS[level]!;
    while (peek().kind === 'op' && (ops as readonly string[]).includes(peek().text)) {
      const op = take().text as BinaryOp;
      const right = binary(level + 1);
      if (level === 2 && peek().kind === 'op' && (ops as readonly string[]).includes(peek().text)) {
        throw new ExprError('comparisons cannot be chained; use && between them', peek().at);
      }
      left = { type: 'binary', op, left, right };
    }
    return left;
  };
  const unary = (): Expr => {
    const t = peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '!')) {
      take();
      return nest(() => ({ type: 'unary', op: t.text as '-' | '+' | '!', arg: unary() }), t.at);
    }
    return power();
  };
  const power = (): Expr => {
    const base = atom();
    if (peek().text !== '^') return base;
    const at = take().at;
    return nest(() => ({ type: 'binary', op: '^', left: base, right: unary() }), at);
  };
  const atom = (): Expr => {
    const t = take();
    if (t.kind === 'num') return { type: 'num', value: Number(t.text) };
    if (t.kind === 'name')
      return peek().text === '(' ? call(t) : { type: 'var', name: t.text, at: t.at };
    if (t.text === '(') {
      const inner = nest(() => binary(0), t.at);
      expect(')');
      return inner;
    }
    throw new ExprError(`unexpected ${describe(t)}`, t.at);
  };
  const call = (name: Token): Expr => {
    const spec = Object.hasOwn(FUNCTIONS, name.text) ? FUNCTIONS[name.text] : undefined;
    if (!spec) {
      throw new ExprError(
        `unknown function "${name.text}" (allowed: ${Object.keys(FUNCTIONS).join(', ')})`,
        name.at,
      );
    }
    take();
    const args: Expr[] = [];
    while (peek().text !== ')') {
      args.push(nest(() => binary(0), name.at));
      if (peek().text !== ',') break;
      take();
    }
    expect(')');
    const [least, most] = spec.arity;
    if (args.length < least || args.length > most) {
      const wanted = least === most ? `${least}` : `at least ${least}`;
      throw new ExprError(
        `${name.text}() takes ${wanted} argument(s), got ${args.length}`,
        name.at,
      );
    }
    return { type: 'call', fn: name.text, args, at: name.at };
  };
  const nest = (build: () => Expr, at: number): Expr => {
    if (++depth > MAX_DEPTH)
      throw new ExprError(`expression nests deeper than ${MAX_DEPTH} levels`, at);
    const out = build();
    depth--;
    return out;
  };

  const tree = binary(0);
  if (peek().kind !== 'end') throw new ExprError(`unexpected ${describe(peek())}`, peek().at);
  return tree;
}

function lex(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (source.slice(at).trim() !== '') {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(source);
    if (!m) {
      const bad = at + (source.slice(at).length - source.slice(at).trimStart().length);
      throw new ExprError(`unexpected character "${source[bad]}"`, bad);
    }
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3])!.length;
    tokens.push({
      kind: m[1] ? 'num' : m[2] ? 'name' : 'op',
      text: (m[1] ?? m[2] ?? m[3])!,
      at: start,
    });
    at = TOKEN.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', at: source.length });
  return tokens;
}

function describe(t: Token): string {
  return t.kind === 'end' ? 'end of the expression' : `"${t.text}"`;
}

/** The parameter names an expression reads, in first-use order, with where each first appears. */
export function namesIn(expr: Expr, out = new Map<string, number>()): Map<string, number> {
  switch (expr.type) {
    case 'var':
      if (!out.has(expr.name)) out.set(expr.name, expr.at);
      break;
    case 'unary':
      namesIn(expr.arg, out);
      break;
    case 'binary':
      namesIn(expr.left, out);
      namesIn(expr.right, out);
      break;
    case 'call':
      for (const a of expr.args) namesIn(a, out);
      break;
    case 'num':
      break;
  }
  return out;
}

/** Evaluates with the given values; an unknown name throws ExprError. May return NaN or ±Infinity. */
export function evaluate(expr: Expr, scope: ReadonlyMap<string, number>): number {
  switch (expr.type) {
    case 'num':
      return expr.value;
    case 'var': {
      const value = scope.get(expr.name);
      if (value === undefined) throw new ExprError(`unknown name "${expr.name}"`, expr.at);
      return value;
    }
    case 'unary': {
      const v = evaluate(expr.arg, scope);
      return expr.op === '-' ? -v : expr.op === '+' ? v : truth(v === 0);
    }
    case 'call':
      return FUNCTIONS[expr.fn]!.fn(...expr.args.map((a) => evaluate(a, scope)));
    case 'binary':
      return applyBinary(expr.op, evaluate(expr.left, scope), evaluate(expr.right, scope));
  }
}

function applyBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '//':
      return Math.floor(a / b);
    case '%':
      return a - b * Math.floor(a / b);
    case '^':
      return a ** b;
    case '<':
      return truth(a < b);
    case '<=':
      return truth(a <= b);
    case '>':
      return truth(a > b);
    case '>=':
      return truth(a >= b);
    case '==':
      return truth(a === b);
    case '!=':
      return truth(a !== b);
    case '&&':
      return truth(a !== 0 && b !== 0);
    case '||':
      return truth(a !== 0 || b !== 0);
  }
}

function truth(value: boolean): number {
  return value ? 1 : 0;
}
