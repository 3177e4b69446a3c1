import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { HouseholdVO, PersonVO } from '@zhili/shared';
import type { PiiCipher } from '../../core/crypto/pii-cipher';
import { Region } from '../region';
import { Household, Person, PersonTag, todayInShanghai, toPersonVO } from '../registry';

/**
 * Mapping helpers of the grid worker API. They mirror the admin views on purpose without importing
 * them (those are still moving); both go through `toPersonVO`, so masking is the same everywhere.
 */

export async function regionNames(ds: DataSource, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ds.getRepository(Region).find({ where: { id: In(unique) }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function tagsByPerson(ds: DataSource, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (personIds.length === 0) return map;
  const rows = await ds
    .getRepository(PersonTag)
    .find({ where: { personId: In([...personIds]) }, order: { tagCode: 'ASC' } });
  for (const row of rows) map.set(row.personId, [...(map.get(row.personId) ?? []), row.tagCode]);
  return map;
}

/** Persons as masked `PersonVO`s with their tags and region names (two batched lookups). */
export async function personVOs(
  ds: DataSource,
  cipher: PiiCipher,
  persons: readonly Person[],
  now = new Date(),
): Promise<PersonVO[]> {
  const [names, tags] = await Promise.all([
    regionNames(
      ds,
      persons.map((p) => p.regionId),
    ),
    tagsByPerson(
      ds,
      persons.map((p) => p.id),
    ),
  ]);
  const ctx = { cipher, regionNames: names, tagsByPerson: tags, today: todayInShanghai(now) };
  return persons.map((p) => toPersonVO(p, ctx));
}

/** Raw row of the household list query (head name joined, member count as a subquery). */
export interface HouseholdRow {
  household: Household;
  headName: string | null;
  memberCount: number;
}

export function householdVO(row: HouseholdRow, names: ReadonlyMap<string, string>): HouseholdVO {
  const h = row.household;
  return {
    id: h.id,
    code: h.code,
    type: h.type,
    regionId: h.regionId,
    regionName: names.get(h.regionId) ?? '',
    headPersonId: h.headPersonId,
    headName: row.headName,
    address: h.address,
    memberCount: row.memberCount,
  };
}
