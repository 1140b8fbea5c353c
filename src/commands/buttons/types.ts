import type { DrillButton } from '../../core/drills/views.js';
import type { Actor, Place } from '../../core/quiz/types.js';
import type { ButtonAction } from '../../core/quiz/views.js';
import type { CommandServices } from '../handlers/types.js';
import type { CommandReply } from '../reply.js';

/** Every button `dispatchButton` answers: daily and lookup buttons, and drill cards' buttons. */
export type SharedButton = ButtonAction | DrillButton;

/** One click on a button of a posted view, as every adapter describes it. */
export interface ButtonRequest {
  actor: Actor;
  place: Place;
  /** Decoded by the adapter from its own id (`custom_id`, `action_id`, `/press …`). */
  action: SharedButton;
}

/** What one kind of button does. */
export type ButtonHandler<A extends SharedButton> = (
  services: CommandServices,
  request: ButtonRequest & { action: A },
) => Promise<CommandReply>;
