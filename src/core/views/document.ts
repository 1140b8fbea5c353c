/**
 * The message document: a platform-free description of a question as chat should show it. Core
 * builds it from the bank model (`build.ts`), renders its formulas through the `FormulaRenderer`
 * port (`render.ts`) and packs it into messages (`layout.ts`); each platform turns those messages
 * into its own payloads (Discord embeds, Slack blocks) and is the only place that knows markup.
 *
 * Plain data throughout, so documents can be cached, compared and snapshot in tests.
 */

/**
 * A run of text with the little markup both platforms share. Line breaks are `\n` inside `text`;
 * a platform escapes its own markup characters when it renders a span.
 */
export interface Span {
  text: string;
  bold?: true;
  italic?: true;
  /** Inline code: shown verbatim in a monospace font. */
  code?: true;
  /** The span is a link to this URL. */
  href?: string;
}

/**
 * How a text part reads. `quote` is a block quote (the bank nests Q&A in them); `note` is small,
 * muted text the bot adds itself (missing figure, incomplete question, see also).
 */
export type TextTone = 'body' | 'quote' | 'note';

/** Why the bot added a note, so an adapter can word or style it differently. */
export type NoteKind =
  'incomplete' | 'no-answer' | 'figure-missing' | 'figure-remote' | 'formula-failed' | 'see-also';

export interface TextPart {
  type: 'text';
  tone: TextTone;
  spans: Span[];
  /** Set on bot-authored notes (tone `note`). */
  note?: NoteKind;
  /** Part of a hidden answer: platforms that can (Discord `||…||`) hide it until clicked. */
  spoiler?: true;
}

export interface CodePart {
  type: 'code';
  lang: string | null;
  code: string;
  /** True on every piece after the first when layout had to cut one long code block. */
  continued?: true;
  spoiler?: true;
}

/**
 * A formula still to be rendered. Inline formulas that did not convert to Unicode carry the
 * marker (`⟨1⟩`) their sentence shows in place of the formula.
 */
export interface FormulaPart {
  type: 'formula';
  tex: string;
  display: boolean;
  label: string | null;
  spoiler?: true;
}

/** A figure found on disk, to be attached as it is. */
export interface FigurePart {
  type: 'figure';
  path: string;
  alt: string;
  spoiler?: true;
}

/** A picture ready to attach: a rendered formula (PNG bytes) or a figure file. */
export interface ImagePart {
  type: 'image';
  kind: 'formula' | 'figure';
  /** Attachment file name, unique within the document (`formula-3.png`, `fig-1.png`). */
  name: string;
  /** Alternative text: a formula's TeX, a figure's alt text. */
  alt: string;
  /** The marker the text uses for this image (`⟨1⟩`), if any. */
  label: string | null;
  source:
    | { kind: 'png'; png: Uint8Array; width: number; height: number; scale: number }
    | { kind: 'file'; path: string };
  spoiler?: true;
}

/** The interactive controls a question message will carry; adapters build the real buttons. */
export type ButtonSlot = { action: 'reveal' } | { action: 'rate' };

/** Parts a document can hold before its formulas are rendered. */
export type DocPart = TextPart | CodePart | FormulaPart | FigurePart;

/** Parts after rendering: every formula is an image or, when it failed, its TeX as code. */
export type RenderedPart = TextPart | CodePart | ImagePart;

/** Text that layout packs into boxes: prose, quotes, notes and code. */
export type FlowPart = TextPart | CodePart;

export interface MessageDocument<P> {
  questionId: string;
  /** `Q22 · 手推逻辑回归`: platforms show it as an embed title or header block. */
  title: string;
  parts: P[];
  buttons: ButtonSlot[];
}

export type QuestionDocument = MessageDocument<DocPart>;
export type RenderedDocument = MessageDocument<RenderedPart>;
