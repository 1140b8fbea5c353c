// Replaced by the Redis bootstrap for tests (private redis-server on a free port).
export default function setup(): void {}
