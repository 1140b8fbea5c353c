/**
 * TeX → SVG with mathjax-full, synchronous. One engine per thread: MathJax keeps per-document
 * state, and a worker owns one so that a runaway formula can be stopped by killing its worker.
 */
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor, type LiteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/amscd/AmsCdConfiguration.js';
import 'mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js';
import 'mathjax-full/js/input/tex/configmacros/ConfigMacrosConfiguration.js';
import 'mathjax-full/js/input/tex/textmacros/TextMacrosConfiguration.js';
import 'mathjax-full/js/input/tex/textcomp/TextcompConfiguration.js';
import 'mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js';
import 'mathjax-full/js/input/tex/color/ColorConfiguration.js';
import 'mathjax-full/js/input/tex/braket/BraketConfiguration.js';
import 'mathjax-full/js/input/tex/cancel/CancelConfiguration.js';
import 'mathjax-full/js/input/tex/mathtools/MathtoolsConfiguration.js';
import 'mathjax-full/js/input/tex/cases/CasesConfiguration.js';
import 'mathjax-full/js/input/tex/centernot/CenternotConfiguration.js';
import 'mathjax-full/js/input/tex/colortbl/ColortblConfiguration.js';
import 'mathjax-full/js/input/tex/enclose/EncloseConfiguration.js';
import 'mathjax-full/js/input/tex/extpfeil/ExtpfeilConfiguration.js';
import 'mathjax-full/js/input/tex/gensymb/GensymbConfiguration.js';
import 'mathjax-full/js/input/tex/mhchem/MhchemConfiguration.js';
import 'mathjax-full/js/input/tex/upgreek/UpgreekConfiguration.js';
import 'mathjax-full/js/input/tex/unicode/UnicodeConfiguration.js';
import 'mathjax-full/js/input/tex/verb/VerbConfiguration.js';
import './extensions.js';
import type { FormulaError } from '../../core/ports.js';
import type { RenderLimits } from '../limits.js';
import { MACROS } from './macros.js';

/**
 * Left out on purpose: `require`/`autoload` (load files), `noerrors`/`noundefined` (hide errors
 * as red text or black boxes), `html` (CSS and links; replaced in macros.ts), `bbox` (takes raw
 * CSS), `setoptions` (would let a formula raise its own limits), `action` and `physics` (unused,
 * and physics redefines common letters' macros).
 */
const TEX_PACKAGES = [
  'base',
  'ams',
  'amscd',
  'newcommand',
  'configmacros',
  'textmacros',
  'boldsymbol',
  'color',
  'braket',
  'cancel',
  'mathtools',
  'cases',
  'centernot',
  'colortbl',
  'enclose',
  'extpfeil',
  'gensymb',
  'mhchem',
  'upgreek',
  'unicode',
  'verb',
  'bbox',
  'quizbot',
];

/** MathJax's SVG in its own units: the viewBox is in thousandths of an em. */
export interface TexSvg {
  /** Children of MathJax's root `<svg>` (glyph defs and the drawing), to be re-wrapped. */
  body: string;
  viewBox: string;
  /** Size of the viewBox in em, and how far the baseline sits above the bottom edge. */
  widthEm: number;
  heightEm: number;
  depthEm: number;
}

export type TexSvgResult = ({ ok: true } & TexSvg) | { ok: false; error: FormulaError };

export interface TexEngine {
  toSvg(tex: string, display: boolean): TexSvgResult;
}

/** `url(…)` anywhere, or a link that is not to an element of the same document. */
const EXTERNAL_REFERENCE = /url\s*\(|href\s*=\s*"(?!#)/i;

/** Codes MathJax uses for its own expansion limits. */
const EXPANSION_ERRORS = new Set(['MaxMacroSub1', 'MaxMacroSub2', 'MaxBufferSize']);

let registered: LiteAdaptor | null = null;

/**
 * MathJax keeps its document handlers in a process-wide registry and gives every new document
 * the first one that accepts it, so one adaptor per thread is all there ever is: register it once.
 */
function threadAdaptor(): LiteAdaptor {
  if (!registered) {
    registered = liteAdaptor({ fontSize: 16 });
    RegisterHTMLHandler(registered);
  }
  return registered;
}

export function createTexEngine(limits: RenderLimits): TexEngine {
  const adaptor = threadAdaptor();
  const tex = new TeX({
    packages: TEX_PACKAGES,
    macros: MACROS,
    maxMacros: limits.maxMacros,
    maxBuffer: limits.maxBuffer,
    textmacros: { packages: ['text-base', 'textcomp', 'text-quizbot'] },
    // Throwing instead of building an <merror> node is what makes errors detectable.
    formatError: (_jax: unknown, err: Error) => {
      throw err;
    },
  });
  const svg = new SVG({ fontCache: 'local' });
  const doc = mathjax.document('', { InputJax: tex, OutputJax: svg });

  return {
    toSvg(source, display) {
      let container: LiteElement;
      try {
        container = doc.convert(source, { display }) as LiteElement;
      } catch (err) {
        return { ok: false, error: describeError(err) };
      }
      const root = adaptor.firstChild(container) as LiteElement;
      if (!adaptor.getAttribute(root, 'viewBox')) {
        // Only layouts sized by the page (100% wide) lack a viewBox; they have no size to draw.
        return {
          ok: false,
          error: {
            code: 'tex-error',
            message: 'formula is laid out against the page width and cannot be an image',
          },
        };
      }
      const shape = measureTree(adaptor, root);
      if (shape.hasError) {
        return {
          ok: false,
          error: { code: 'tex-error', message: 'MathJax reported an error in the formula' },
        };
      }
      if (shape.depth > limits.maxOutputDepth) {
        return {
          ok: false,
          error: {
            code: 'too-deep',
            message: `typeset formula nests ${shape.depth} levels; the limit is ${limits.maxOutputDepth}`,
          },
        };
      }
      if (shape.nodes > limits.maxOutputNodes) {
        return {
          ok: false,
          error: {
            code: 'too-large',
            message: `typeset formula has ${shape.nodes} parts; the limit is ${limits.maxOutputNodes}`,
          },
        };
      }
      if (shape.marks === 0) {
        return { ok: false, error: { code: 'tex-error', message: 'formula has nothing to draw' } };
      }
      const metrics = svgMetrics(adaptor, root);
      const body = adaptor.innerHTML(root);
      // A colour such as `url(http://…)` passes through MathJax verbatim; the rasteriser must
      // never be asked to resolve anything outside the document.
      if (EXTERNAL_REFERENCE.test(body)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'formula refers to an external resource' },
        };
      }
      return { ok: true, body, ...metrics };
    },
  };
}

function describeError(err: unknown): FormulaError {
  if (err instanceof RangeError) {
    // A stack overflow inside MathJax's recursive descent: nesting the pre-check could not see.
    return { code: 'too-deep', message: 'formula nests too deeply to typeset' };
  }
  // TexError is not an Error subclass: read its fields structurally.
  const { id, message: raw } = (err ?? {}) as { id?: unknown; message?: unknown };
  const message = typeof raw === 'string' ? raw : String(err);
  if (typeof id === 'string' && EXPANSION_ERRORS.has(id)) {
    return { code: 'too-many-expansions', message: `TeX: ${message}` };
  }
  if (typeof id === 'string') return { code: 'tex-error', message: `TeX: ${message}` };
  return { code: 'internal', message: `MathJax failed: ${message}` };
}

interface TreeShape {
  depth: number;
  nodes: number;
  /** Elements that put ink on the page (glyphs, rules, text). */
  marks: number;
  hasError: boolean;
}

const MARKS = new Set(['path', 'use', 'rect', 'text', 'line', 'polygon', 'ellipse', 'circle']);

/** Iterative walk, so that a pathologically deep tree cannot overflow our own stack. */
function measureTree(adaptor: LiteAdaptor, root: LiteElement): TreeShape {
  const shape: TreeShape = { depth: 0, nodes: 0, marks: 0, hasError: false };
  const stack: Array<[LiteElement, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    shape.nodes++;
    shape.depth = Math.max(shape.depth, depth);
    if (MARKS.has(adaptor.kind(node))) shape.marks++;
    const mml = adaptor.getAttribute(node, 'data-mml-node');
    if (mml === 'merror' || adaptor.getAttribute(node, 'data-mjx-error')) shape.hasError = true;
    for (const child of adaptor.childNodes(node)) {
      if (adaptor.kind(child) !== '#text' && adaptor.kind(child) !== '#comment') {
        stack.push([child as LiteElement, depth + 1]);
      }
    }
  }
  return shape;
}

function svgMetrics(adaptor: LiteAdaptor, root: LiteElement): Omit<TexSvg, 'body'> {
  const viewBox = adaptor.getAttribute(root, 'viewBox') ?? '0 0 0 0';
  const box = viewBox.split(/\s+/).map(Number);
  const [, minY = 0, width = 0, height = 0] = box;
  // viewBox y runs from -(height above baseline) to +depth below it, in units of 1/1000 em.
  const depth = Math.max(0, minY + height);
  return { viewBox, widthEm: width / 1000, heightEm: height / 1000, depthEm: depth / 1000 };
}
