/**
 * `/quiz …`: acknowledged at once (Slack gives three seconds), then parsed against the command
 * spec, answered by the shared command layer and replied to through the `response_url`. Text
 * that does not parse is answered in the acknowledgement itself, with what was wrong.
 */
import type { App, SlashCommand } from '@slack/bolt';
import { quizCommand } from '../../../../commands/quiz.js';
import { drillWarning } from '../../../commands/drill.js';
import { dispatchCommand } from '../../../commands/handlers/dispatch.js';
import { parseCommandText } from '../../../commands/parse-text.js';
import { outcomeOf } from '../../../commands/reply.js';
import type { CommandOutcome } from '../../../runtime/adapter.js';
import { actorFor, placeFor, playerOf } from '../actors.js';
import { textMessage } from '../blocks/reply.js';
import { readSlackText, withPeople } from '../command-text.js';
import type { SlackContext } from '../context.js';
import { deliverReply, deliverText } from '../deliver.js';
import { viaResponseUrl } from '../replies.js';
import { slackWordingFor } from '../wording/index.js';

export const QUIZ_COMMAND = `/${quizCommand.name}`;

export function listenForCommands(app: App, ctx: SlackContext): void {
  app.command(QUIZ_COMMAND, async ({ command, ack, respond }) => {
    const started = performance.now();
    const observe = (name: string, outcome: CommandOutcome) =>
      ctx.services.commands.handled({
        command: name,
        platform: 'slack',
        outcome,
        seconds: (performance.now() - started) / 1000,
      });
    const { text, mentions } = readSlackText(command.text);
    const parsed = parseCommandText(quizCommand, text);
    if (!parsed.ok) {
      const words = slackWordingFor(ctx.people.cachedLocale(command.user_id));
      const message = textMessage(words.slack.badText(parsed.message));
      await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      observe('quiz', 'refused');
      return;
    }
    await ack();
    const name = `quiz ${parsed.path.join(' ')}`;
    const replier = viaResponseUrl(respond, slackWordingFor('en').slack.formulaAsText, ctx.log);
    await ctx.track(async () => {
      let locale = ctx.people.cachedLocale(command.user_id);
      try {
        const { actor, person } = await actorFor(ctx, userOf(command));
        locale = person.locale;
        const options = await withPeople(parsed.subcommand, parsed.options, mentions, async (m) => {
          const named = await ctx.people.get(m.user, m.name);
          return { player: playerOf(ctx, named), name: named.name };
        });
        const place = placeFor(ctx, command.channel_id);
        const reply = await dispatchCommand(ctx.services, {
          actor,
          place,
          path: parsed.path,
          options,
          locale,
        });
        const to = {
          locale,
          replier: viaResponseUrl(respond, slackWordingFor(locale).slack.formulaAsText, ctx.log),
        };
        await deliverReply(ctx, reply, to);
        observe(name, outcomeOf(reply));
        // A drill that could not DM this person is mentioned once, after their next reply.
        const warning = await drillWarning(ctx.services, actor, place);
        if (warning) await deliverReply(ctx, warning, to);
      } catch (error) {
        ctx.log.error({ err: errorText(error), command: name }, 'Slack command failed');
        await deliverText(slackWordingFor(locale).slack.unexpected, replier).catch(() => {});
        observe(name, 'error');
      }
    });
  });
}

function userOf(command: SlashCommand) {
  return { id: command.user_id, teamId: command.team_id, name: command.user_name };
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);
