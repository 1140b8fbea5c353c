/**
 * Lua for the competition store: each script is one atomic step. A competition is one hash; its
 * rounds are fields `r<i>:…` of that hash (opensAt, open, closesMs, closed, result), so one
 * script sees the whole state it checks.
 */

/**
 * A new competition takes its channel, or names the one holding it.
 * KEYS: channel claim, competition hash, running set. ARGV: id, plan JSON, round 0 opensAt.
 * Returns {1, id} or {0, running id}.
 */
export const CREATE = `
local held = redis.call('GET', KEYS[1])
if held then return {0, held} end
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('competition ' .. ARGV[1] .. ' exists') end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'json', ARGV[2], 'state', 'running', 'round', '0', 'r0:opensAt', ARGV[3])
redis.call('SADD', KEYS[3], ARGV[1])
return {1, ARGV[1]}
`;

/**
 * Makes a round current (never backwards) and plans its opening once.
 * KEYS: competition. ARGV: round, opensAt. Returns the stored opensAt, or nil when not running.
 */
export const PLAN = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return false end
if tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'round')) then
  redis.call('HSET', KEYS[1], 'round', ARGV[1])
end
local field = 'r' .. ARGV[1] .. ':opensAt'
redis.call('HSETNX', KEYS[1], field, ARGV[2])
return redis.call('HGET', KEYS[1], field)
`;

/**
 * A posting step's claim: `posted` once its done-field exists, else a lease (SET NX PX).
 * KEYS: competition, lease. ARGV: done field, owner, leaseMs.
 */
export const CLAIM = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 'posted' end
if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return 'claimed' end
return 'busy'
`;

/**
 * A round's message is out: the first record wins (with its deadline in ms, for SUBMIT), and
 * the open step's lease goes. KEYS: competition, lease. ARGV: round, opened JSON, closesAt ms.
 * Returns the stored opened JSON, or nil when the competition is not running.
 */
export const OPENED = `
redis.call('DEL', KEYS[2])
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return false end
local f = 'r' .. ARGV[1]
if redis.call('HSETNX', KEYS[1], f .. ':open', ARGV[2]) == 1 then
  redis.call('HSET', KEYS[1], f .. ':closesMs', ARGV[3])
end
return redis.call('HGET', KEYS[1], f .. ':open')
`;

/**
 * One answer: refused unless running, open, not frozen and not past the deadline at the caller's
 * clock reading; the first answer per player wins.
 * KEYS: competition, round answers. ARGV: round, player, answer JSON, now ms.
 */
export const SUBMIT = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 'not-running' end
local f = 'r' .. ARGV[1]
local closes = redis.call('HGET', KEYS[1], f .. ':closesMs')
if not closes then return 'not-open' end
if redis.call('HEXISTS', KEYS[1], f .. ':closed') == 1 then return 'closed' end
if tonumber(ARGV[4]) > tonumber(closes) then return 'closed' end
if redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[3]) == 0 then return 'already-answered' end
return 'accepted'
`;

/** Freezes an opened round once. KEYS: competition. ARGV: round. Returns 1 for the freezing call. */
export const CLOSE = `
local f = 'r' .. ARGV[1]
if redis.call('HEXISTS', KEYS[1], f .. ':open') == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], f .. ':closed', '1')
`;

/** A result or the standings went out. KEYS: competition, lease. ARGV: done field. */
export const POSTED = `
redis.call('DEL', KEYS[2])
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], ARGV[1], '1')
`;

/**
 * Ends a running competition and frees its channel (if it still holds it).
 * KEYS: competition, channel claim, running set. ARGV: id, state, endedAt. Returns 1 or 0.
 */
export const END = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'endedAt', ARGV[3])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('SREM', KEYS[3], ARGV[1])
return 1
`;
