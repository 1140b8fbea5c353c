import { quizCommand } from '../../../../commands/quiz.js';
import { helpText } from '../../../commands/help.js';
import { type QuizHandler, ok } from '../context.js';

/** `/quiz help`, generated from the command spec in the session's language. */
export const help: QuizHandler = async (ctx) => ok(helpText(quizCommand, ctx.session.locale));
