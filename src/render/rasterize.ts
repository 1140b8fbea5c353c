/** SVG → PNG with sharp (librsvg inside libvips). */
import sharp from 'sharp';
import type { Card } from './card.js';

export interface PngOptions {
  /**
   * 8-bit palette PNG. Off by default: on the bank it saves a third of the bytes (5.1 → 3.4 KB
   * on average) but costs ~1.5 ms of quantisation per formula, more than the rasterising itself,
   * and the files are small either way.
   */
  palette: boolean;
  /** zlib level 0-9; past 6 the bytes barely shrink and the time grows. */
  compressionLevel: number;
}

export const DEFAULT_PNG_OPTIONS: PngOptions = { palette: false, compressionLevel: 6 };

export async function rasterize(
  card: Card,
  opts: PngOptions,
  maxAreaPx: number,
): Promise<Uint8Array> {
  const png = await sharp(Buffer.from(card.svg), {
    // The card states its size in pixels; 72 dpi keeps one SVG unit = one output pixel.
    density: 72,
    // A second guard behind buildCard's size check, so libvips never allocates past the cap.
    limitInputPixels: maxAreaPx,
  })
    .png({ palette: opts.palette, compressionLevel: opts.compressionLevel, effort: 1 })
    .toBuffer();
  // A copy with its own ArrayBuffer: sharp's memory is native, and only an owned buffer can be
  // transferred out of a worker without cloning.
  return new Uint8Array(png);
}
