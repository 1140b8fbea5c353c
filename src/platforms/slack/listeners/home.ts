/**
 * App Home: published when a person opens it, and again after an admin changes the quiz-admin
 * list from it (the only setting kept there). Changing the list re-asks Slack whether the person
 * is a workspace admin or owner: the list cannot grant itself.
 */
import type { App, BlockAction, MultiUsersSelectAction } from '@slack/bolt';
import { drillStats } from '../../../core/drills/stats.js';
import { leaderboard, playerStats } from '../../../core/quiz/boards.js';
import { actorFor, workspaceOf } from '../actors.js';
import { ADMINS_ACTION, type HomeData, homeView } from '../blocks/home.js';
import type { SlackContext } from '../context.js';
import { isSlackId, parseChannelKey, parseUserKey, userKey } from '../ids.js';
import { slackWordingFor } from '../wording/index.js';
import { errorText } from './command.js';

export function listenForHome(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await ctx.track(() => publishHome(ctx, event.user));
  });

  app.action<BlockAction<MultiUsersSelectAction>>(
    { type: 'block_actions', action_id: ADMINS_ACTION },
    async ({ ack, body, action }) => {
      await ack();
      await ctx.track(async () => {
        const person = await ctx.people.fresh(body.user.id, body.user.name);
        const words = slackWordingFor(person.locale).slack.admins;
        if (!person.slackAdmin) return publishHome(ctx, body.user.id, words.refused);
        const chosen = action.selected_users.filter(isSlackId);
        await ctx.services.deps.workspaces.setAdmins(
          workspaceOf(ctx),
          chosen.map((user) => userKey(ctx.team(), user)),
        );
        return publishHome(ctx, body.user.id, words.saved(chosen.length));
      });
    },
  );
}

/** Builds and publishes one person's Home tab. */
export async function publishHome(ctx: SlackContext, user: string, notice?: string): Promise<void> {
  try {
    const { actor, person } = await actorFor(ctx, { id: user });
    const { deps } = ctx.services;
    const workspace = workspaceOf(ctx);
    const words = slackWordingFor(person.locale);
    const drills = ctx.services.drills;
    const drill = drills && (await drillStats(drills, actor));
    const data: HomeData = {
      words,
      viewer: actor.player,
      stats: await playerStats(deps, { workspace, player: actor.player, name: actor.name }),
      board: await leaderboard(deps, { workspace, period: 'week', player: actor.player }),
      admin: actor.isAdmin ? await adminData(ctx, person.slackAdmin) : null,
      // Without drills in this process the section is left out; without a drill it says how to start one.
      ...(drill === undefined
        ? {}
        : { drill: drill.timezone ? { line: words.drill.notice(drill, drill.timezone) } : null }),
      ...(notice ? { notice } : {}),
    };
    await ctx.client.views.publish({ user_id: user, view: homeView(data) });
  } catch (error) {
    ctx.log.error({ err: errorText(error), user }, 'could not publish the Slack App Home');
  }
}

async function adminData(
  ctx: SlackContext,
  canEdit: boolean,
): Promise<NonNullable<HomeData['admin']>> {
  const workspace = workspaceOf(ctx);
  const subs = await ctx.services.deps.subscriptions.listByWorkspace(workspace);
  const admins = await ctx.services.deps.workspaces.admins(workspace);
  return {
    channels: subs.flatMap((sub) => {
      const parsed = parseChannelKey(sub.channel);
      return parsed ? [{ sub, channel: parsed.channel }] : [];
    }),
    admins: admins.flatMap((player) => parseUserKey(player)?.user ?? []),
    canEdit,
  };
}
