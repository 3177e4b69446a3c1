import {
  bindingRoleRules,
  bindingRoles,
  isBindingRole,
  issuableBindingRoles,
  permissionsOf,
  type BindingRole,
} from './permissions';
import { allRoles, type Role } from './roles';

/**
 * Who may issue which binding code, written out by hand from the role table's intent (not derived
 * from the code): grid worker codes need the grid worker's own registry permissions, party member
 * codes need the keeping of member files.
 */
const expected: Record<Role, BindingRole[]> = {
  resident: [],
  party_member: [],
  grid_worker: [],
  grid_leader: [],
  community_admin: ['grid_worker'],
  village_admin: ['grid_worker'],
  town_admin: ['grid_worker', 'party_member'],
  party_secretary: ['party_member'],
  auditor: [],
  super_admin: [],
};

describe('binding role rules', () => {
  it.each(allRoles)('lets a %s issue exactly the codes of the hand-written table', (role) => {
    expect(issuableBindingRoles(permissionsOf([role]))).toEqual(expected[role]);
  });

  it('never lets a code confer a permission its issuer lacks', () => {
    for (const role of allRoles) {
      const held = permissionsOf([role]);
      for (const granted of issuableBindingRoles(held)) {
        for (const p of permissionsOf([granted])) expect(held.has(p)).toBe(true);
      }
    }
  });

  it('ties a grid worker to a grid, and gives registry scope to grid workers only', () => {
    expect(bindingRoleRules.grid_worker.regionLevels).toEqual(['grid']);
    expect(bindingRoleRules.grid_worker.registryScope).toBe(true);
    expect(bindingRoleRules.party_member.registryScope).toBe(false);
    expect(bindingRoleRules.party_member.regionLevels).not.toContain('grid');
  });

  it('knows its roles', () => {
    expect([...bindingRoles]).toEqual(['grid_worker', 'party_member']);
    expect(isBindingRole('party_member')).toBe(true);
    expect(isBindingRole('town_admin')).toBe(false);
    expect(isBindingRole(undefined)).toBe(false);
  });

  it('honours explicit grants: binding:issue alone issues nothing', () => {
    expect(issuableBindingRoles(permissionsOf([], ['binding:issue']))).toEqual([]);
    expect(issuableBindingRoles(permissionsOf([], ['binding:issue', 'party:member:manage']))).toEqual(['party_member']);
    // The town-wide party permission alone keeps no member files: it issues no party member code.
    expect(issuableBindingRoles(permissionsOf([], ['binding:issue', 'party:manage']))).toEqual([]);
  });
});
