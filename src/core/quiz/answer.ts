import { monthKey, weekKey } from '../time/zone.js';
import type { QuizDeps } from './ports.js';
import { type Actor, type Place, RATING_POINTS, type Rating } from './types.js';
import { type Notice, type Outcome, fail, ok } from './views.js';

/**
 * `/quiz answer` or a rating button: a person rates themselves on a daily question. They may change
 * their mind until the reveal; their points move by the difference, so nothing counts twice.
 */
export async function rateDaily(
  deps: QuizDeps,
  actor: Actor,
  place: Place,
  input: { rating: Rating; postKey?: string },
): Promise<Outcome<Notice>> {
  const post = input.postKey
    ? await deps.daily.getPost(input.postKey)
    : await deps.daily.latestPost(place.channel);
  if (!post) return fail(input.postKey ? { code: 'unknown-post' } : { code: 'no-open-question' });
  if (post.workspace !== place.workspace) return fail({ code: 'unknown-post' });
  if (post.revealed) return fail({ code: 'already-revealed' });
  const zone = (await deps.workspaces.timezone(post.workspace)) ?? 'UTC';
  const now = deps.clock.now();
  const outcome = await deps.scores.rate({
    workspace: post.workspace,
    postKey: post.key,
    player: actor.player,
    name: actor.name,
    rating: input.rating,
    points: RATING_POINTS[input.rating],
    day: post.day,
    periods: { week: weekKey(now, zone), month: monthKey(now, zone) },
  });
  if (!outcome) return fail({ code: 'already-revealed' });
  return ok({
    code: 'rated',
    rating: input.rating,
    previous: outcome.previous,
    delta: outcome.delta,
    streak: outcome.streak,
  });
}
