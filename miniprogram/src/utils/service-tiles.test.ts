import { Role } from '@zhili/shared/client';
import { serviceTiles, tilesFor } from './service-tiles';

const keys = (roles: Role[]) => tilesFor(roles).map((tile) => tile.key);

describe('home service tiles by role', () => {
  it('gives a resident (or a signed-out visitor) only the services everyone may use', () => {
    expect(keys([Role.Resident])).toEqual(['cases', 'consult', 'binding']);
    expect(keys([])).toEqual(['cases', 'consult', 'binding']);
  });

  it('adds 党员之家 for a party member, and no grid tiles', () => {
    expect(keys([Role.Resident, Role.PartyMember])).toEqual(['cases', 'consult', 'party', 'binding']);
  });

  it('adds the grid workbench, visits and work orders for a grid worker, and no party tile', () => {
    expect(keys([Role.Resident, Role.GridWorker])).toEqual([
      'cases',
      'consult',
      'tasks',
      'visits',
      'case-tasks',
      'binding',
    ]);
  });

  it('shows every tile to someone holding both roles, in catalogue order', () => {
    expect(keys([Role.GridWorker, Role.PartyMember])).toEqual(serviceTiles.map((tile) => tile.key));
  });

  it('does not open role pages for roles that only exist for staff (e.g. grid leader in the admin)', () => {
    expect(keys([Role.GridLeader, Role.PartySecretary])).toEqual(['cases', 'consult', 'binding']);
  });

  it('keeps every url a page path and every key unique', () => {
    for (const tile of serviceTiles) expect(tile.url).toMatch(/^\/[a-z-]+\/(pages\/)?[a-z-/]+\/index$/);
    expect(new Set(serviceTiles.map((tile) => tile.key)).size).toBe(serviceTiles.length);
  });
});
