/** Lua for the drill store: each script is one atomic step of delivering or reviewing. */

/**
 * A delivery claim: a lease (SET NX PX) next to the slot's delivered marker. KEYS: delivered,
 * lease. ARGV: owner, leaseMs.
 */
export const CLAIM_DELIVERY = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 'posted' end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
return 'busy'
`;

/**
 * Marks the slot delivered (the first record wins), frees the lease, replaces the session and its
 * pending set (unless ARGV[2] is empty: nothing was due), and adds new cards the player lacks.
 * KEYS: delivered, lease, session, pending, cards.
 * ARGV: marker ttl (s), session JSON or '', n, n pending ids, then (question id, card JSON) pairs.
 */
export const RECORD_DELIVERY = `
redis.call('DEL', KEYS[2])
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
local n = tonumber(ARGV[3])
if ARGV[2] ~= '' then
  redis.call('SET', KEYS[3], ARGV[2])
  redis.call('DEL', KEYS[4])
  for i = 4, 3 + n do redis.call('SADD', KEYS[4], ARGV[i]) end
end
for i = 4 + n, #ARGV - 1, 2 do redis.call('HSETNX', KEYS[5], ARGV[i], ARGV[i + 1]) end
return 1
`;

/**
 * One review, counted once: the card must be pending and still have the reviews the caller read.
 * KEYS: pending, cards, reviews, days.
 * ARGV: question id, expected reps, card JSON, log JSON, review ms, local day.
 */
export const RECORD_REVIEW = `
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return 'not-pending' end
local raw = redis.call('HGET', KEYS[2], ARGV[1])
if not raw then return 'stale' end
local ok, card = pcall(cjson.decode, raw)
if not ok or type(card) ~= 'table' or type(card.fsrs) ~= 'table' then return 'corrupt' end
if tonumber(card.fsrs.reps) ~= tonumber(ARGV[2]) then return 'stale' end
redis.call('SREM', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4])
redis.call('HINCRBY', KEYS[4], ARGV[6], 1)
return 'recorded'
`;

/** Hands out a recorded refusal once. KEYS: refusal. Returns {reason, at} or nil. */
export const TAKE_REFUSAL = `
if redis.call('HGET', KEYS[1], 'told') ~= '0' then return nil end
redis.call('HSET', KEYS[1], 'told', '1')
return redis.call('HMGET', KEYS[1], 'reason', 'at')
`;
