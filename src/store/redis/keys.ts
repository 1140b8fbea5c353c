/**
 * Every Redis key quizbot writes, built from one prefix. Nothing else in the store spells a key.
 *
 * Opaque ids (workspace, channel, player, post key, period key, idempotency key) are one segment
 * each, percent-encoded with encodeURIComponent: `:` `|` `{` `}` inside an id become %3A %7C %7B
 * %7D, so an id can never be mistaken for a separator, two ids can never produce the same key, and
 * no id can form a cluster hash tag by accident. `<p>` is the prefix without a trailing colon.
 *
 *   <p>:workspaces                           set     workspaces that have settings
 *   <p>:subs                                 set     channels with a daily subscription
 *   <p>:ws:<ws>:settings                     hash    timezone
 *   <p>:ws:<ws>:subs                         set     the workspace's subscribed channels
 *   <p>:ws:<ws>:board:<period>:<periodKey>   zset    player → points (period week|month|all)
 *   <p>:ws:<ws>:names                        hash    player → display name
 *   <p>:ws:<ws>:player:<player>              hash    current best lastDay (streak), count:<rating>
 *   <p>:ws:<ws>:award:<idempotencyKey>       string  marker: this award was counted
 *   <p>:ws:<ws>:closed:<period>:<periodKey>  string  marker: this period was closed
 *   <p>:ws:<ws>:archive:<period>             list    JSON final boards, oldest first
 *   <p>:ch:<ch>:sub                          string  JSON DailySubscription
 *   <p>:ch:<ch>:posts                        zset    post key → postedAt (ms): latestPost
 *   <p>:ch:<ch>:rotation                     string  current rotation cycle
 *   <p>:ch:<ch>:rotation:used                set     question ids used in that cycle
 *   <p>:post:<postKey>                       hash    json (DailyPost), revealed, revealPosted
 *   <p>:post:<postKey>:lease                 string  owner of the posting claim, expires (PX)
 *   <p>:post:<postKey>:ratings               hash    player → JSON {rating, points, week, month}
 *   <p>:competitions                         set     ids of running competitions
 *   <p>:ch:<ch>:competition                  string  id of the competition running in the channel
 *   <p>:cmp:<id>                             hash    json (CompetitionPlan), state, round, endedAt,
 *                                                    standings, r<i>:opensAt|open|closesMs|closed|result
 *   <p>:cmp:<id>:answers:<round>             hash    player → JSON RoundAnswer (the first answer)
 *   <p>:cmp:<id>:lease:<step>                string  owner of a posting step's claim, expires (PX)
 *   <p>:drill:subs                           set     JSON [workspace, player] of every drill
 *   <p>:drill:sub:<ws>:<player>              string  JSON DrillSubscription
 *   <p>:drill:dm-refused:<ws>:<player>       hash    reason at told (a refused DM, told once)
 *   <p>:drill:p:<player>:subs                set     workspaces where the player drills
 *   <p>:drill:p:<player>:cards               hash    question id → JSON CardState
 *   <p>:drill:p:<player>:session             string  JSON DrillSession without `pending`
 *   <p>:drill:p:<player>:pending             set     question ids of the session not yet rated
 *   <p>:drill:p:<player>:reviews             zset    JSON ReviewLog → review time (ms)
 *   <p>:drill:p:<player>:days                hash    local review day → reviews that day
 *   <p>:drill:p:<player>:delivered:<slot>    string  marker: the slot was delivered (expires)
 *   <p>:drill:p:<player>:lease:<slot>        string  owner of the delivery claim, expires (PX)
 *
 * Drill cards and history belong to the person (player key), not to a workspace: one memory
 * whichever workspace they drill from.
 *
 * Channel and post keys are not under `ws:` because the DailyStore port addresses them by channel
 * or post key alone; they stay private to a workspace only as long as adapters make channel keys
 * globally unique (a post records its workspace and core checks it).
 */
import type { PeriodKind } from '../../core/quiz/types.js';

/** Config allows these characters (src/config.ts); a trailing colon is tolerated and dropped. */
const PREFIX = /^[\w.:-]+$/;

const enc = (id: string): string => encodeURIComponent(id);

/** The post key core uses for a channel's slot (`DailyPost.key` is `channel|slot`). */
export function postKeyOf(channel: string, slot: string): string {
  return `${channel}|${slot}`;
}

/** Key builders for one prefix; throws at once on a prefix that could escape its namespace. */
export function redisKeys(prefix: string) {
  const root = prefix.endsWith(':') ? prefix.slice(0, -1) : prefix;
  if (!PREFIX.test(root)) {
    throw new RangeError(
      `Redis key prefix ${JSON.stringify(prefix)} is invalid; use letters, digits and _ . : -`,
    );
  }
  const key = (...segments: string[]): string => [root, ...segments].join(':');
  const ws = (workspace: string, ...rest: string[]) => key('ws', enc(workspace), ...rest);
  const ch = (channel: string, ...rest: string[]) => key('ch', enc(channel), ...rest);
  const post = (postKey: string, ...rest: string[]) => key('post', enc(postKey), ...rest);
  const cmp = (id: string, ...rest: string[]) => key('cmp', enc(id), ...rest);
  const drill = (player: string, ...rest: string[]) => key('drill', 'p', enc(player), ...rest);
  return {
    /** Every key starts with this (the prefix plus one colon). */
    namespace: `${root}:`,
    workspaces: () => key('workspaces'),
    allSubs: () => key('subs'),
    settings: (workspace: string) => ws(workspace, 'settings'),
    workspaceSubs: (workspace: string) => ws(workspace, 'subs'),
    board: (workspace: string, period: PeriodKind, periodKey: string) =>
      ws(workspace, 'board', period, enc(periodKey)),
    names: (workspace: string) => ws(workspace, 'names'),
    player: (workspace: string, player: string) => ws(workspace, 'player', enc(player)),
    award: (workspace: string, idempotencyKey: string) =>
      ws(workspace, 'award', enc(idempotencyKey)),
    closed: (workspace: string, period: PeriodKind, periodKey: string) =>
      ws(workspace, 'closed', period, enc(periodKey)),
    archive: (workspace: string, period: PeriodKind) => ws(workspace, 'archive', period),
    sub: (channel: string) => ch(channel, 'sub'),
    channelPosts: (channel: string) => ch(channel, 'posts'),
    rotationCycle: (channel: string) => ch(channel, 'rotation'),
    rotationUsed: (channel: string) => ch(channel, 'rotation', 'used'),
    post: (postKey: string) => post(postKey),
    lease: (postKey: string) => post(postKey, 'lease'),
    ratings: (postKey: string) => post(postKey, 'ratings'),
    runningCompetitions: () => key('competitions'),
    channelCompetition: (channel: string) => ch(channel, 'competition'),
    competition: (id: string) => cmp(id),
    competitionAnswers: (id: string, round: number) => cmp(id, 'answers', String(round)),
    competitionLease: (id: string, step: string) => cmp(id, 'lease', enc(step)),
    drillSubs: () => key('drill', 'subs'),
    drillSub: (workspace: string, player: string) =>
      key('drill', 'sub', enc(workspace), enc(player)),
    dmRefused: (workspace: string, player: string) =>
      key('drill', 'dm-refused', enc(workspace), enc(player)),
    drillPlayerSubs: (player: string) => drill(player, 'subs'),
    drillCards: (player: string) => drill(player, 'cards'),
    drillSession: (player: string) => drill(player, 'session'),
    drillPending: (player: string) => drill(player, 'pending'),
    drillReviews: (player: string) => drill(player, 'reviews'),
    drillDays: (player: string) => drill(player, 'days'),
    drillDelivered: (player: string, slot: string) => drill(player, 'delivered', enc(slot)),
    drillLease: (player: string, slot: string) => drill(player, 'lease', enc(slot)),
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
