/**
 * Two small MathJax TeX packages of our own: `quizbot` (math mode) and `text-quizbot` (inside
 * `\text{}` with textmacros). They add what people paste from KaTeX and what the bank uses, where
 * a plain macro expansion (see macros.ts) cannot express it: new accents, sizes, `\gdef`.
 * Importing this module registers both packages with MathJax (a registry MathJax owns).
 */
import { Configuration } from 'mathjax-full/js/input/tex/Configuration.js';
import { CommandMap } from 'mathjax-full/js/input/tex/SymbolMap.js';
import BaseMethodsModule from 'mathjax-full/js/input/tex/base/BaseMethods.js';
import NewcommandMethodsModule from 'mathjax-full/js/input/tex/newcommand/NewcommandMethods.js';
import ParseUtilModule from 'mathjax-full/js/input/tex/ParseUtil.js';
import NodeUtilModule from 'mathjax-full/js/input/tex/NodeUtil.js';
import { AmsMethods } from 'mathjax-full/js/input/tex/ams/AmsMethods.js';
import { TextMacrosMethods } from 'mathjax-full/js/input/tex/textmacros/TextMacrosMethods.js';
import type { ParseMethod } from 'mathjax-full/js/input/tex/Types.js';

type TexParser = Parameters<ParseMethod>[0];

/**
 * mathjax-full is CommonJS. Node hands an ES module the whole `module.exports` as the default
 * import (so `export default` sits at `.default`); vitest's loader unwraps it. Accept both.
 */
function unwrap<T>(mod: unknown): T {
  const inner = (mod as { default?: T }).default;
  return inner ?? (mod as T);
}

const BaseMethods = unwrap<typeof BaseMethodsModule.default>(BaseMethodsModule);
const NewcommandMethods = unwrap<typeof NewcommandMethodsModule.default>(NewcommandMethodsModule);
const ParseUtil = unwrap<typeof ParseUtilModule.default>(ParseUtilModule);
const NodeUtil = unwrap<typeof NodeUtilModule.default>(NodeUtilModule);

/** A stretchy accent placed explicitly over or under (MathJax infers it from the macro name). */
function stretchy(pos: 'over' | 'under'): ParseMethod {
  return (parser: TexParser, name, c: string) => {
    const mo = parser.create(
      'token',
      'mo',
      { stretchy: true, accent: true },
      NodeUtil.createEntity(c),
    );
    const base = parser.ParseArg(String(name));
    parser.Push(ParseUtil.underOver(parser, base, mo, pos, false));
  };
}

/**
 * Equation numbers mean nothing in chat, and a tagged equation is laid out against the page
 * width (an SVG 100% wide with no size of its own), which cannot be drawn as a standalone image.
 */
const dropTag: ParseMethod = (parser, name) => {
  parser.GetStar();
  parser.GetArgument(String(name));
};

const methods: Record<string, ParseMethod> = {
  DropTag: dropTag,
  Over: stretchy('over'),
  Under: stretchy('under'),
  Accent: BaseMethods['Accent']!,
  SetSize: BaseMethods['SetSize']!,
  xArrow: AmsMethods['xArrow']!,
};

new CommandMap(
  'quizbot-math',
  {
    Overrightarrow: ['Over', '21D2'],
    overleftharpoon: ['Over', '21BC'],
    overrightharpoon: ['Over', '21C0'],
    overlinesegment: ['Over', '2015'],
    underlinesegment: ['Under', '2015'],
    overgroup: ['Over', '23DC'],
    undergroup: ['Under', '23DD'],
    utilde: ['Under', '007E'],
    widecheck: ['Accent', '02C7', 1],
    footnotesize: ['SetSize', 0.8],
    xrightleftarrows: ['xArrow', 0x21c4, 5, 5],
    xrightequilibrium: ['xArrow', 0x21cc, 5, 5],
    xleftequilibrium: ['xArrow', 0x21cb, 5, 5],
    tag: 'DropTag',
  },
  methods,
);

// KaTeX documents `\gdef`; without grouping semantics to honour, it is `\def`.
new CommandMap('quizbot-def', { gdef: 'MacroDef', xdef: 'MacroDef' }, NewcommandMethods);

/** Text-mode letters and symbols LaTeX has and MathJax's textmacros lacks. */
new CommandMap(
  'text-quizbot-macros',
  {
    i: ['Insert', '\u0131'],
    j: ['Insert', '\u0237'],
    o: ['Insert', '\u00F8'],
    O: ['Insert', '\u00D8'],
    ss: ['Insert', '\u00DF'],
    aa: ['Insert', '\u00E5'],
    AA: ['Insert', '\u00C5'],
    ae: ['Insert', '\u00E6'],
    AE: ['Insert', '\u00C6'],
    oe: ['Insert', '\u0153'],
    OE: ['Insert', '\u0152'],
    P: ['Insert', '\u00B6'],
    sect: ['Insert', '\u00A7'],
    pounds: ['Insert', '\u00A3'],
    maltese: ['Insert', '\u2720'],
    degree: ['Insert', '\u00B0'],
    H: ['Accent', '\u02DD'],
    r: ['Accent', '\u02DA'],
    TeX: ['Macro', '\\(\\TeX\\)'],
    LaTeX: ['Macro', '\\(\\LaTeX\\)'],
    KaTeX: ['Macro', '\\(\\KaTeX\\)'],
    underline: ['Macro', '\\(\\underline{\\text{#1}}\\)', 1],
    phantom: ['Macro', '\\(\\phantom{\\text{#1}}\\)', 1],
    sout: ['Macro', '\\(\\enclose{horizontalstrike}{\\text{#1}}\\)', 1],
    textcircled: ['Macro', '\\(\\enclose{circle}{\\text{#1}}\\)', 1],
  },
  TextMacrosMethods as unknown as Record<string, ParseMethod>,
);

Configuration.create('quizbot', { handler: { macro: ['quizbot-math', 'quizbot-def'] } });
Configuration.create('text-quizbot', {
  parser: 'text',
  handler: { macro: ['text-quizbot-macros'] },
});
