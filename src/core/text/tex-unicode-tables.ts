/** Character tables for tex-unicode.ts: TeX commands and the Unicode that writes them as text. */

/** How a piece of math spaces itself against its neighbours (TeX's atom classes, simplified). */
export type PieceKind =
  'ord' | 'bin' | 'rel' | 'punct' | 'open' | 'close' | 'fn' | 'frac' | 'space';

/** `'alpha α beta β'` → `{ alpha: 'α', beta: 'β' }`: keeps long tables to a few lines. */
function pairs(list: string): Record<string, string> {
  const words = list.trim().split(/\s+/);
  if (words.length % 2 !== 0) throw new Error(`odd table: ${list.slice(0, 40)}`);
  const out: Record<string, string> = {};
  for (let i = 0; i < words.length; i += 2) out[words[i]!] = words[i + 1]!;
  return out;
}

const GREEK = pairs(`
  alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ
  iota ι kappa κ lambda λ mu μ nu ν xi ξ pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς
  tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ
  Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω`);

const ORD = pairs(`
  infty ∞ partial ∂ nabla ∇ ell ℓ hbar ℏ emptyset ∅ varnothing ∅ prime ′ ldots … cdots ⋯
  dots … vdots ⋮ forall ∀ exists ∃ neg ¬ lnot ¬ top ⊤ bot ⊥ angle ∠ degree ° % % $ $ # #
  & & _ _ vert | lvert | rvert | | ‖ Vert ‖ Re ℜ Im ℑ`);

const BIN = pairs(`
  cdot · times × div ÷ pm ± mp ∓ ast ∗ star ⋆ circ ∘ bullet ∙ oplus ⊕ otimes ⊗ odot ⊙
  cup ∪ cap ∩ setminus ∖ land ∧ lor ∨ wedge ∧ vee ∨`);

const REL = pairs(`
  leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃ cong ≅ equiv ≡ propto ∝ ll ≪
  gg ≫ in ∈ notin ∉ ni ∋ subset ⊂ subseteq ⊆ supset ⊃ supseteq ⊇ to → rightarrow →
  leftarrow ← gets ← Rightarrow ⇒ Leftarrow ⇐ iff ⟺ Leftrightarrow ⇔ leftrightarrow ↔
  mapsto ↦ implies ⟹ mid ∣ parallel ∥ perp ⟂ coloneqq ≔ triangleq ≜`);

const OPEN = pairs('{ { lbrace { langle ⟨ lfloor ⌊ lceil ⌈ lbrack [ lparen (');
const CLOSE = pairs('} } rbrace } rangle ⟩ rfloor ⌋ rceil ⌉ rbrack ] rparen )');

/** Big operators read like function names: a symbol that takes the next thing as its operand. */
const BIG_OPS = pairs(`
  sum ∑ prod ∏ coprod ∐ int ∫ iint ∬ iiint ∭ oint ∮ bigcup ⋃ bigcap ⋂`);

export const FUNCTION_NAMES = new Set(
  `log ln lg exp sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan max min sup
   inf lim limsup liminf arg det dim ker deg gcd hom Pr argmax argmin`.split(/\s+/),
);

const classed = (table: Record<string, string>, kind: PieceKind) =>
  Object.entries(table).map(([k, v]): [string, [string, PieceKind]] => [k, [v, kind]]);

/** Argument-free commands → their text and spacing class. */
export const SYMBOLS: Record<string, [string, PieceKind]> = Object.fromEntries([
  ...classed(GREEK, 'ord'),
  ...classed(ORD, 'ord'),
  ...classed(BIN, 'bin'),
  ...classed(REL, 'rel'),
  ...classed(OPEN, 'open'),
  ...classed(CLOSE, 'close'),
  ...classed(BIG_OPS, 'fn'),
]);

/** Delimiters that may follow `\left`, `\right`, `\big` and friends (`.` means none). */
export const DELIMITERS: Record<string, string> = {
  ...pairs(`( ( ) ) [ [ ] ] | | / / \\{ { \\} } \\| ‖ \\lfloor ⌊ \\rfloor ⌋ \\lceil ⌈ \\rceil ⌉
    \\langle ⟨ \\rangle ⟩ \\vert | \\Vert ‖ \\lvert | \\rvert | \\lbrace { \\rbrace }`),
  '.': '',
};

/** Combining marks for accents over a single letter. */
export const ACCENTS: Record<string, string> = {
  hat: '\u0302',
  widehat: '\u0302',
  bar: '\u0304',
  overline: '\u0305',
  tilde: '\u0303',
  widetilde: '\u0303',
  dot: '\u0307',
  ddot: '\u0308',
  vec: '\u20D7',
  check: '\u030C',
  breve: '\u0306',
  acute: '\u0301',
  grave: '\u0300',
  mathring: '\u030A',
};

export const SUPERSCRIPT: Record<string, string> = charMap(
  '0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ′',
  '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡ′',
);

export const SUBSCRIPT: Record<string, string> = charMap(
  '0123456789+-−=()aehijklmnoprstuvxβγρφχ',
  '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ',
);

function charMap(from: string, to: string): Record<string, string> {
  const a = [...from];
  const b = [...to];
  if (a.length !== b.length) throw new Error('tex-unicode table length mismatch');
  return Object.fromEntries(a.map((c, i) => [c, b[i]!]));
}

/** Mathematical alphanumeric alphabets (U+1D400 block) with the letters Unicode placed elsewhere. */
interface Alphabet {
  upper?: number;
  lower?: number;
  digit?: number;
  greekUpper?: number;
  greekLower?: number;
  holes?: Record<string, string>;
}

export const ALPHABETS: Record<string, Alphabet> = {
  bold: {
    upper: 0x1d400,
    lower: 0x1d41a,
    digit: 0x1d7ce,
    greekUpper: 0x1d6a8,
    greekLower: 0x1d6c2,
    // Greek variants and ∂ ∇ sit after the bold Greek letters rather than at their own offsets.
    holes: pairs('∇ 𝛁 ∂ 𝛛 ϵ 𝛜 ϑ 𝛝 ϕ 𝛟 ϱ 𝛠 ϖ 𝛡'),
  },
  blackboard: {
    upper: 0x1d538,
    lower: 0x1d552,
    digit: 0x1d7d8,
    holes: pairs('C ℂ H ℍ N ℕ P ℙ Q ℚ R ℝ Z ℤ'),
  },
  script: { upper: 0x1d49c, holes: pairs('B ℬ E ℰ F ℱ H ℋ I ℐ L ℒ M ℳ R ℛ') },
  fraktur: { upper: 0x1d504, lower: 0x1d51e, holes: pairs('C ℭ H ℌ I ℑ R ℜ Z ℨ') },
};

/** The alphabet a font command selects; absent commands are not convertible. */
export const FONT_COMMANDS: Record<string, keyof typeof ALPHABETS> = {
  mathbf: 'bold',
  bold: 'bold',
  boldsymbol: 'bold',
  bm: 'bold',
  pmb: 'bold',
  mathbb: 'blackboard',
  Bbb: 'blackboard',
  mathcal: 'script',
  mathscr: 'script',
  mathfrak: 'fraktur',
};

/** Commands whose argument is copied as plain text (spaces kept). `fn` ones space like \log. */
export const TEXT_COMMANDS: Record<string, PieceKind> = {
  ...Object.fromEntries(
    `text textrm textit textbf textnormal mbox mathrm mathit mathsf mathtt mathnormal`
      .split(' ')
      .map((name) => [name, 'ord']),
  ),
  operatorname: 'fn',
};

/** Horizontal space commands; `\!` (negative) is dropped. */
export const SPACES: Record<string, string> = {
  ...Object.fromEntries(
    [',', ':', ';', ' ', '>', 'enspace', 'thinspace', 'medspace', 'thickspace'].map((n) => [
      n,
      ' ',
    ]),
  ),
  quad: '  ',
  qquad: '  ',
  '!': '',
};

/** Commands that change nothing a plain-text reader would see. */
export const IGNORED = new Set(['displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits']);

/** Commands followed by one delimiter: `\left(`, `\bigr]` … The class says how it spaces. */
export const SIZED_DELIMITERS: Record<string, PieceKind | 'auto'> = {
  left: 'open',
  right: 'close',
  middle: 'rel',
  ...Object.fromEntries(['bigl', 'Bigl', 'biggl', 'Biggl'].map((n) => [n, 'open'])),
  ...Object.fromEntries(['bigr', 'Bigr', 'biggr', 'Biggr'].map((n) => [n, 'close'])),
  ...Object.fromEntries(['big', 'Big', 'bigg', 'Bigg'].map((n) => [n, 'auto'])),
};
