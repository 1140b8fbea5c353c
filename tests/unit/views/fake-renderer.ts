import { crc32, deflateSync } from 'node:zlib';
import type { FormulaRenderer, FormulaRenderResult } from '../../../src/core/ports.js';

/** A real (tiny, grey) PNG of the given size, so code that writes or inspects images gets one. */
export function tinyPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xdd);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte: none
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/**
 * An in-memory FormulaRenderer: TeX containing `\fail` fails with a TeX error, `\throw` makes
 * the renderer throw (which the port forbids, and the document must survive); anything else
 * becomes a small PNG sized by the TeX. Records every call.
 */
export class FakeRenderer implements FormulaRenderer {
  readonly calls: { tex: string; display: boolean }[] = [];
  inFlight = 0;
  maxInFlight = 0;

  async render(tex: string, opts: { display: boolean }): Promise<FormulaRenderResult> {
    this.calls.push({ tex, display: opts.display });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.inFlight--;
    if (tex.includes('\\throw')) throw new Error('renderer exploded');
    if (tex.includes('\\fail'))
      return {
        ok: false,
        error: { code: 'tex-error', message: 'Undefined control sequence \\fail' },
      };
    const width = Math.min(400, 20 + tex.length * 6);
    const height = opts.display ? 48 : 28;
    return { ok: true, png: tinyPng(width, height), width, height, scale: 2, cached: false };
  }

  async close(): Promise<void> {}
}

export const fakeRenderer = (): FormulaRenderer => new FakeRenderer() satisfies FormulaRenderer;
