/**
 * What the fake daily and score stores share, as the Redis ones share keys: posts (whose
 * `revealed` flag refuses ratings) and each post's ratings.
 */
import type { DailyPost, Rating } from '../../../src/core/quiz/types.js';

export interface FakeRating {
  rating: Rating;
  points: number;
  /** The boards the first rating counted on; changes move points there. */
  week: string;
  month: string;
}

export interface FakePostBook {
  posts: Map<string, DailyPost>;
  /** post key → player → rating */
  ratings: Map<string, Map<string, FakeRating>>;
}

export function createPostBook(): FakePostBook {
  return { posts: new Map(), ratings: new Map() };
}

/** The ratings of a post, created on first use. */
export function ratingsOf(book: FakePostBook, postKey: string): Map<string, FakeRating> {
  let ratings = book.ratings.get(postKey);
  if (!ratings) book.ratings.set(postKey, (ratings = new Map()));
  return ratings;
}
