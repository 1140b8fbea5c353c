import type { ConsoleWording } from './types.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** English. */
export const consoleEn: ConsoleWording = {
  banner:
    'quizbot console — you are "you" (admin) in #general. Type /quiz help; console commands: /as NAME, /channel NAME, /admin on|off, /lang en|zh, /clock [+1d|+2h|+30m], /press …, /inbox, /whoami, /perms allow|deny, exit',
  adminHint: ' (Console: /admin on makes you one.)',
  pressHelp: 'press: /press rate knew · /press rate partly · /press rate missed · /press reveal',
  postedIn: (channel, at) => `#${channel} · quizbot · ${at}`,
  threadOf: (id) => `thread of ${id}`,
  dmFrom: (user, at) => `DM to @${user} · quizbot · ${at}`,
  cardWritten: (path) => `card: ${path}`,
  notACommand: 'Commands start with /quiz (try /quiz help) or are console commands such as /clock.',
  unknownCommand: (name, known) =>
    `Unknown console command /${name}; there are ${known.map((k) => `/${k}`).join(', ')}.`,
  badName: (name) =>
    `"${name}" cannot be a name: use 1-32 characters without spaces, ":", "#" or "@".`,
  actingAs: (user, channel, admin) => `You are ${user}${admin ? ' (admin)' : ''} in #${channel}.`,
  admin: (on, user) => (on ? `${user} is now an admin.` : `${user} is no longer an admin.`),
  language: () => 'Language: English.',
  perms: (channel, allowed) =>
    allowed
      ? `The bot may post in #${channel} again.`
      : `The bot may no longer post in #${channel} (it lacks Send Messages).`,
  clockNow: (at, zone) => `Bot time: ${at} (${zone}).`,
  clockUsage: 'Use /clock to see the time, or /clock +1d, +2h, +30m (or +1d2h) to move it forward.',
  clockMoved: (from, to, ran) =>
    `Clock moved from ${from} to ${to}; ${plural(ran, 'scheduled thing')} ran.`,
  fastForwardItem: (at, what, status) => `⏩ ${at} ${what}: ${status}`,
  inboxEmpty: 'Your inbox is empty.',
  inboxHeader: (n) => `Inbox: ${plural(n, 'message')}`,
  newDm: (user) => `📬 New direct message for ${user}; type /inbox to read it.`,
  pressUsage:
    'Use /press rate knew|partly|missed or /press reveal; it presses that button on the latest post here. ' +
    'Drill cards in your inbox: /press drill reveal, then /press again|hard|good|easy.',
  nothingToPress: 'There is no post with buttons in this channel yet.',
  noSuchButton: (wanted, available) =>
    `The latest post has no "${wanted}" button; it has ${available.join(', ')}.`,
  unexpected: (message) => `Something went wrong: ${message}. The error was logged.`,
  drillRevealHelp: 'press: /press drill reveal',
  drillRateHelp: 'press: /press again · /press hard · /press good · /press easy',
  noDrillCard: 'No drill card is waiting in your inbox; /quiz drill now sends your due cards.',
};
