/** Lua for the score store: every change to boards, streaks and counts is one atomic script. */

/**
 * One rating. Refused once the post is revealed. The caller read the player's previous record
 * (ARGV[7], '' for none) to know which boards it counted on; if it changed since, nothing happens
 * and the caller retries. Points move by new − old on those boards; counts move with the rating;
 * the streak moves only on a player's first rating of the post, and never backwards in time.
 * KEYS: post, ratings, week board, month board, all board, names, player.
 * ARGV: player, rating, points, day, previous day, name, expected record, new record.
 * Returns {'revealed'} | {'retry'} | {'ok', previous rating or '', delta, current, best, lastDay}.
 */
export const RATE = `
if redis.call('HEXISTS', KEYS[1], 'revealed') == 1 then return {'revealed'} end
local old = redis.call('HGET', KEYS[2], ARGV[1])
if (old or '') ~= ARGV[7] then return {'retry'} end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[8])
redis.call('HSET', KEYS[6], ARGV[1], ARGV[6])
local delta = tonumber(ARGV[3])
local previous = ''
if old then
  local record = cjson.decode(old)
  previous = record.rating
  delta = delta - record.points
  if previous ~= ARGV[2] then
    redis.call('HINCRBY', KEYS[7], 'count:' .. previous, -1)
    redis.call('HINCRBY', KEYS[7], 'count:' .. ARGV[2], 1)
  end
else
  redis.call('HINCRBY', KEYS[7], 'count:' .. ARGV[2], 1)
  local last = redis.call('HGET', KEYS[7], 'lastDay')
  if not last or ARGV[4] > last then
    local current = 1
    if last == ARGV[5] then current = tonumber(redis.call('HGET', KEYS[7], 'current') or '0') + 1 end
    local best = math.max(current, tonumber(redis.call('HGET', KEYS[7], 'best') or '0'))
    redis.call('HSET', KEYS[7], 'current', current, 'best', best, 'lastDay', ARGV[4])
  end
end
if delta ~= 0 or not old then
  for i = 3, 5 do redis.call('ZINCRBY', KEYS[i], delta, ARGV[1]) end
end
local streak = redis.call('HMGET', KEYS[7], 'current', 'best', 'lastDay')
return {'ok', previous, delta, streak[1] or '0', streak[2] or '0', streak[3] or ''}
`;

/**
 * Points once per idempotency key. KEYS: marker, week, month, all boards, names.
 * ARGV: player, points, name. Returns 1 when counted, 0 when the key was used before.
 */
export const AWARD = `
if not redis.call('SET', KEYS[1], '1', 'NX') then return 0 end
for i = 2, 4 do redis.call('ZINCRBY', KEYS[i], ARGV[2], ARGV[1]) end
redis.call('HSET', KEYS[5], ARGV[1], ARGV[3])
return 1
`;

/**
 * The top ARGV[1] of a board plus everyone tied with the last of them, so the caller can order
 * ties by player key (ZREVRANGE orders them backwards) and still cut at exactly n.
 * KEYS: board, names. Returns flat {player, score, name, …}.
 */
export const TOP = `
local n = tonumber(ARGV[1])
local head = redis.call('ZREVRANGE', KEYS[1], 0, n - 1, 'WITHSCORES')
local out = {}
local cut = nil
if #head == 2 * n then cut = head[#head] end
for i = 1, #head, 2 do
  if cut == nil or tonumber(head[i + 1]) > tonumber(cut) then
    table.insert(out, head[i])
    table.insert(out, head[i + 1])
  end
end
if cut ~= nil then
  for _, player in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], cut, cut)) do
    table.insert(out, player)
    table.insert(out, cut)
  end
end
local withNames = {}
for i = 1, #out, 2 do
  table.insert(withNames, out[i])
  table.insert(withNames, out[i + 1])
  table.insert(withNames, redis.call('HGET', KEYS[2], out[i]) or '')
end
return withNames
`;

/**
 * One player's line: score, rank (1 + players with strictly more points, so ties share a rank)
 * and name. KEYS: board, names. ARGV: player. Returns {} when they are not on the board.
 */
export const ENTRY = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return {} end
local above = redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf')
return {score, above + 1, redis.call('HGET', KEYS[2], ARGV[1]) or ''}
`;

/** Archives a final board once. KEYS: closed marker, archive list. ARGV: board JSON. */
export const CLOSE = `
if not redis.call('SET', KEYS[1], '1', 'NX') then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
`;
