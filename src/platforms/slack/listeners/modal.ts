/**
 * A typed competition answer from the answer modal: the modal closes at once and the answer's
 * outcome (locked in, too late, unreadable) comes as an ephemeral message in the round's channel.
 */
import type { App } from '@slack/bolt';
import { outcomeOf } from '../../../commands/reply.js';
import { actorFor, placeFor } from '../actors.js';
import type { SlackContext } from '../context.js';
import { deliverReply, deliverText } from '../deliver.js';
import { ANSWER_BLOCK, ANSWER_INPUT, ANSWER_MODAL, readAnswerTarget } from '../modal.js';
import { viaEphemeral } from '../replies.js';
import { slackWordingFor } from '../wording/index.js';
import { clicked } from './actions.js';
import { errorText } from './command.js';

export function listenForAnswers(app: App, ctx: SlackContext): void {
  app.view({ callback_id: ANSWER_MODAL, type: 'view_submission' }, async ({ ack, body, view }) => {
    const value = view.state.values[ANSWER_BLOCK]?.[ANSWER_INPUT]?.value?.trim() ?? '';
    const words = slackWordingFor(ctx.people.cachedLocale(body.user.id));
    if (!value) {
      await ack({ response_action: 'errors', errors: { [ANSWER_BLOCK]: words.slack.modal.empty } });
      return;
    }
    await ack();
    const target = readAnswerTarget(view.private_metadata);
    if (!target) return;
    const started = performance.now();
    const replier = viaEphemeral(
      ctx.client,
      { channel: target.channel, user: body.user.id },
      words.slack.formulaAsText,
    );
    await ctx.track(async () => {
      let outcome: 'ok' | 'refused' | 'error' = 'ok';
      try {
        const { actor, person } = await actorFor(ctx, {
          id: body.user.id,
          teamId: body.user.team_id,
          name: body.user.name,
        });
        const reply = await clicked(ctx, {
          actor,
          place: placeFor(ctx, target.channel),
          action: {
            action: 'compete-entry',
            competitionId: target.competitionId,
            round: target.round,
            value,
          },
        });
        outcome = outcomeOf(reply);
        await deliverReply(ctx, reply, { locale: person.locale, replier });
      } catch (error) {
        outcome = 'error';
        ctx.log.error({ err: errorText(error) }, 'Slack answer modal failed');
        await deliverText(words.slack.unexpected, replier).catch(() => {});
      }
      ctx.services.commands.handled({
        command: 'modal compete-entry',
        platform: 'slack',
        outcome,
        seconds: (performance.now() - started) / 1000,
      });
    });
  });
}
