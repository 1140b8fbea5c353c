/** Lua shared by every store that claims work with a lease (daily posts, drills, competitions). */

/** Deletes a lease only while the caller still owns it (not one that expired and was retaken). KEYS: lease. ARGV: owner. */
export const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
