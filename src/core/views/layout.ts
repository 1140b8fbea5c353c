import type {
  ButtonSlot,
  FlowPart,
  ImagePart,
  RenderedDocument,
  RenderedPart,
} from './document.js';
import { isNote } from './spans.js';
import { cutFlow, type Cut } from './split.js';

/**
 * One box of a message: a Discord embed, a Slack block. It holds text (prose, quotes, notes,
 * code) and, where the platform allows, one image under the text.
 */
export interface MessageBox {
  flow: FlowPart[];
  image: ImagePart | null;
}

/** One chat message. The first carries the title, the last the buttons. */
export interface Message {
  title: string | null;
  boxes: MessageBox[];
  buttons: ButtonSlot[];
}

/** `note` boxes hold only the bot's notes; every other box is `text`. */
export type BoxKind = 'text' | 'note';

/**
 * A platform's limits as layout needs them. Each platform builds one from its named constants
 * (`src/platforms/<name>/limits.ts`); `measure` is the platform's own renderer, so a limit is
 * checked against exactly the characters that will be sent (markup, escapes, fences included).
 */
export interface LayoutLimits {
  /** Boxes in one message, title and buttons included. */
  maxBoxes: number;
  /** Images one message may carry. */
  maxImages: number;
  /** Characters across one message's boxes and title (`Infinity` when unbounded). */
  maxMessageChars: number;
  /** Characters one box may hold. */
  maxBoxChars(kind: BoxKind): number;
  /** Characters a box costs once rendered by the platform. */
  measure(box: MessageBox): number;
  /**
   * `attach`: an image sits at the bottom of the text box before it, closing that box (Discord
   * embed image). `block`: an image is a box of its own (Slack image block).
   */
  imagePlacement: 'attach' | 'block';
  /** Whether notes may share a box with other text (Slack shows notes as context blocks: no). */
  notesShareBox: boolean;
  /** What the title costs the first message. */
  titleCost(title: string): { boxes: number; chars: number };
  /** Boxes the buttons take in the last message. */
  buttonBoxes: number;
}

/**
 * Packs a rendered document, in order, into as few messages as the limits allow.
 *
 * Greedy: each part goes into the open box if it fits, else text is cut at the best boundary to
 * fill the box (`split.ts`) and continues in the next box, or the next message once the
 * message's own budget is what stopped it (no crumbs of text in an extra box). A code block is
 * never cut unless it alone exceeds a box; then it is cut between lines. An image joins the box
 * it follows or takes its own, per the platform. Plain greedy filling is optimal for a fixed
 * order and budgets that only shrink; the two readability rules give up at most part of one
 * box at a cut, and the bank test checks the longest question still meets the lower bound.
 */
export function layoutDocument(doc: RenderedDocument, limits: LayoutLimits): Message[] {
  const packer = new Packer(doc.title, limits);
  for (const part of doc.parts) packer.add(part);
  return packer.finish(doc.buttons);
}

/** Thrown when limits are so small that some part cannot be placed even in an empty message. */
export class LayoutLimitError extends Error {
  readonly code = 'layout-limit';
}

class Packer {
  private readonly messages: Message[] = [];
  private msg: Message;
  private images = 0;
  private open: MessageBox | null = null;

  constructor(
    title: string,
    private readonly limits: LayoutLimits,
  ) {
    this.msg = { title, boxes: [], buttons: [] };
  }

  add(part: RenderedPart): void {
    if (part.type === 'image') this.addImage(part);
    else this.addFlow(part);
  }

  finish(buttons: ButtonSlot[]): Message[] {
    if (buttons.length > 0 && this.boxCount() + this.limits.buttonBoxes > this.limits.maxBoxes)
      this.newMessage();
    this.msg.buttons = buttons;
    if (this.msg.boxes.length > 0 || this.msg.buttons.length > 0 || this.messages.length === 0) {
      this.messages.push(this.msg);
    }
    return this.messages;
  }

  private addFlow(part: FlowPart): void {
    // Code that would fit a fresh box is never cut: it moves on whole instead.
    const keepWhole = part.type === 'code' && this.fitsFresh(part);
    let rest: FlowPart | null = part;
    while (rest) {
      let box = this.openBoxFor(rest);
      if (!box) {
        if (!this.roomForBox()) this.newMessage();
        box = this.open = { flow: [], image: null };
        this.msg.boxes.push(box);
      }
      const target: MessageBox = box;
      const cut: Cut = keepWhole
        ? this.fits(target, rest)
          ? { head: rest, tail: null }
          : { head: null, tail: rest }
        : cutFlow(rest, (head) => this.fits(target, head));
      if (cut.head) {
        target.flow.push(cut.head);
        rest = cut.tail;
        if (rest) {
          this.open = null;
          // When the message's budget, not the box's, stopped the part, a new box in this
          // message could only take crumbs of the rest; the next message gets it instead.
          if (this.messageBound(target)) this.newMessage();
        }
        continue;
      }
      this.open = null;
      if (target.flow.length === 0) {
        // Not even a piece fits an empty box: the message is out of characters.
        this.msg.boxes.pop();
        this.newMessage();
      }
    }
  }

  private addImage(image: ImagePart): void {
    if (this.images >= this.limits.maxImages) this.newMessage();
    const box = this.open;
    if (
      this.limits.imagePlacement === 'attach' &&
      box &&
      !box.image &&
      this.fitsWith(box, { ...box, image })
    ) {
      box.image = image;
    } else {
      const own: MessageBox = { flow: [], image };
      if (!this.roomForBox() || !this.fitsWith(null, own)) this.newMessage();
      this.msg.boxes.push(own);
    }
    this.images++;
    this.open = null;
  }

  /** The open box if `part` may join it. */
  private openBoxFor(part: FlowPart): MessageBox | null {
    const box = this.open;
    if (!box || box.image) return null;
    if (this.limits.notesShareBox || box.flow.length === 0) return box;
    return isNote(box.flow[0]!) === isNote(part) ? box : null;
  }

  private fits(box: MessageBox, part: FlowPart): boolean {
    return this.fitsWith(box, { flow: [...box.flow, part], image: box.image });
  }

  /** Whether `candidate` may replace `current` (null: be added) within box and message limits. */
  private fitsWith(current: MessageBox | null, candidate: MessageBox): boolean {
    const chars = this.limits.measure(candidate);
    if (chars > this.limits.maxBoxChars(kindOf(candidate))) return false;
    const others = current
      ? this.messageChars() - this.limits.measure(current)
      : this.messageChars();
    return others + chars <= this.limits.maxMessageChars;
  }

  /** Whether the part fits one box of a message of its own. */
  private fitsFresh(part: FlowPart): boolean {
    const box: MessageBox = { flow: [part], image: null };
    const chars = this.limits.measure(box);
    return chars <= this.limits.maxBoxChars(kindOf(box)) && chars <= this.limits.maxMessageChars;
  }

  private messageBound(box: MessageBox): boolean {
    const boxRoom = this.limits.maxBoxChars(kindOf(box)) - this.limits.measure(box);
    return this.limits.maxMessageChars - this.messageChars() < boxRoom;
  }

  private messageChars(): number {
    return this.msg.boxes.reduce((n, b) => n + this.limits.measure(b), this.titleCost().chars);
  }

  private roomForBox(): boolean {
    return this.boxCount() + 1 <= this.limits.maxBoxes;
  }

  private boxCount(): number {
    return this.msg.boxes.length + this.titleCost().boxes;
  }

  private titleCost(): { boxes: number; chars: number } {
    return this.msg.title === null ? { boxes: 0, chars: 0 } : this.limits.titleCost(this.msg.title);
  }

  private newMessage(): void {
    if (this.msg.boxes.length === 0 && this.msg.title === null) {
      throw new LayoutLimitError('limits leave no room for anything in a message');
    }
    this.messages.push(this.msg);
    this.msg = { title: null, boxes: [], buttons: [] };
    this.images = 0;
    this.open = null;
  }
}

function kindOf(box: MessageBox): BoxKind {
  return box.flow.length > 0 && box.flow.every(isNote) ? 'note' : 'text';
}
