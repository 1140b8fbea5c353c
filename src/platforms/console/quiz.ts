/**
 * A parsed `/quiz …` line through the shared command layer: the console's people named in `user`
 * options become player keys, the shared dispatcher answers, and the reply is printed.
 */
import type { SubcommandSpec } from '../../../commands/quiz.js';
import { drillWarning } from '../../commands/drill.js';
import { dispatchCommand } from '../../commands/handlers/dispatch.js';
import type { CommandOptions, CommandOptionValue } from '../../commands/handlers/types.js';
import type { OptionValue } from '../../commands/parse-text.js';
import type { CommandReply } from '../../commands/reply.js';
import type { ConsoleContext, Reply } from './context.js';
import { WORKSPACE, userKey } from './ids.js';
import { consoleReply } from './render-reply.js';

export interface ParsedQuiz {
  path: readonly string[];
  subcommand: SubcommandSpec;
  options: Readonly<Record<string, OptionValue>>;
}

export async function runQuiz(ctx: ConsoleContext, parsed: ParsedQuiz): Promise<Reply> {
  const { session } = ctx;
  const reply = await dispatchCommand(ctx.services, {
    actor: session.actor(),
    place: session.place(),
    path: parsed.path,
    options: withPlayers(parsed),
    locale: session.locale,
  });
  await followUp(ctx, reply);
  const answer = await consoleReply(ctx, reply);
  // A drill that could not DM the person is told once, after their next command here.
  const warning = await drillWarning(ctx.services, session.actor(), session.place());
  if (!warning) return answer;
  return { ...answer, text: `${answer.text}\n${(await consoleReply(ctx, warning)).text}` };
}

/** `user` options are typed names (`@alice` or `alice`); they become the console's player keys. */
function withPlayers(parsed: ParsedQuiz): CommandOptions {
  const users = new Set(
    parsed.subcommand.options.filter((o) => o.type === 'user').map((o) => o.name),
  );
  return Object.fromEntries(
    Object.entries(parsed.options).map(([name, value]): [string, CommandOptionValue] => {
      if (!users.has(name) || typeof value !== 'string') return [name, value];
      const user = value.replace(/^@/, '');
      return [name, { player: userKey(user), name: user }];
    }),
  );
}

/**
 * The session shows times in the workspace's zone once it has one (the first `daily set` gives
 * it); until then a drill's zone, so the person's own evening reads as their evening.
 */
async function followUp(ctx: ConsoleContext, reply: CommandReply): Promise<void> {
  if (reply.kind === 'notice' && reply.notice.code === 'daily-set') {
    ctx.session.zone = (await ctx.services.deps.workspaces.timezone(WORKSPACE)) ?? ctx.session.zone;
  }
  if (reply.kind === 'drill-notice' && reply.notice.code === 'drill-started') {
    const workspaceZone = await ctx.services.deps.workspaces.timezone(WORKSPACE);
    ctx.session.zone = workspaceZone ?? reply.notice.sub.timezone;
  }
}
