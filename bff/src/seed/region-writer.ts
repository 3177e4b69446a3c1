import { IsNull, type EntityManager } from 'typeorm';
import { Region } from '../modules/region/region.entity';
import type { SeedRegion } from './model';

/** Where a generated region ended up: its stored id and materialized path. */
export interface StoredRegion {
  id: string;
  path: string;
}

/**
 * Writes the generated regions. A pre-#4 demo database already has a tiny 示范镇 (幸福村 with two grids,
 * 阳光社区 with one) that accounts, bindings and the e2e journeys refer to; such rows are adopted —
 * matched by level, name and parent, given the generated code, boundary and centre, and kept under
 * their ids — so nothing pointing at them breaks. Everything else is inserted.
 */
export async function writeRegions(manager: EntityManager, regions: SeedRegion[]): Promise<Map<string, StoredRegion>> {
  const repo = manager.getRepository(Region);
  const stored = new Map<string, StoredRegion>();
  const legacyTown = await repo.findOneBy({ level: 'town', parentId: IsNull(), name: regions[0].name, code: IsNull() });
  const inserts: Region[] = [];
  for (const region of regions) {
    const parent = region.parentId ? stored.get(region.parentId) : undefined;
    if (region.parentId && !parent) throw new Error(`region ${region.name} listed before its parent`);
    const fields = {
      code: region.code,
      boundary: JSON.stringify(region.boundary),
      centerLng: region.center[0],
      centerLat: region.center[1],
    };
    const existing = !legacyTown
      ? null
      : region.parentId === null
        ? legacyTown
        : await repo.findOneBy({ level: region.level, name: region.name, parentId: parent?.id });
    if (existing) {
      await repo.update({ id: existing.id }, fields);
      stored.set(region.id, { id: existing.id, path: existing.path });
      continue;
    }
    const path = `${parent?.path ?? '/'}${region.id}/`;
    stored.set(region.id, { id: region.id, path });
    inserts.push(
      repo.create({
        id: region.id,
        name: region.name,
        level: region.level,
        parentId: parent?.id ?? null,
        path,
        ...fields,
      }),
    );
  }
  for (let k = 0; k < inserts.length; k += 200) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Region)
      .values(inserts.slice(k, k + 200))
      .execute();
  }
  return stored;
}
