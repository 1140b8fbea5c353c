/** The DailyStore contract, run against every implementation: claims, posts, flags, rotation. */
import { describe, expect, it } from 'vitest';
import { type MakeStores, CHANNEL, aPost, sleep } from './stores.js';

const DAY = '2025-03-03';
const LONG = 60_000;

export function runDailyStoreContract(name: string, make: MakeStores): void {
  describe(`DailyStore contract: ${name}`, () => {
    describe('claim', () => {
      it('lets one owner claim a slot; everyone else, the owner too, is busy meanwhile', async () => {
        const { daily } = await make();
        expect(await daily.claim(CHANNEL, DAY, 'proc-a', LONG)).toBe('claimed');
        expect(await daily.claim(CHANNEL, DAY, 'proc-b', LONG)).toBe('busy');
        expect(await daily.claim(CHANNEL, DAY, 'proc-a', LONG)).toBe('busy');
        expect(await daily.claim(CHANNEL, '2025-03-04', 'proc-b', LONG)).toBe('claimed');
        expect(await daily.claim('slack:channel:T1:C2', DAY, 'proc-b', LONG)).toBe('claimed');
      });

      it('gives exactly one claim to many owners racing for a slot', async () => {
        const { daily } = await make();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => daily.claim(CHANNEL, DAY, `proc-${i}`, LONG)),
        );
        expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
        expect(results.filter((r) => r === 'busy')).toHaveLength(19);
      });

      it('is released only by its owner', async () => {
        const { daily } = await make();
        await daily.claim(CHANNEL, DAY, 'proc-a', LONG);
        await daily.release(CHANNEL, DAY, 'proc-b');
        expect(await daily.claim(CHANNEL, DAY, 'proc-b', LONG)).toBe('busy');
        await daily.release(CHANNEL, DAY, 'proc-a');
        expect(await daily.claim(CHANNEL, DAY, 'proc-b', LONG)).toBe('claimed');
      });

      it('expires with its lease; the old owner cannot release the new claim', async () => {
        const { daily } = await make();
        expect(await daily.claim(CHANNEL, DAY, 'proc-a', 50)).toBe('claimed');
        await sleep(120);
        expect(await daily.claim(CHANNEL, DAY, 'proc-b', LONG)).toBe('claimed');
        await daily.release(CHANNEL, DAY, 'proc-a');
        expect(await daily.claim(CHANNEL, DAY, 'proc-c', LONG)).toBe('busy');
      });

      it('answers posted for everyone once the slot is recorded', async () => {
        const { daily } = await make();
        await daily.claim(CHANNEL, DAY, 'proc-a', LONG);
        await daily.recordPost(aPost(CHANNEL, DAY), 0);
        expect(await daily.claim(CHANNEL, DAY, 'proc-a', LONG)).toBe('posted');
        expect(await daily.claim(CHANNEL, DAY, 'proc-b', LONG)).toBe('posted');
        await daily.release(CHANNEL, DAY, 'proc-a');
        expect(await daily.claim(CHANNEL, DAY, 'proc-b', LONG)).toBe('posted');
      });

      it('rejects a lease that is not a positive integer', async () => {
        const { daily } = await make();
        await expect(daily.claim(CHANNEL, DAY, 'proc-a', 0)).rejects.toThrow(RangeError);
        await expect(daily.claim(CHANNEL, DAY, 'proc-a', 1.5)).rejects.toThrow(RangeError);
      });
    });

    describe('posts', () => {
      it('stores a post whole and reads it by key; unknown keys are null', async () => {
        const { daily } = await make();
        const post = aPost(CHANNEL, DAY);
        await daily.recordPost(post, 0);
        expect(await daily.getPost(post.key)).toEqual(post);
        expect(await daily.getPost(`${CHANNEL}|2025-03-04`)).toBeNull();
        const noThread = aPost(CHANNEL, '2025-03-04', { message: { messageId: 'm-2' } });
        await daily.recordPost(noThread, 0);
        expect(await daily.getPost(noThread.key)).toEqual(noThread);
      });

      it('keeps the first record of a slot when it is recorded again', async () => {
        const { daily } = await make();
        await daily.recordPost(aPost(CHANNEL, DAY, { questionId: 'Q1' }), 0);
        await daily.recordPost(
          aPost(CHANNEL, DAY, { questionId: 'Q2', message: { messageId: 'm-9' } }),
          0,
        );
        expect((await daily.getPost(`${CHANNEL}|${DAY}`))?.questionId).toBe('Q1');
        expect(await daily.rotation(CHANNEL)).toEqual({ cycle: 0, used: ['Q1'] });
      });

      it("finds a channel's newest post by time, not by recording order", async () => {
        const { daily } = await make();
        expect(await daily.latestPost(CHANNEL)).toBeNull();
        const newer = aPost(CHANNEL, '2025-03-05');
        const manual = aPost(CHANNEL, '2025-03-04~abc', { postedAt: '2025-03-04T06:00:00.000Z' });
        await daily.recordPost(newer, 0);
        await daily.recordPost(aPost(CHANNEL, DAY), 0);
        await daily.recordPost(manual, 0);
        expect(await daily.latestPost(CHANNEL)).toEqual(newer);
        expect(await daily.latestPost('slack:channel:T1:C2')).toBeNull();
      });

      it('reveals once and records that the reveal went out', async () => {
        const { daily } = await make();
        const post = aPost(CHANNEL, DAY);
        expect(await daily.markRevealed(post.key)).toBe(false);
        await daily.recordPost(post, 0);
        expect(await daily.markRevealed(post.key)).toBe(true);
        expect(await daily.markRevealed(post.key)).toBe(false);
        expect(await daily.getPost(post.key)).toEqual({ ...post, revealed: true });
        await daily.markRevealPosted(post.key);
        await daily.markRevealPosted(post.key);
        expect(await daily.getPost(post.key)).toEqual({
          ...post,
          revealed: true,
          revealPosted: true,
        });
      });

      it('has no ratings for a post nobody rated', async () => {
        const { daily } = await make();
        expect(await daily.ratings(`${CHANNEL}|${DAY}`)).toEqual(new Map());
      });
    });

    describe('rotation', () => {
      it('starts at cycle 0 with nothing used', async () => {
        const { daily } = await make();
        expect(await daily.rotation(CHANNEL)).toEqual({ cycle: 0, used: [] });
      });

      it('collects used ids per cycle, starts afresh on a newer cycle and ignores an older one', async () => {
        const { daily } = await make();
        await daily.recordPost(aPost(CHANNEL, '2025-03-01', { questionId: 'Q7' }), 0);
        await daily.recordPost(aPost(CHANNEL, '2025-03-02', { questionId: 'Q3' }), 0);
        expect(await daily.rotation(CHANNEL)).toEqual({ cycle: 0, used: ['Q3', 'Q7'] });
        await daily.recordPost(aPost(CHANNEL, '2025-03-03', { questionId: 'Q7' }), 1);
        expect(await daily.rotation(CHANNEL)).toEqual({ cycle: 1, used: ['Q7'] });
        await daily.recordPost(aPost(CHANNEL, '2025-03-04', { questionId: 'Q9' }), 0);
        expect(await daily.rotation(CHANNEL)).toEqual({ cycle: 1, used: ['Q7'] });
        expect(await daily.rotation('slack:channel:T1:C2')).toEqual({ cycle: 0, used: [] });
      });
    });
  });
}
