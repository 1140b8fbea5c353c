import type { Catalog } from '../catalog.js';
import type { QuizDeps } from './ports.js';
import { RATINGS, type Rating } from './types.js';
import type { Recap } from './views.js';

export type RevealResult =
  | { status: 'revealed'; recap: Recap }
  | { status: 'skipped'; reason: 'unknown-post' | 'already-revealed' | 'unknown-question' };

/**
 * Posts the answer in the post's thread with a recap of the ratings. Ratings freeze first, so the
 * recap is final; the reveal message goes out once even when the job is retried.
 */
export async function revealDaily(
  deps: QuizDeps,
  catalog: Catalog,
  postKey: string,
): Promise<RevealResult> {
  await deps.daily.markRevealed(postKey);
  const post = await deps.daily.getPost(postKey);
  if (!post) return { status: 'skipped', reason: 'unknown-post' };
  if (post.revealPosted) return { status: 'skipped', reason: 'already-revealed' };
  const question = catalog.get(post.questionId);
  if (!question) return { status: 'skipped', reason: 'unknown-question' };
  const recap = recapOf(await deps.daily.ratings(postKey));
  await deps.publisher.post(
    { channel: post.channel, thread: post.message },
    { kind: 'daily-reveal', postKey, question, recap },
    { idempotencyKey: `reveal:${postKey}` },
  );
  await deps.daily.markRevealPosted(postKey);
  return { status: 'revealed', recap };
}

/** Counts ratings for the reveal's recap. */
export function recapOf(ratings: ReadonlyMap<string, Rating>): Recap {
  const byRating = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  for (const rating of ratings.values()) byRating[rating]++;
  return { tried: ratings.size, byRating };
}
