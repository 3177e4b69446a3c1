import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { PiiCipher } from '../core/crypto/pii-cipher';
import {
  Building,
  BuildingUnit,
  Business,
  Estate,
  House,
  Household,
  Person,
  PersonHouse,
  PersonTag,
  Visit,
} from '../modules/registry/entities';
import { StaffUser } from '../modules/staff/staff-user.entity';
import type { TownModel } from './model';
import { StoredRegion, writeRegions } from './region-writer';

/** Rows per INSERT: well under SQLite's bound-parameter limit (person has ~25 columns). */
export const CHUNK_ROWS = 500;

export interface WriteOptions {
  cipher: PiiCipher;
  /**
   * One scrypt hash shared by every generated staff account. scrypt costs ~100 ms and 32 MiB by design;
   * hashing ~190 accounts separately would take most of the seed's time budget for no gain: they all
   * get the same printed demo password, and each must replace it at first login (the hashes then
   * differ). Sharing the salt reveals nothing the shared password does not already.
   */
  staffPasswordHash: string;
  onProgress?: (table: string, rows: number) => void;
}

export type WriteCounts = Record<string, number>;

async function insertChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (let k = 0; k < rows.length; k += CHUNK_ROWS) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(k, k + CHUNK_ROWS))
      .execute();
  }
}

/**
 * Writes a generated town in one transaction (all or nothing): regions, staff, places, people, tags,
 * visits and businesses, each table in chunks of CHUNK_ROWS. ID numbers and phones are sealed with
 * the PII cipher on the way in. Staff whose username already exists are left alone.
 */
export async function writeTown(dataSource: DataSource, model: TownModel, options: WriteOptions): Promise<WriteCounts> {
  const { cipher } = options;
  const counts: WriteCounts = {};
  await dataSource.transaction(async (manager) => {
    const regions = await writeRegions(manager, model.regions);
    counts.regions = model.regions.length;
    const region = (id: string): StoredRegion => {
      const r = regions.get(id);
      if (!r) throw new Error(`unknown generated region ${id}`);
      return r;
    };
    const scoped = <T extends { regionId: string }>(row: T) => ({
      ...row,
      regionId: region(row.regionId).id,
      scopePath: region(row.regionId).path,
    });
    const put = async <T extends ObjectLiteral>(
      table: string,
      target: EntityTarget<T>,
      rows: QueryDeepPartialEntity<T>[],
    ) => {
      await insertChunks(manager, target, rows);
      counts[table] = rows.length;
      options.onProgress?.(table, rows.length);
    };

    const existing = new Set(
      (await manager.getRepository(StaffUser).find({ select: { username: true } })).map((s) => s.username),
    );
    const staff = model.staff.filter((s) => !existing.has(s.username));
    await put(
      'staff',
      StaffUser,
      staff.map((s) => {
        const r = region(s.regionId);
        return {
          id: s.id,
          username: s.username,
          displayName: s.displayName,
          passwordHash: options.staffPasswordHash,
          roles: s.roles,
          grants: [],
          regionId: r.id,
          scopePath: r.path,
          status: 'active',
          mustChangePassword: true,
          lastLoginAt: null,
        };
      }),
    );
    const loc = (p: [number, number]) => ({ lng: p[0], lat: p[1] });
    await put(
      'estate',
      Estate,
      model.estates.map(({ location, ...e }) => ({ ...scoped(e), ...loc(location) })),
    );
    await put(
      'building',
      Building,
      model.buildings.map(({ location, ...b }) => ({ ...scoped(b), ...loc(location) })),
    );
    await put(
      'building_unit',
      BuildingUnit,
      model.units.map((u) => scoped(u)),
    );
    await put(
      'house',
      House,
      model.houses.map(({ location, ...h }) => ({ ...scoped(h), ...loc(location) })),
    );
    await put(
      'person',
      Person,
      model.persons.map(({ idNumber, phone, lastVisitedAt, ...p }) => ({
        ...scoped(p),
        idNumber: cipher.seal(idNumber),
        phone: cipher.seal(phone),
        status: 'active',
        note: null,
        lastVisitedAt: lastVisitedAt ? new Date(lastVisitedAt) : null,
      })),
    );
    await put(
      'household',
      Household,
      model.households.map((h) => scoped(h)),
    );
    await put(
      'person_house',
      PersonHouse,
      model.personHouses.map(({ regionId, ...ph }) => ({ ...ph, scopePath: region(regionId).path })),
    );
    await put(
      'person_tag',
      PersonTag,
      model.personTags.map(({ regionId, taggedAt, ...pt }) => ({
        ...pt,
        scopePath: region(regionId).path,
        taggedAt: new Date(taggedAt),
      })),
    );
    await put(
      'visit',
      Visit,
      model.visits.map(({ regionId, visitedAt, ...v }) => ({
        ...v,
        scopePath: region(regionId).path,
        visitorKind: 'staff',
        visitedAt: new Date(visitedAt),
        photoIds: [],
      })),
    );
    await put(
      'business',
      Business,
      model.businesses.map(({ location, contactPhone, ...b }) => ({
        ...scoped(b),
        ...loc(location),
        contactPhone: cipher.seal(contactPhone),
      })),
    );
  });
  // Planner statistics for the freshly filled tables. MariaDB keeps its own; SQLite has none until
  // ANALYZE runs, and then picks the name index for name searches over a whole town.
  if (dataSource.options.type === 'better-sqlite3') await dataSource.query('ANALYZE');
  return counts;
}
