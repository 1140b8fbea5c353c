/**
 * Drill DMs as the console prints them in a person's inbox: the session's first card, a card's
 * question and answer sides with their buttons, the summary; and what a drill button's reply adds.
 */
import type { Question } from '../../core/bank/model.js';
import type {
  DrillButton,
  DrillCardBack,
  DrillCardFront,
  DrillOutgoingView,
} from '../../core/drills/views.js';
import type { DrillRated } from '../../commands/reply.js';
import { type DrillWording, drillWordingFor } from '../../i18n/drill/index.js';
import { questionBody } from './document-text.js';
import type { ViewTextContext } from './view-text.js';

/** What `/press` takes for a drill button: `reveal`, or the rating. */
export const drillButtonName = (b: DrillButton): string =>
  b.action === 'drill-rate' ? b.rating : 'reveal';

/** Whether a remembered button is a drill card's. */
export const isDrillButton = (b: { action: string }): b is DrillButton =>
  b.action === 'drill-reveal' || b.action === 'drill-rate';

/** The buttons a drill view carries (the summary has none). */
export function drillButtons(view: DrillOutgoingView): DrillButton[] {
  if (view.kind === 'drill-session') return view.card.buttons;
  return view.kind === 'drill-card' ? view.buttons : [];
}

export async function drillText(view: DrillOutgoingView, ctx: ViewTextContext): Promise<string> {
  const words = drillWordingFor(ctx.words.locale);
  switch (view.kind) {
    case 'drill-session':
      return [
        ctx.style.bold(words.sessionHeader(view)),
        await frontText(view.card, words, ctx),
      ].join('\n');
    case 'drill-card':
      return view.side === 'front' ? frontText(view, words, ctx) : backText(view, words, ctx);
    case 'drill-summary':
      return [ctx.style.bold(words.summaryHeader), words.summary(view)].join('\n');
  }
}

/** A drill button's reply: what the rating gave, then the view that follows in the DM. */
export async function drillReplyText(
  reply: { view: DrillOutgoingView; rated: DrillRated | null },
  ctx: ViewTextContext,
): Promise<string> {
  const body = await drillText(reply.view, ctx);
  if (!reply.rated) return body;
  return [drillWordingFor(ctx.words.locale).rated(reply.rated), '', body].join('\n');
}

async function frontText(
  card: DrillCardFront,
  words: DrillWording,
  ctx: ViewTextContext,
): Promise<string> {
  const lines = [ctx.style.dim(words.cardHeader(card.position, card.isNew))];
  lines.push(ctx.style.bold(title(card.question)));
  if (card.question.keyPoints) lines.push(words.hint(card.question.keyPoints));
  const body = await bodyOf(card.question, false, ctx);
  if (body) lines.push('', body, '');
  lines.push(`[ ${words.revealButton} ]`, ctx.style.dim(ctx.words.console.drillRevealHelp));
  return lines.join('\n');
}

async function backText(
  card: DrillCardBack,
  words: DrillWording,
  ctx: ViewTextContext,
): Promise<string> {
  const buttons = card.buttons.flatMap((b) =>
    b.action === 'drill-rate'
      ? [`[ ${words.ratingButton(b.rating, card.intervals[b.rating])} ]`]
      : [],
  );
  return [
    ctx.style.dim(words.answerHeader(card.position)),
    ctx.style.bold(title(card.question)),
    await bodyOf(card.question, true, ctx),
    '',
    words.howWell,
    buttons.join(' '),
    ctx.style.dim(ctx.words.console.drillRateHelp),
  ].join('\n');
}

const title = (q: Question) => `${q.id} · ${q.title}`;

function bodyOf(question: Question, withAnswer: boolean, ctx: ViewTextContext): Promise<string> {
  return questionBody(question, {
    withAnswer,
    renderer: ctx.renderer,
    images: ctx.images,
    prefix: ctx.messageId,
    style: ctx.style,
  });
}
