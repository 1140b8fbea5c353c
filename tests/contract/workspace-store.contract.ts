/** The WorkspaceStore contract, run against every implementation. */
import { describe, expect, it } from 'vitest';
import { type MakeStores, OTHER_WS, WS } from './stores.js';

export function runWorkspaceStoreContract(name: string, make: MakeStores): void {
  describe(`WorkspaceStore contract: ${name}`, () => {
    it('has no timezone and no workspaces at first', async () => {
      const { workspaces } = await make();
      expect(await workspaces.timezone(WS)).toBeNull();
      expect(await workspaces.listWorkspaces()).toEqual([]);
    });

    it('keeps one timezone per workspace and lists each workspace once', async () => {
      const { workspaces } = await make();
      await workspaces.setTimezone(WS, 'Asia/Shanghai');
      await workspaces.setTimezone(OTHER_WS, 'Europe/Berlin');
      await workspaces.setTimezone(WS, 'America/New_York');
      expect(await workspaces.timezone(WS)).toBe('America/New_York');
      expect(await workspaces.timezone(OTHER_WS)).toBe('Europe/Berlin');
      expect(await workspaces.timezone('slack:team')).toBeNull();
      expect(await workspaces.listWorkspaces()).toEqual([OTHER_WS, WS].sort());
    });

    it('keeps extra admins per workspace, sorted and without repeats, replaced as a whole', async () => {
      const { workspaces } = await make();
      expect(await workspaces.admins(WS)).toEqual([]);
      await workspaces.setAdmins(WS, ['p:b', 'p:a', 'p:b']);
      await workspaces.setAdmins(OTHER_WS, ['p:c']);
      expect(await workspaces.admins(WS)).toEqual(['p:a', 'p:b']);
      await workspaces.setAdmins(WS, []);
      expect(await workspaces.admins(WS)).toEqual([]);
      expect(await workspaces.admins(OTHER_WS)).toEqual(['p:c']);
    });
  });
}
