import type { SlackWording } from './types.js';

/** English. */
export const slackEn: SlackWording = {
  unexpected: 'Something went wrong on our side and it was logged. Please try again in a moment.',
  badText: (message) => `${message}. Type /quiz help to see every command.`,
  oldButton: 'This button belongs to an older version of quizbot; run the command again.',
  badButton: 'That button could not be read; run the command again.',
  showButton: 'Show',
  formulaAsText: 'Formula (as TeX)',
  part: (n, of) => `Part ${n} of ${of}`,
  home: {
    title: 'quizbot',
    you: (name) => `Your scores, ${name}`,
    drill: 'Your daily drill',
    noDrill:
      'No daily drill yet. Start one with `/quiz drill start time:21:00 timezone:Asia/Shanghai`.',
    board: 'This week in the workspace',
    channels: 'Daily questions (admins)',
    noChannels:
      'No channel has a daily question. In a channel: `/quiz daily set time:09:30 timezone:Asia/Shanghai`.',
    channel: (c) =>
      `${c.channel} · every day at ${c.time} (${c.zone}) · ${c.tags.length ? c.tags.join(', ') : 'all tags'}` +
      (c.paused ? `\n:warning: Paused: ${c.paused}` : ''),
    admins: 'Quiz admins',
    adminsHint:
      'Slack workspace admins and owners can always run admin commands. People chosen here can too.',
    adminsPlaceholder: 'Choose people',
    help: 'Type `/quiz help` in any channel to see every command.',
  },
  admins: {
    saved: (count) =>
      count === 0
        ? 'Quiz admins cleared.'
        : `Quiz admins saved: ${count} ${count === 1 ? 'person' : 'people'}.`,
    refused: 'Only Slack workspace admins and owners can change the quiz admins.',
  },
  modal: {
    title: 'Your answer',
    label: 'Answer',
    submit: 'Send',
    close: 'Cancel',
    empty: 'Type an answer first.',
  },
};
