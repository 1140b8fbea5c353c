import { revealCard } from '../../core/drills/review.js';
import type { DrillButton } from '../../core/drills/views.js';
import { withDrills } from '../drill.js';
import type { ButtonHandler } from './types.js';

/** "Show answer" on a drill card: the card's answer side with the four ratings. */
export const drillReveal: ButtonHandler<Extract<DrillButton, { action: 'drill-reveal' }>> = (
  services,
  { actor, action },
) =>
  withDrills(services, async (drills) => {
    const outcome = await revealCard(drills, services.catalog, actor, {
      questionId: action.questionId,
    });
    return outcome.ok
      ? { kind: 'drill-view', view: outcome.value, rated: null }
      : { kind: 'drill-failure', failure: outcome.failure };
  });
