/**
 * The one entry every adapter calls for a button click: one handler per button kind (daily,
 * lookup and drill buttons), in a typed map, so a new kind of button cannot be left without one.
 */
import type { CommandServices } from '../handlers/types.js';
import type { CommandReply } from '../reply.js';
import { drillRate } from './drill-rate.js';
import { drillReveal } from './drill-reveal.js';
import { rate } from './rate.js';
import { reveal } from './reveal.js';
import { showAnswer } from './show-answer.js';
import type { ButtonHandler, ButtonRequest, SharedButton } from './types.js';

type ButtonHandlers = {
  [A in SharedButton['action']]: ButtonHandler<Extract<SharedButton, { action: A }>>;
};

export const buttonHandlers: ButtonHandlers = {
  rate,
  reveal,
  'show-answer': showAnswer,
  'drill-reveal': drillReveal,
  'drill-rate': drillRate,
};

/** Runs a button's handler and returns its reply model. */
export function dispatchButton(
  services: CommandServices,
  request: ButtonRequest,
): Promise<CommandReply> {
  // The switch keeps each action and its data together for the compiler.
  const { action } = request;
  switch (action.action) {
    case 'rate':
      return buttonHandlers.rate(services, { ...request, action });
    case 'reveal':
      return buttonHandlers.reveal(services, { ...request, action });
    case 'show-answer':
      return buttonHandlers['show-answer'](services, { ...request, action });
    case 'drill-reveal':
      return buttonHandlers['drill-reveal'](services, { ...request, action });
    case 'drill-rate':
      return buttonHandlers['drill-rate'](services, { ...request, action });
  }
}
