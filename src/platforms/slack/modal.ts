/**
 * The modal a competition's "Answer" button opens for a typed answer (a number, a term, option
 * letters). Its private metadata says which round and channel the answer is for.
 */
import type { types } from '@slack/bolt';
import { SLACK_MAX_MODAL_TITLE } from './limits.js';
import type { SlackWords } from './wording/index.js';

export const ANSWER_MODAL = 'qz1:compete-entry';
export const ANSWER_BLOCK = 'answer';
export const ANSWER_INPUT = 'value';

export interface AnswerTarget {
  competitionId: string;
  round: number;
  /** The Slack channel id of the round's message. */
  channel: string;
}

export function answerModal(target: AnswerTarget, words: SlackWords): types.ModalView {
  const plain = (text: string) => ({
    type: 'plain_text' as const,
    text: text.slice(0, SLACK_MAX_MODAL_TITLE),
  });
  return {
    type: 'modal',
    callback_id: ANSWER_MODAL,
    private_metadata: JSON.stringify(target),
    title: plain(words.slack.modal.title),
    submit: plain(words.slack.modal.submit),
    close: plain(words.slack.modal.close),
    blocks: [
      {
        type: 'input',
        block_id: ANSWER_BLOCK,
        label: { type: 'plain_text', text: words.slack.modal.label },
        element: { type: 'plain_text_input', action_id: ANSWER_INPUT, max_length: 200 },
      },
    ],
  };
}

/** The target in a submitted modal's private metadata, checked; null when it is not one. */
export function readAnswerTarget(metadata: string | undefined): AnswerTarget | null {
  try {
    const data = JSON.parse(metadata ?? '') as Partial<AnswerTarget>;
    const ok =
      typeof data.competitionId === 'string' &&
      Number.isSafeInteger(data.round) &&
      (data.round ?? -1) >= 0 &&
      typeof data.channel === 'string' &&
      /^[CGD][A-Z0-9]+$/.test(data.channel);
    return ok ? (data as AnswerTarget) : null;
  } catch {
    return null;
  }
}
