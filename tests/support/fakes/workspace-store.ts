/** In-memory WorkspaceStore for unit tests of core; passes the same contract as Redis. */
import type { WorkspaceStore } from '../../../src/core/quiz/ports.js';

export function createFakeWorkspaceStore() {
  const zones = new Map<string, string>();
  const admins = new Map<string, string[]>();
  return {
    async timezone(workspace: string) {
      return zones.get(workspace) ?? null;
    },
    async setTimezone(workspace: string, timezone: string) {
      zones.set(workspace, timezone);
    },
    async listWorkspaces() {
      return [...zones.keys()].sort();
    },
    async admins(workspace: string) {
      return [...(admins.get(workspace) ?? [])];
    },
    async setAdmins(workspace: string, players: readonly string[]) {
      admins.set(workspace, [...new Set(players)].sort());
    },
  } satisfies WorkspaceStore;
}
