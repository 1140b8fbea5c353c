import type { FormulaError, FormulaRenderer, FormulaRenderResult } from '../ports.js';
import type {
  FormulaPart,
  ImagePart,
  QuestionDocument,
  RenderedDocument,
  RenderedPart,
} from './document.js';

/** Longest renderer message quoted to readers; TeX errors can echo the whole formula. */
const MAX_ERROR_CHARS = 160;

/**
 * Renders every formula of a document, all at once and each distinct (TeX, display) pair once.
 * A formula that fails is shown as its TeX source in a code part after a note saying why; a
 * renderer that throws (the port says it must not) is treated the same way, never as a crash.
 */
export async function renderDocument(
  doc: QuestionDocument,
  renderer: FormulaRenderer,
): Promise<RenderedDocument> {
  const jobs = new Map<string, { index: number; result: Promise<FormulaRenderResult> }>();
  for (const part of doc.parts) {
    if (part.type !== 'formula') continue;
    const key = formulaKey(part);
    if (!jobs.has(key)) jobs.set(key, { index: jobs.size + 1, result: safeRender(renderer, part) });
  }
  const settled = new Map<string, { index: number; result: FormulaRenderResult }>();
  await Promise.all(
    [...jobs].map(async ([key, job]) =>
      settled.set(key, { index: job.index, result: await job.result }),
    ),
  );

  let figures = 0;
  const parts: RenderedPart[] = [];
  for (const part of doc.parts) {
    if (part.type === 'formula') {
      const { index, result } = settled.get(formulaKey(part))!;
      parts.push(...formulaParts(part, index, result));
    } else if (part.type === 'figure') {
      const ext = /\.(png|jpe?g|gif|webp)$/i.exec(part.path)?.[0].toLowerCase() ?? '.png';
      parts.push({
        type: 'image',
        kind: 'figure',
        name: `figure-${++figures}${ext}`,
        alt: part.alt,
        label: null,
        source: { kind: 'file', path: part.path },
        ...(part.spoiler ? { spoiler: true as const } : {}),
      });
    } else {
      parts.push(part);
    }
  }
  return { ...doc, parts };
}

function formulaKey(part: FormulaPart): string {
  return `${part.display ? 'display' : 'inline'}\u0000${part.tex}`;
}

async function safeRender(
  renderer: FormulaRenderer,
  part: FormulaPart,
): Promise<FormulaRenderResult> {
  try {
    return await renderer.render(part.tex, { display: part.display });
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

function formulaParts(
  part: FormulaPart,
  index: number,
  result: FormulaRenderResult,
): RenderedPart[] {
  const spoiler = part.spoiler ? { spoiler: true as const } : {};
  if (result.ok) {
    const image: ImagePart = {
      type: 'image',
      kind: 'formula',
      name: `formula-${index}.png`,
      alt: part.tex,
      label: part.label,
      source: {
        kind: 'png',
        png: result.png,
        width: result.width,
        height: result.height,
        scale: result.scale,
      },
      ...spoiler,
    };
    return [image];
  }
  const which = part.label ? `Formula ${part.label}` : 'This formula';
  return [
    {
      type: 'text',
      tone: 'note',
      note: 'formula-failed',
      spans: [{ text: `${which} could not be drawn (${describe(result.error)}); its TeX source:` }],
      ...spoiler,
    },
    { type: 'code', lang: 'latex', code: part.tex, ...spoiler },
  ];
}

function describe(error: FormulaError): string {
  const message = error.message.replace(/\s+/g, ' ').trim();
  const short =
    message.length > MAX_ERROR_CHARS ? `${message.slice(0, MAX_ERROR_CHARS - 1)}…` : message;
  return short ? `${error.code}: ${short}` : error.code;
}
