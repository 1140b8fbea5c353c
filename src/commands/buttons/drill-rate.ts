import { reviewCard } from '../../core/drills/review.js';
import type { DrillButton } from '../../core/drills/views.js';
import { withDrills } from '../drill.js';
import type { ButtonHandler } from './types.js';

/** Again/Hard/Good/Easy on a drill card: the card's next due day, then the session's next card. */
export const drillRate: ButtonHandler<Extract<DrillButton, { action: 'drill-rate' }>> = (
  services,
  { actor, action },
) =>
  withDrills(services, async (drills) => {
    const outcome = await reviewCard(drills, services.catalog, actor, {
      questionId: action.questionId,
      rating: action.rating,
    });
    if (!outcome.ok) return { kind: 'drill-failure', failure: outcome.failure };
    const { next, ...rated } = outcome.value;
    return { kind: 'drill-view', view: next, rated };
  });
