import type { CommandHandler } from './types.js';

/** `/quiz help`: generated from the spec by each renderer, in the asker's language. */
export const help: CommandHandler = async (_services, { actor, locale }) => ({
  kind: 'help',
  locale,
  isAdmin: actor.isAdmin,
});
