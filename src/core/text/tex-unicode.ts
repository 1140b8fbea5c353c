/**
 * Inline math as plain Unicode text, for chat messages that cannot put an image mid-sentence.
 *
 * The rule: an inline formula becomes text when every part of it has a faithful plain-text form
 * — letters, digits, Greek, operators and relations, function names (`\log`), `\text{…}`,
 * bold / blackboard / calligraphic letters (Unicode's mathematical alphabets), an accent over one
 * letter (a combining mark: `\hat{y}` → ŷ), sub- and superscripts whose every character Unicode
 * has as a sub- or superscript (`x_0^2` → x₀², but not `w_b`), one level of fractions written
 * `a/b` (parenthesised where reading it linearly would be ambiguous), `\sqrt{…}` → √(…), and
 * `\left`/`\right` delimiters. Anything else — environments, alignment, nested fractions, roots
 * with an index, scripts Unicode cannot write, unknown commands — gives null, and the caller
 * renders that formula as an image placed after its paragraph.
 */
import {
  ACCENTS,
  ALPHABETS,
  DELIMITERS,
  FONT_COMMANDS,
  FUNCTION_NAMES,
  IGNORED,
  SIZED_DELIMITERS,
  SPACES,
  SUBSCRIPT,
  SUPERSCRIPT,
  SYMBOLS,
  TEXT_COMMANDS,
  type PieceKind,
} from './tex-unicode-tables.js';

interface Piece {
  text: string;
  kind: PieceKind;
  /** Top-level atoms inside, for deciding whether a fraction part needs parentheses. */
  atoms: number;
}

/** Signals "not convertible"; caught once at the top. */
class Unconvertible extends Error {}

/** Longest input worth trying: beyond this a formula does not read well as text anyway. */
const MAX_INPUT = 300;

/** Converts simple inline TeX to Unicode text; null when it needs to be an image. */
export function texToUnicode(tex: string): string | null {
  if (tex.length > MAX_INPUT) return null;
  try {
    const parser = new Parser(tex);
    const pieces = parser.sequence(null);
    // NFC turns letter + combining mark into the precomposed letter where one exists (ŷ), which
    // every chat font draws well; marks without one (C̃) stay combining.
    const text = join(pieces, 'wide').normalize('NFC');
    return text.length > 0 && !text.includes('\\') ? text : null;
  } catch (err) {
    if (err instanceof Unconvertible) return null;
    throw err;
  }
}

class Parser {
  private i = 0;
  private fracDepth = 0;

  constructor(private readonly src: string) {}

  /** Pieces up to `stop` (`}`) or the end of input. */
  sequence(stop: '}' | null): Piece[] {
    const out: Piece[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.src[this.i];
      if (c === undefined) {
        if (stop) fail();
        return out;
      }
      if (c === '}') {
        if (stop !== '}') fail();
        this.i++;
        return out;
      }
      this.atom(out);
    }
  }

  private atom(out: Piece[]): void {
    const c = this.src[this.i]!;
    this.i++;
    if (c === '{') {
      out.push(...this.sequence('}'));
    } else if (c === '^' || c === '_') {
      const base = out.at(-1);
      if (base?.kind === 'frac') fail();
      const script = this.script(c === '^' ? SUPERSCRIPT : SUBSCRIPT);
      if (base && base.kind !== 'space') base.text += script;
      else out.push({ text: script, kind: 'ord', atoms: 1 });
    } else if (c === "'") {
      const base = out.at(-1) ?? fail();
      base.text += '′';
    } else if (c === '\\') {
      this.command(out);
    } else if (c === '~') {
      out.push({ text: ' ', kind: 'space', atoms: 0 });
    } else {
      out.push(charPiece(c));
    }
  }

  private command(out: Piece[]): void {
    const name = this.controlName();
    const symbol = SYMBOLS[name];
    if (symbol) return void out.push({ text: symbol[0], kind: symbol[1], atoms: 1 });
    if (FUNCTION_NAMES.has(name)) return void out.push({ text: name, kind: 'fn', atoms: 1 });
    if (name in SPACES) return void out.push({ text: SPACES[name]!, kind: 'space', atoms: 0 });
    if (IGNORED.has(name)) return;
    const sized = SIZED_DELIMITERS[name];
    if (sized) return void out.push(this.delimiter(sized));
    const accent = ACCENTS[name];
    if (accent) return void out.push({ text: this.accented(accent), kind: 'ord', atoms: 1 });
    const font = FONT_COMMANDS[name];
    if (font)
      return void out.push(
        ...this.argument().map((p) => ({ ...p, text: inAlphabet(p.text, font) })),
      );
    const textKind = TEXT_COMMANDS[name];
    if (textKind) {
      if (this.src[this.i] === '*') this.i++;
      return void out.push({ text: this.rawArgument(), kind: textKind, atoms: 1 });
    }
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac')
      return void out.push(this.fraction());
    if (name === 'sqrt') return void out.push(this.root());
    fail();
  }

  private fraction(): Piece {
    if (this.fracDepth > 0) fail();
    this.fracDepth++;
    const num = this.argument();
    const den = this.argument();
    this.fracDepth--;
    const top = join(num, 'tight');
    const bottom = join(den, 'tight');
    if (!top || !bottom) fail();
    const text = `${needsParens(num, false) ? `(${top})` : top}/${needsParens(den, true) ? `(${bottom})` : bottom}`;
    return { text, kind: 'frac', atoms: 1 };
  }

  private root(): Piece {
    this.skipSpace();
    if (this.src[this.i] === '[') fail();
    const inner = this.argument();
    const text = join(inner, 'tight');
    const simple = inner.length === 1 && inner[0]!.kind === 'ord' && [...text].length <= 2;
    return { text: simple ? `√${text}` : `√(${text})`, kind: 'ord', atoms: 1 };
  }

  private accented(mark: string): string {
    const inner = this.argument();
    const text = join(inner, 'tight');
    // A combining mark sits on one character; over several it would mark only the last.
    if (inner.length !== 1 || [...text].length !== 1) fail();
    return text + mark;
  }

  private script(table: Record<string, string>): string {
    const text = join(this.argument(), 'tight').replace(/\s+/g, '');
    if (!text) fail();
    return [...text].map((ch) => table[ch] ?? fail()).join('');
  }

  private delimiter(kind: PieceKind | 'auto'): Piece {
    this.skipSpace();
    const m = /^(\\[a-zA-Z]+|\\.|.)/s.exec(this.src.slice(this.i)) ?? fail();
    this.i += m[0].length;
    const text = DELIMITERS[m[0]] ?? fail();
    const resolved =
      kind !== 'auto'
        ? kind
        : '([{⌊⌈⟨'.includes(text)
          ? 'open'
          : ')]}⌋⌉⟩'.includes(text)
            ? 'close'
            : 'ord';
    return { text, kind: resolved, atoms: text ? 1 : 0 };
  }

  /** A braced group or a single token, as pieces. */
  private argument(): Piece[] {
    this.skipSpace();
    const c = this.src[this.i] ?? fail();
    if (c === '{') {
      this.i++;
      return this.sequence('}');
    }
    if (c === '}' || c === '^' || c === '_') fail();
    const out: Piece[] = [];
    this.i++;
    if (c === '\\') this.command(out);
    else out.push(charPiece(c));
    return out;
  }

  /** The literal contents of a braced argument, for `\text{…}`; nested commands are refused. */
  private rawArgument(): string {
    this.skipSpace();
    if (this.src[this.i] !== '{') fail();
    const end = this.src.indexOf('}', this.i);
    if (end < 0) fail();
    const body = this.src.slice(this.i + 1, end);
    if (/[\\{$^_&#%]/.test(body)) fail();
    this.i = end + 1;
    return body;
  }

  private controlName(): string {
    const m = /^([a-zA-Z]+|.)/s.exec(this.src.slice(this.i)) ?? fail();
    this.i += m[0].length;
    return m[0];
  }

  private skipSpace(): void {
    while (/\s/.test(this.src[this.i] ?? '')) this.i++;
  }
}

function charPiece(c: string): Piece {
  if (/[\p{L}\p{N}.|/!?@"]/u.test(c)) return { text: c, kind: 'ord', atoms: 1 };
  if (c === '+') return { text: '+', kind: 'bin', atoms: 1 };
  if (c === '-') return { text: '−', kind: 'bin', atoms: 1 };
  if (c === '*') return { text: '∗', kind: 'bin', atoms: 1 };
  if (c === '=' || c === '<' || c === '>' || c === ':') return { text: c, kind: 'rel', atoms: 1 };
  if (c === ',' || c === ';') return { text: c, kind: 'punct', atoms: 1 };
  if (c === '(' || c === '[') return { text: c, kind: 'open', atoms: 1 };
  if (c === ')' || c === ']') return { text: c, kind: 'close', atoms: 1 };
  return fail();
}

/**
 * Whether a fraction part must be bracketed to read right as `a/b`: any operator inside does;
 * a denominator of several factors does too (1/(mn)), except a differential such as `dx`.
 */
function needsParens(part: Piece[], denominator: boolean): boolean {
  if (
    part.some((p) => p.kind === 'bin' || p.kind === 'rel' || p.kind === 'punct' || p.kind === 'fn')
  )
    return true;
  if (!denominator) return false;
  const atoms = part.filter((p) => p.kind !== 'space');
  if (atoms.length <= 1) return false;
  const differential = atoms.length === 2 && /^[d∂]$/.test(atoms[0]!.text);
  return !differential;
}

function inAlphabet(text: string, name: keyof typeof ALPHABETS): string {
  const a = ALPHABETS[name]!;
  return [...text]
    .map((ch) => {
      const hole = a.holes?.[ch];
      if (hole) return hole;
      const cp = ch.codePointAt(0)!;
      const offset = (start: number | undefined, first: number, last: number): string | null =>
        start !== undefined && cp >= first && cp <= last
          ? String.fromCodePoint(start + cp - first)
          : null;
      return (
        offset(a.upper, 0x41, 0x5a) ??
        offset(a.lower, 0x61, 0x7a) ??
        offset(a.digit, 0x30, 0x39) ??
        offset(a.greekUpper, 0x391, 0x3a9) ??
        offset(a.greekLower, 0x3b1, 0x3c9) ??
        (/\s/.test(ch) ? ch : fail())
      );
    })
    .join('');
}

/** Joins pieces with TeX-like spacing: `wide` for running text, `tight` inside fractions and scripts. */
function join(pieces: Piece[], mode: 'wide' | 'tight'): string {
  const wide = mode === 'wide';
  let out = '';
  let prev: Piece | null = null;
  pieces.forEach((p, index) => {
    const next = pieces.slice(index + 1).find((q) => q.kind !== 'space') ?? null;
    switch (p.kind) {
      case 'bin': {
        const unary = !prev || ['open', 'bin', 'rel', 'punct', 'fn'].includes(prev.kind);
        out += unary || !wide ? p.text : ` ${p.text} `;
        break;
      }
      case 'rel':
        out += wide ? ` ${p.text} ` : p.text;
        break;
      case 'punct':
        out += `${p.text} `;
        break;
      case 'fn': {
        const before = prev && ['ord', 'close', 'frac', 'fn'].includes(prev.kind);
        const after = next && ['ord', 'fn', 'frac'].includes(next.kind);
        out += `${before ? ' ' : ''}${p.text}${after ? ' ' : ''}`;
        break;
      }
      case 'frac': {
        const touching =
          (prev && ['ord', 'close', 'frac', 'fn'].includes(prev.kind)) ||
          (next && ['ord', 'open', 'frac', 'fn'].includes(next.kind));
        out += touching ? `(${p.text})` : p.text;
        break;
      }
      default:
        out += p.text;
    }
    if (p.kind !== 'space') prev = p;
  });
  return out
    .replace(/\s+/g, ' ')
    .replace(/([([{⟨⌊⌈]) /g, '$1')
    .replace(/ ([)\]}⟩⌋⌉,;])/g, '$1')
    .trim();
}

function fail(): never {
  throw new Unconvertible();
}
