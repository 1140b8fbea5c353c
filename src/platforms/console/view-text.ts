/** Core's outgoing views as the console prints them, worded in the reader's language. */
import type { Question } from '../../core/bank/model.js';
import type { DrillOutgoingView } from '../../core/drills/views.js';
import type { FormulaRenderer } from '../../core/ports.js';
import type { ButtonAction, OutgoingView } from '../../core/quiz/views.js';
import type { BoardCardRenderer } from '../../runtime/adapter.js';
import { boardText } from './board-text.js';
import { competitionText } from './competition-text.js';
import { questionBody } from './document-text.js';
import { drillText } from './drill-text.js';
import type { Style } from './format.js';
import type { ImageFolder } from './images.js';
import type { ConsoleWords } from './wording/index.js';
import { formatWhen } from '../../i18n/time.js';

export interface ViewTextContext {
  words: ConsoleWords;
  style: Style;
  /** Zone times are shown in. */
  zone: string;
  renderer: FormulaRenderer;
  boardCard: BoardCardRenderer;
  images: ImageFolder;
  /** The message being printed; names its image files. */
  messageId: string;
}

export async function viewText(
  view: OutgoingView | DrillOutgoingView,
  ctx: ViewTextContext,
): Promise<string> {
  const { words, style } = ctx;
  switch (view.kind) {
    case 'daily-question': {
      const lines = [style.bold(words.dailyHeader(view.day)), style.bold(title(view.question))];
      if (view.question.keyPoints) lines.push(words.hint(view.question.keyPoints));
      const body = await bodyOf(view.question, false, ctx);
      if (body) lines.push('', body, '');
      lines.push(words.answerAt(formatWhen(view.revealAt, ctx.zone, words.locale)));
      lines.push(view.buttons.map((b) => `[ ${buttonLabel(b, words)} ]`).join(' '));
      lines.push(style.dim(words.console.pressHelp));
      return lines.join('\n');
    }
    case 'daily-reveal':
      return [
        style.bold(`${words.revealHeader} · ${title(view.question)}`),
        await bodyOf(view.question, true, ctx),
        '',
        words.recap(view.recap),
      ].join('\n');
    case 'leaderboard':
      return boardText(view, {
        words,
        style,
        boardCard: ctx.boardCard,
        images: ctx.images,
        cardName: `${ctx.messageId}-board-${view.period}-${view.periodKey}`,
      });
    case 'notice':
      return words.notice(view.notice);
    case 'competition-round':
    case 'competition-result':
    case 'competition-standings':
      return competitionText(view, { locale: words.locale, style, zone: ctx.zone });
    case 'drill-session':
    case 'drill-card':
    case 'drill-summary':
      return drillText(view, ctx);
  }
}

/** A question with its answer, for a private peek at a daily post (`/press reveal`). */
export async function answerText(question: Question, ctx: ViewTextContext): Promise<string> {
  return [ctx.style.bold(title(question)), await bodyOf(question, true, ctx)].join('\n');
}

/** The label a button shows. */
export function buttonLabel(button: ButtonAction, words: ConsoleWords): string {
  return words.button(button.action === 'rate' ? button.rating : 'reveal');
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
