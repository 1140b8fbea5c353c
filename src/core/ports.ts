/**
 * What the quiz core needs from the outside world. Implementations live at the edges
 * (`src/render/`, `src/store/redis/`, the platforms); core code depends only on these shapes.
 */

/** How a formula is typeset: display (`$$…$$`, centred, large operators) or inline (`$…$`). */
export interface FormulaRenderOptions {
  display: boolean;
  /** Work nobody is waiting for (pre-rendering the bank): it yields to interactive requests. */
  background?: boolean;
}

/**
 * Why a formula did not render. Stable strings: adapters word them for users, tests assert them.
 * - `tex-error`: the TeX itself is wrong (unknown macro, unbalanced braces…); the message is TeX's.
 * - `forbidden`: a command that would load files or URLs (`\require`, `\includegraphics`).
 * - `too-long` / `too-deep` / `too-many-expansions` / `too-large`: a safety limit was hit.
 * - `timeout`: rendering took longer than allowed and was abandoned.
 * - `internal`: the renderer failed for a reason that is not the formula's fault.
 */
export type FormulaErrorCode =
  | 'tex-error'
  | 'forbidden'
  | 'too-long'
  | 'too-deep'
  | 'too-many-expansions'
  | 'too-large'
  | 'timeout'
  | 'internal';

export interface FormulaError {
  code: FormulaErrorCode;
  message: string;
}

/** A rendered formula: a PNG plus the facts a layout step needs to place it. */
export interface FormulaImage {
  ok: true;
  png: Uint8Array;
  /** Pixel size of the PNG (already multiplied by the renderer's scale). */
  width: number;
  height: number;
  /** Device pixels per CSS pixel the PNG was drawn at (2 = high-DPI). */
  scale: number;
  /** True when the result came from the cache rather than a fresh render. */
  cached: boolean;
}

export type FormulaRenderResult = FormulaImage | { ok: false; error: FormulaError };

/** Turns TeX into an image. Never throws for a bad formula: failures are values. */
export interface FormulaRenderer {
  render(tex: string, opts: FormulaRenderOptions): Promise<FormulaRenderResult>;
  /** Releases workers and other resources; the renderer answers `internal` afterwards. */
  close(): Promise<void>;
}
