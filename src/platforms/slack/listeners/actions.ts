/**
 * Clicks on quizbot's buttons (`block_actions`): acknowledged at once, decoded and checked
 * (`buttons.ts`), then answered by the shared button handlers, privately to whoever clicked. A
 * competition's "Answer" button opens the answer modal straight away, while its trigger is valid.
 */
import type { App, BlockAction, ButtonAction as SlackButton, RespondFn } from '@slack/bolt';
import { dispatchButton } from '../../../commands/buttons/dispatch.js';
import { dispatchCompeteButton } from '../../../commands/buttons/compete.js';
import { type CommandReply, outcomeOf } from '../../../commands/reply.js';
import type { Actor, Place } from '../../../core/quiz/types.js';
import type { CommandOutcome } from '../../../runtime/adapter.js';
import { actorFor, placeFor } from '../actors.js';
import { ACTION_ID_PATTERN, type SlackAction, decodeAction } from '../buttons.js';
import type { SlackContext } from '../context.js';
import { deliverReply, deliverText } from '../deliver.js';
import { answerModal } from '../modal.js';
import { viaResponseUrl } from '../replies.js';
import { slackWordingFor } from '../wording/index.js';
import { errorText } from './command.js';

export function listenForButtons(app: App, ctx: SlackContext): void {
  app.action<BlockAction<SlackButton>>(
    { type: 'block_actions', action_id: ACTION_ID_PATTERN },
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const started = performance.now();
      const decoded = decodeAction(action.action_id, action.value);
      const channel = body.channel?.id ?? body.container?.channel_id;
      const locale = ctx.people.cachedLocale(body.user.id);
      const replier = viaResponseUrl(
        respond as RespondFn,
        slackWordingFor(locale).slack.formulaAsText,
        ctx.log,
      );
      if (!decoded.ok || typeof channel !== 'string') {
        const words = slackWordingFor(locale).slack;
        await deliverText(
          decoded.ok || decoded.reason === 'malformed' ? words.badButton : words.oldButton,
          replier,
        );
        return;
      }
      const { action: meaning } = decoded;
      if (meaning.action === 'compete-entry' && meaning.value === undefined) {
        // The trigger expires three seconds after the click: open the modal before anything else.
        await client.views.open({
          trigger_id: body.trigger_id,
          view: answerModal(
            { competitionId: meaning.competitionId, round: meaning.round, channel },
            slackWordingFor(locale),
          ),
        });
        return;
      }
      const name = `button ${meaning.action}`;
      await ctx.track(async () => {
        let outcome: CommandOutcome = 'ok';
        try {
          const { actor, person } = await actorFor(ctx, {
            id: body.user.id,
            teamId: body.user.team_id,
            name: body.user.name,
          });
          const reply = await clicked(ctx, {
            actor,
            place: placeFor(ctx, channel),
            action: meaning,
          });
          const words = slackWordingFor(person.locale);
          outcome = outcomeOf(reply);
          await deliverReply(ctx, reply, {
            locale: person.locale,
            replier: viaResponseUrl(respond as RespondFn, words.slack.formulaAsText, ctx.log),
          });
        } catch (error) {
          outcome = 'error';
          ctx.log.error({ err: errorText(error), action: meaning.action }, 'Slack button failed');
          await deliverText(slackWordingFor(locale).slack.unexpected, replier).catch(() => {});
        } finally {
          ctx.services.commands.handled({
            command: name,
            platform: 'slack',
            outcome,
            seconds: (performance.now() - started) / 1000,
          });
        }
      });
    },
  );
}

/** The shared handler for the click's kind of button. */
export async function clicked(
  ctx: SlackContext,
  request: { actor: Actor; place: Place; action: SlackAction },
): Promise<CommandReply> {
  const { action } = request;
  switch (action.action) {
    case 'compete-answer':
    case 'compete-entry':
      return dispatchCompeteButton(ctx.services, { ...request, action });
    default:
      return dispatchButton(ctx.services, { ...request, action });
  }
}
