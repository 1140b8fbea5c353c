/**
 * Macros given to MathJax's `macros` option: `[expansion, argument count]`. These are the ones
 * people paste from KaTeX or from Markdown editors (Typora, Obsidian) that MathJax lacks, plus
 * replacements for commands we refuse to run as MathJax defines them.
 */
export type MacroDef = string | [string, number];

/** KaTeX's colour shortcuts (its `macros.js`), as RGB: `#` in a macro body means a parameter. */
const KATEX_COLOURS: Record<string, string> = {
  red: 'DF0030',
  blue: '6495ED',
  green: '28AE7B',
  orange: 'FFA500',
  pink: 'FF00AF',
  purple: '9D38BD',
  gray: 'ACACAC',
  kaBlue: '314453',
  kaGreen: '71B307',
};

function rgb(hex: string): string {
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',');
}

const colourMacros = Object.fromEntries(
  Object.entries(KATEX_COLOURS).map(([name, hex]) => [
    name,
    [`\\textcolor[RGB]{${rgb(hex)}}{#1}`, 1] as [string, number],
  ]),
);

export const MACROS: Record<string, MacroDef> = {
  // Bold vectors: `\bold` is in the bank (Typora accepts it), `\bm` is the LaTeX package name.
  bold: ['\\boldsymbol{#1}', 1],
  bm: ['\\boldsymbol{#1}', 1],
  operatornamewithlimits: ['\\operatorname*{#1}', 1],
  KaTeX:
    '\\mathrm{K\\kern-.17em\\raise.21em{\\scriptstyle{A}}\\kern-.15em T\\kern-.14em\\lower.5ex{E}\\kern-.115em X}',
  underbar: ['\\underline{#1}', 1],
  emph: ['\\textit{#1}', 1],
  textmd: ['\\textrm{#1}', 1],
  angl: ['\\enclose{actuarial}{#1}', 1],
  angln: '\\enclose{actuarial}{n}',
  phase: ['\\enclose{phasorangle}{#1}', 1],
  oiint: '\\mathop{\\unicode{x222F}}\\nolimits',
  oiiint: '\\mathop{\\unicode{x2230}}\\nolimits',
  pounds: '\\unicode{xA3}',
  minuso: '\\mathbin{\\unicode{x29B5}}',
  raisebox: ['\\raise{#1}{\\text{#2}}', 2],
  nobreak: '',
  allowbreak: '',
  global: '',
  url: ['\\texttt{#1}', 1],
  ...colourMacros,
  // Neutralised: a PNG cannot link, and CSS classes or styles must not reach the SVG renderer.
  href: ['#2', 2],
  style: ['#2', 2],
  class: ['#2', 2],
  cssId: ['#2', 2],
  htmlId: ['#2', 2],
  htmlClass: ['#2', 2],
  htmlStyle: ['#2', 2],
  htmlData: ['#2', 2],
};
