import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Question } from '../../core/bank/model.js';
import type { FormulaRenderer } from '../../core/ports.js';
import { buildQuestionDocument } from '../../core/views/build.js';
import type { RenderedDocument } from '../../core/views/document.js';
import { layoutDocument, type Message } from '../../core/views/layout.js';
import { renderDocument } from '../../core/views/render.js';
import { discordLayoutLimits } from '../../platforms/discord/limits.js';
import { slackLayoutLimits } from '../../platforms/slack/limits.js';
import { discordMessagesHtml } from './discord-html.js';
import { previewPageHtml } from './page.js';
import { slackMessagesHtml } from './slack-html.js';

export interface PreviewOptions {
  question: Question;
  renderer: FormulaRenderer;
  outDir: string;
  withAnswer: boolean;
  spoiler: boolean;
}

export interface PreviewResult {
  indexPath: string;
  discord: Message[];
  slack: Message[];
  /** Files written beside index.html (formula PNGs, copied figures). */
  images: string[];
  failedFormulas: number;
}

/** Builds, renders and lays out one question, then writes its images and `index.html` to `outDir`. */
export async function writePreview(options: PreviewOptions): Promise<PreviewResult> {
  const doc = buildQuestionDocument(options.question, {
    withAnswer: options.withAnswer,
    spoiler: options.spoiler,
  });
  const rendered = await renderDocument(doc, options.renderer);
  const discord = layoutDocument(rendered, discordLayoutLimits);
  const slack = layoutDocument(rendered, slackLayoutLimits);

  await mkdir(options.outDir, { recursive: true });
  const images = await writeImages(rendered, options.outDir);
  const failedFormulas = rendered.parts.filter(
    (p) => p.type === 'text' && p.note === 'formula-failed',
  ).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary =
    `Discord: ${plural(discord.length, 'message')} · Slack: ${plural(slack.length, 'message')} · ` +
    `${plural(images.length, 'image')}` +
    (failedFormulas ? ` · ${plural(failedFormulas, 'formula')} failed (shown as TeX)` : '') +
    (options.withAnswer ? '' : ' · question only');
  const html = previewPageHtml({
    title: doc.title,
    summary,
    discordHtml: discordMessagesHtml(discord),
    slackHtml: slackMessagesHtml(slack),
  });
  const indexPath = path.join(options.outDir, 'index.html');
  await writeFile(indexPath, html);
  return { indexPath, discord, slack, images, failedFormulas };
}

/** Each distinct image once, under the name the messages refer to it by. */
async function writeImages(doc: RenderedDocument, outDir: string): Promise<string[]> {
  const written = new Map<string, Promise<void>>();
  for (const part of doc.parts) {
    if (part.type !== 'image' || written.has(part.name)) continue;
    const target = path.join(outDir, part.name);
    written.set(
      part.name,
      part.source.kind === 'png'
        ? writeFile(target, part.source.png)
        : copyFile(part.source.path, target),
    );
  }
  await Promise.all(written.values());
  return [...written.keys()];
}
