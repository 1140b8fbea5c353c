import type { ImagePart } from '../../core/views/document.js';
import { escapeHtml } from './html-text.js';

/** An `<img>` for a laid-out image: formulas at their CSS size (PNG pixels ÷ scale), figures fitted. */
export function imageHtml(image: ImagePart): string {
  const size =
    image.source.kind === 'png'
      ? ` width="${Math.round(image.source.width / image.source.scale)}" height="${Math.round(image.source.height / image.source.scale)}"`
      : '';
  return `<img class="${image.kind}" src="${encodeURI(image.name)}" alt="${escapeHtml(image.alt)}"${size}>`;
}

/** Button captions for the preview; adapters word the real ones. */
export function buttonsHtml(actions: readonly string[], cls: string): string {
  if (actions.length === 0) return '';
  const captions = actions.flatMap((a) =>
    a === 'reveal' ? ['Reveal answer'] : ['Again', 'Hard', 'Good', 'Easy'],
  );
  return `<div class="${cls}">${captions.map((c, i) => `<button class="${i === 0 ? 'primary' : ''}">${c}</button>`).join('')}</div>`;
}

/** `1,234` */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
