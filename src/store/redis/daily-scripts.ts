/** Lua for the daily store: each script is one atomic step of the exactly-once posting protocol. */

/**
 * A claim is a lease (SET NX PX) next to the post record. A posted slot answers `posted` whoever
 * asks; a held lease is `busy` even for its own owner, because two jobs of one process can race too.
 * KEYS: post, lease. ARGV: owner, leaseMs.
 */
export const CLAIM = `
if redis.call('HEXISTS', KEYS[1], 'json') == 1 then return 'posted' end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
return 'busy'
`;

/**
 * Writes the post (the first record of a slot wins: a retry after an unclear reply changes
 * nothing), frees the lease, indexes the post for latestPost and marks the question used. A newer
 * cycle starts a fresh used set; an older one (a stale writer) leaves the rotation alone.
 * KEYS: post, lease, channel posts, rotation cycle, rotation used.
 * ARGV: json, postKey, postedAt ms, cycle, questionId, revealed (0|1), revealPosted (0|1).
 */
export const RECORD_POST = `
redis.call('DEL', KEYS[2])
if redis.call('HSETNX', KEYS[1], 'json', ARGV[1]) == 0 then return 0 end
if ARGV[6] == '1' then redis.call('HSET', KEYS[1], 'revealed', '1') end
if ARGV[7] == '1' then redis.call('HSET', KEYS[1], 'revealPosted', '1') end
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
local raw = redis.call('GET', KEYS[4])
local stored = raw and tonumber(raw) or nil
local cycle = tonumber(ARGV[4])
if stored == nil or cycle > stored then
  redis.call('DEL', KEYS[5])
  redis.call('SET', KEYS[4], ARGV[4])
  stored = cycle
end
if cycle == stored then redis.call('SADD', KEYS[5], ARGV[5]) end
return 1
`;

/** Sets a flag on an existing post; 1 only for the call that set it. KEYS: post. ARGV: field. */
export const MARK = `
if redis.call('HEXISTS', KEYS[1], 'json') == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], ARGV[1], '1')
`;
