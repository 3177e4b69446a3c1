import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Region } from '../../region';
import { Household, Person, TagDefinition } from '../entities';

/** IN lists are cut into chunks this long (well under every driver's placeholder limit). */
const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function inChunks<T>(values: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (const chunk of chunks(unique)) out.push(...(await load(chunk)));
  return out;
}

/** The whole region tree (small: one town), for name paths and scope checks. */
export function loadRegions(db: EntityManager): Promise<Region[]> {
  return db.getRepository(Region).find({ select: { id: true, name: true, path: true, code: true, parentId: true } });
}

/** Active tags, reachable by name (what users type) and by code. */
export async function loadTagNames(db: EntityManager): Promise<Map<string, string>> {
  const tags = await db.getRepository(TagDefinition).find({ where: { active: true } });
  const map = new Map<string, string>();
  for (const t of tags) {
    map.set(t.code, t.code);
    map.set(t.name, t.code);
  }
  return map;
}

/** All tags' names by code (inactive ones too: exports show what a person carries). */
export async function tagNamesByCode(db: EntityManager): Promise<Map<string, string>> {
  const tags = await db.getRepository(TagDefinition).find({ select: { code: true, name: true } });
  return new Map(tags.map((t) => [t.code, t.name]));
}

/** Persons (anywhere, whatever their scope) whose ID number has one of these keyed hashes. */
export function personsByIdHash(db: EntityManager, hashes: readonly string[]): Promise<Person[]> {
  return inChunks(hashes, (chunk) =>
    db.getRepository(Person).createQueryBuilder('p').where('p.id_number_hash IN (:...chunk)', { chunk }).getMany(),
  );
}

/** Households (anywhere) with one of these codes. */
export function householdsByCode(db: EntityManager, codes: readonly string[]): Promise<Household[]> {
  return inChunks(codes, (chunk) => db.getRepository(Household).find({ where: { code: In(chunk) } }));
}
