import { Role } from '@zhili/shared';
import type { GenContext } from './context';
import type { SeedRegion, SeedStaff } from './model';
import { Rng } from './prng';
import { randomName } from './names';
import type { RegionLayout } from './regions';

/**
 * Staff of every level: a town admin, an admin per village/community, a grid leader (网格长) per
 * village/community, and a grid worker (专职网格员) per grid. Usernames follow the region codes so
 * they are easy to find in the users screen: zhen.admin, cun201.admin, cun201.leader, cun201.wg03,
 * sq001.admin … — and the town's auditor zhen.auditor (reads the audit log, nothing else).
 */

/** Seed of the auditor's own generator, so adding the account left every other generated value as it was. */
const AUDITOR_SEED = 0x5a0d17;

/** Username stem of a village (cun201) or community (sq001) from its code. */
export function stemOf(region: SeedRegion): string {
  const seq = (region.code ?? '').slice(-3);
  return region.level === 'community' ? `sq${seq}` : `cun${seq}`;
}

export function generateStaff(ctx: GenContext, layout: RegionLayout): Map<string, SeedStaff> {
  const { rng, model, today } = ctx;
  const year = Number(today.slice(0, 4));
  const person = () => randomName(rng, rng.chance(0.6) ? 'male' : 'female', year - rng.int(25, 55));
  const add = (username: string, roles: Role[], regionId: string): SeedStaff => {
    const staff: SeedStaff = { id: rng.uuid(), username, displayName: person(), roles, regionId };
    model.staff.push(staff);
    return staff;
  };
  add('zhen.admin', [Role.TownAdmin], layout.town.id);
  const own = new Rng(AUDITOR_SEED);
  model.staff.push({
    id: own.uuid(),
    username: 'zhen.auditor',
    displayName: randomName(own, own.chance(0.5) ? 'male' : 'female', year - own.int(28, 50)),
    roles: [Role.Auditor],
    regionId: layout.town.id,
  });
  for (const parent of layout.parents) {
    const stem = stemOf(parent);
    add(`${stem}.admin`, [parent.level === 'community' ? Role.CommunityAdmin : Role.VillageAdmin], parent.id);
    add(`${stem}.leader`, [Role.GridLeader], parent.id);
  }
  const workers = new Map<string, SeedStaff>();
  for (const grid of layout.grids) {
    workers.set(
      grid.region.id,
      add(`${stemOf(grid.parent)}.wg${String(grid.index).padStart(2, '0')}`, [Role.GridWorker], grid.region.id),
    );
  }
  return workers;
}
