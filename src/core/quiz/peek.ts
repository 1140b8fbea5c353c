import type { Question } from '../bank/model.js';
import type { Catalog } from '../catalog.js';
import type { QuizDeps } from './ports.js';
import type { Place } from './types.js';
import { type Outcome, fail, ok } from './views.js';

/**
 * A daily post's question with its answer, for one person's private peek before the public
 * reveal (the "Show answer" button). Only posts of the asker's own workspace are shown.
 */
export async function peekAnswer(
  deps: QuizDeps,
  catalog: Catalog,
  place: Place,
  postKey: string,
): Promise<Outcome<Question>> {
  const post = await deps.daily.getPost(postKey);
  const question = post && catalog.get(post.questionId);
  if (!post || !question || post.workspace !== place.workspace) {
    return fail({ code: 'unknown-post' });
  }
  return ok(question);
}
