/**
 * Slack Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks) and how quizbot lays
 * a question out within them: a header block for the title, a section block per run of text and
 * code, a context block per note, an image block per picture (formulas are uploaded and shown
 * with `slack_file`), an actions block for the buttons.
 */
import type { BoxKind, LayoutLimits } from '../../core/views/layout.js';
import { slackBlockText } from './mrkdwn.js';

export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION_TEXT = 3000;
/** Context block text; a text object may hold 3,000, but 2,000 is the figure we design for. */
export const SLACK_MAX_CONTEXT_TEXT = 2000;
export const SLACK_MAX_CONTEXT_ELEMENTS = 10;
export const SLACK_MAX_HEADER_TEXT = 150;
export const SLACK_MAX_IMAGE_ALT_TEXT = 2000;
export const SLACK_MAX_IMAGE_TITLE = 2000;
export const SLACK_MAX_IMAGE_URL = 3000;
export const SLACK_MAX_ACTIONS_ELEMENTS = 25;
export const SLACK_MAX_BLOCK_ID = 255;
/** Top-level `text` (notification fallback); Slack truncates longer messages. */
export const SLACK_MAX_MESSAGE_TEXT = 40_000;
/**
 * Characters across all of a message's blocks. Slack rejects long block messages with
 * `msg_blocks_too_long` at an undocumented total (about 12,000 text characters plus a margin
 * for block structure, per slackapi/bolt-js#2509 and #2867, with failures seen at 11,341):
 * 10,000 stays clear of it.
 */
export const SLACK_MAX_BLOCKS_TEXT = 10_000;
/**
 * Images in a message: Slack has no cap of its own beyond the block count, since each image is
 * a block referring to an uploaded file.
 */
export const SLACK_MAX_IMAGES = SLACK_MAX_BLOCKS;

/** The header text, cut to Slack's limit with an ellipsis. */
export function slackHeader(title: string): string {
  return title.length <= SLACK_MAX_HEADER_TEXT
    ? title
    : `${title.slice(0, SLACK_MAX_HEADER_TEXT - 1)}…`;
}

/** Image alt text (a formula's TeX) cut to Slack's limit. */
export function slackAltText(alt: string): string {
  return alt.length <= SLACK_MAX_IMAGE_ALT_TEXT
    ? alt
    : `${alt.slice(0, SLACK_MAX_IMAGE_ALT_TEXT - 1)}…`;
}

/** Slack's limits for `layoutDocument`: one box is one block. */
export const slackLayoutLimits: LayoutLimits = {
  maxBoxes: SLACK_MAX_BLOCKS,
  maxImages: SLACK_MAX_IMAGES,
  maxMessageChars: SLACK_MAX_BLOCKS_TEXT,
  maxBoxChars: (kind: BoxKind) =>
    kind === 'note' ? SLACK_MAX_CONTEXT_TEXT : SLACK_MAX_SECTION_TEXT,
  // An image block's text is its title (the `⟨1⟩` label); alt text is not block text.
  measure: (box) => (box.image ? (box.image.label?.length ?? 0) : slackBlockText(box).length),
  imagePlacement: 'block',
  notesShareBox: false,
  titleCost: (title) => ({ boxes: 1, chars: slackHeader(title).length }),
  buttonBoxes: 1,
};

/** A button's label (plain text). */
export const SLACK_MAX_BUTTON_TEXT = 75;
/** A button's `value`, where quizbot keeps what the click means. */
export const SLACK_MAX_BUTTON_VALUE = 2000;
/** An element's `action_id`. */
export const SLACK_MAX_ACTION_ID = 255;
/** A modal's title (plain text). */
export const SLACK_MAX_MODAL_TITLE = 24;
/** A view's `private_metadata`. */
export const SLACK_MAX_PRIVATE_METADATA = 3000;
/** Blocks in a modal or an App Home tab. */
export const SLACK_MAX_VIEW_BLOCKS = 100;
/** Posts one `response_url` accepts (within 30 minutes). */
export const SLACK_MAX_RESPONSE_URL_POSTS = 5;
/** Slack shows an error when a slash command or click is not acknowledged within this. */
export const SLACK_ACK_DEADLINE_MS = 3000;
/** A signed request older or newer than this (against our clock) is refused as a replay. */
export const SLACK_REQUEST_MAX_SKEW_SECONDS = 5 * 60;

/** A button label cut to Slack's limit. */
export function slackButtonText(label: string): string {
  return label.length <= SLACK_MAX_BUTTON_TEXT
    ? label
    : `${label.slice(0, SLACK_MAX_BUTTON_TEXT - 1)}…`;
}
