/** The console's own commands (everything typed with a slash that is not `/quiz`). */
import type { SessionCommand } from '../context.js';
import { admin } from './admin.js';
import { as } from './as.js';
import { channel } from './channel.js';
import { clock } from './clock.js';
import { inbox } from './inbox.js';
import { lang } from './lang.js';
import { perms } from './perms.js';
import { press } from './press.js';
import { whoami } from './whoami.js';

export const sessionCommands: Readonly<Record<string, SessionCommand>> = {
  as,
  channel,
  admin,
  lang,
  whoami,
  perms,
  clock,
  press,
  inbox,
};
