/**
 * Every question of the default bank as Slack messages (lookup, daily post, reveal), with a fake
 * renderer and uploader: within Block Kit's limits, pictures as `slack_file` image blocks in
 * order, and an answer too long for one message split into several.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import type { Bank, Question } from '../../../src/core/bank/model.js';
import type { SlackMessage } from '../../../src/platforms/slack/blocks/kit.js';
import {
  dailyQuestionMessages,
  lookupMessages,
  revealMessages,
} from '../../../src/platforms/slack/blocks/question.js';
import type { ImageUploader, UploadImage } from '../../../src/platforms/slack/images.js';
import {
  SLACK_MAX_BLOCKS,
  SLACK_MAX_CONTEXT_TEXT,
  SLACK_MAX_HEADER_TEXT,
  SLACK_MAX_SECTION_TEXT,
} from '../../../src/platforms/slack/limits.js';
import { slackWordingFor } from '../../../src/platforms/slack/wording/index.js';
import { makeQuestion } from '../../support/question-factory.js';
import { FakeRenderer } from '../views/fake-renderer.js';

class FakeUploader implements ImageUploader {
  readonly uploaded: UploadImage[] = [];
  fail = false;
  async upload(images: readonly UploadImage[]) {
    return images.map((image) => {
      if (this.fail) return null;
      this.uploaded.push(image);
      return `F${String(this.uploaded.length).padStart(7, '0')}`;
    });
  }
}

/** Slack refuses a message whose blocks hold more than about 12,000 characters of text. */
const MAX_TEXT = 12_000;

function expectWithinBlockKit(messages: readonly SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    let chars = 0;
    for (const b of m.blocks) {
      if (b.type === 'section') {
        expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_TEXT);
        chars += b.text!.text.length;
      }
      if (b.type === 'header')
        expect(b.text.text.length).toBeLessThanOrEqual(SLACK_MAX_HEADER_TEXT);
      if (b.type === 'context') {
        for (const e of b.elements) {
          if ('text' in e && typeof e.text === 'string') {
            expect(e.text.length).toBeLessThanOrEqual(SLACK_MAX_CONTEXT_TEXT);
            chars += e.text.length;
          }
        }
      }
      if (b.type === 'image') expect('slack_file' in b && b.slack_file).toBeTruthy();
    }
    expect(chars).toBeLessThanOrEqual(MAX_TEXT);
  }
}

let bank: Bank;
const words = slackWordingFor('en');
beforeAll(async () => {
  bank = await loadBank('data/questions.md');
});

describe('the bank as Slack messages', () => {
  it('every question, every shape, fits Block Kit', async () => {
    for (const question of bank.questions) {
      const images = new FakeUploader();
      const ctx = { words, renderer: new FakeRenderer(), images };
      const lookup = await lookupMessages(question, ctx);
      expectWithinBlockKit(lookup);
      expect(lookup[0]!.blocks[0]).toMatchObject({ type: 'header' });
      // One image block per uploaded picture, in upload order.
      const ids = lookup
        .flatMap((m) => m.blocks)
        .flatMap((b) => (b.type === 'image' && 'slack_file' in b ? [b.slack_file] : []));
      expect(ids.map((f) => ('id' in f ? f.id : ''))).toEqual(
        images.uploaded.map((_u, i) => `F${String(i + 1).padStart(7, '0')}`),
      );
      expectWithinBlockKit(
        await dailyQuestionMessages(
          {
            kind: 'daily-question',
            postKey: 'k',
            day: '2025-03-06',
            question,
            revealAt: '2025-03-06T17:30:00.000Z',
            buttons: [
              { action: 'rate', postKey: 'k', rating: 'knew' },
              { action: 'reveal', postKey: 'k' },
            ],
          },
          ctx,
        ),
      );
      expectWithinBlockKit(
        await revealMessages(
          question,
          { tried: 1, byRating: { knew: 1, partly: 0, missed: 0 } },
          ctx,
        ),
      );
    }
  });

  it('an answer longer than one message is split, title first and buttons last', async () => {
    const paragraph = '这是一个很长的段落，用来测试消息的拆分。'.repeat(40);
    const question: Question = makeQuestion({
      id: 'Q999',
      title: 'A very long question',
      lead: Array.from({ length: 40 }, () => ({
        type: 'paragraph',
        children: [{ type: 'text', value: paragraph }],
      })) as never,
    });
    const ctx = { words, renderer: new FakeRenderer(), images: new FakeUploader() };
    const messages = await dailyQuestionMessages(
      {
        kind: 'daily-question',
        postKey: 'k',
        day: '2025-03-06',
        question,
        revealAt: '2025-03-06T17:30:00.000Z',
        buttons: [{ action: 'reveal', postKey: 'k' }],
      },
      ctx,
    );
    expect(messages.length).toBeGreaterThan(1);
    expectWithinBlockKit(messages);
    expect(messages[0]!.blocks[0]).toMatchObject({ type: 'header' });
    expect(messages.slice(1).every((m) => m.blocks.every((b) => b.type !== 'header'))).toBe(true);
    expect(messages.at(-1)!.blocks.at(-1)).toMatchObject({ type: 'actions' });
    expect(messages.slice(0, -1).every((m) => m.blocks.every((b) => b.type !== 'actions'))).toBe(
      true,
    );
    expect(messages[1]!.text).toBe(
      `${messages[0]!.text.replace(/ \(1\/\d+\)$/, '')} (2/${messages.length})`,
    );
  });

  it('a picture whose upload failed is shown as its TeX instead', async () => {
    const q22 = bank.questions.find((q) => q.id === 'Q22')!;
    const images = new FakeUploader();
    images.fail = true;
    const [message] = await lookupMessages(q22, { words, renderer: new FakeRenderer(), images });
    const blocks = message!.blocks;
    expect(blocks.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(blocks)).toContain('Formula (as TeX) ⟨1⟩: `\\\\nabla_w(\\\\mathcal{L})`');
  });
});
