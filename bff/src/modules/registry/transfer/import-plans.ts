import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PiiCipher } from '../../../core/crypto/pii-cipher';
import { Household, Person, PersonTag } from '../entities';
import { RowErrors } from './cell-values';
import type { HouseholdColumnKey, PersonColumnKey } from './columns';
import { buildHouseholdRecords, crossCheckHouseholds, parseHouseholdRow } from './household-rows';
import type { HouseholdDraft } from './household-rows';
import { chunks, householdsByCode, loadRegions, loadTagNames, personsByIdHash } from './import-lookups';
import { crossCheckPersons } from './person-checks';
import { buildPersonRecords } from './person-records';
import { parsePersonRow } from './person-rows';
import type { PersonDraft } from './person-rows';
import { RegionLookup } from './region-lookup';
import type { SheetRow } from './sheet-reader';

/** What an import writes, counted for the job and the audit record (never the data itself). */
export type WriteCounts = {
  persons: number;
  households: number;
  tags: number;
};

/** The outcome of checking a file: its errors, and (when there are none) how to write it. */
export interface ImportPlan {
  errors: RowErrors;
  rows: number;
  /** Writes everything inside the caller's transaction; throws ImportConflict when data changed meanwhile. */
  write(tx: EntityManager): Promise<WriteCounts>;
}

export interface PlanEnv {
  db: EntityManager;
  cipher: PiiCipher;
  /** The caller's data scope (null = no scope: every region is out of it). */
  scopePrefix: string | null;
  today: Date;
  /** Called every few rows with the number of rows read so far (also yields to the event loop). */
  onProgress(processed: number): Promise<void>;
}

/** Someone registered one of the file's numbers or codes while the import was being checked. */
export class ImportConflict extends Error {}

/** Rows per INSERT statement (keeps statements far below placeholder limits on every driver). */
const INSERT_BATCH = 100;
const PROGRESS_EVERY = 200;

async function insertAll<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  records: T[],
): Promise<void> {
  for (const batch of chunks(records, INSERT_BATCH)) {
    await tx.createQueryBuilder().insert().into(entity).values(batch).updateEntity(false).execute();
  }
}

async function parseAll<K extends string, D>(
  rows: SheetRow<K>[],
  env: PlanEnv,
  parse: (row: SheetRow<K>) => D,
): Promise<D[]> {
  const drafts: D[] = [];
  for (const [i, row] of rows.entries()) {
    drafts.push(parse(row));
    if ((i + 1) % PROGRESS_EVERY === 0) await env.onProgress(i + 1);
  }
  await env.onProgress(rows.length);
  return drafts;
}

/** Checks a persons file; the plan inserts persons, their tags and households made by 户主 rows. */
export async function planPersons(rows: SheetRow<PersonColumnKey>[], env: PlanEnv): Promise<ImportPlan> {
  const errors = new RowErrors();
  const ctx = {
    regions: new RegionLookup(await loadRegions(env.db), env.scopePrefix),
    tags: await loadTagNames(env.db),
    hash: (plain: string) => env.cipher.hash(plain),
    today: env.today,
  };
  const drafts: PersonDraft[] = await parseAll(rows, env, (row) => parsePersonRow(row, ctx, errors));
  const hashes = drafts.flatMap((d) => (d.idHash ? [d.idHash] : []));
  const registered = new Set((await personsByIdHash(env.db, hashes)).map((p) => p.idNumber.hash as string));
  const codes = drafts.flatMap((d) => (d.householdCode ? [d.householdCode] : []));
  const households = new Map((await householdsByCode(env.db, codes)).map((h) => [h.code as string, h]));
  crossCheckPersons(
    drafts,
    { registeredIdHashes: registered, households, scopePrefix: env.scopePrefix ?? '\0' },
    errors,
  );
  return {
    errors,
    rows: rows.length,
    async write(tx) {
      if ((await personsByIdHash(tx, hashes)).length > 0) throw new ImportConflict();
      const records = await buildPersonRecords(drafts, households, env.cipher, new Date());
      await insertAll(tx, Household, records.newHouseholds);
      await insertAll(tx, Person, records.persons);
      await insertAll(tx, PersonTag, records.tags);
      for (const head of records.heads) {
        // Only a household still without a head: another writer may have set one meanwhile.
        const res = await tx
          .createQueryBuilder()
          .update(Household)
          .set({ headPersonId: head.personId })
          .where('id = :id AND head_person_id IS NULL', { id: head.householdId })
          .execute();
        if (res.affected === 0) throw new ImportConflict();
      }
      return { persons: records.persons.length, households: records.newHouseholds.length, tags: records.tags.length };
    },
  };
}

/** Checks a households file; the plan inserts the households and attaches their heads. */
export async function planHouseholds(rows: SheetRow<HouseholdColumnKey>[], env: PlanEnv): Promise<ImportPlan> {
  const errors = new RowErrors();
  const ctx = {
    regions: new RegionLookup(await loadRegions(env.db), env.scopePrefix),
    hash: (plain: string) => env.cipher.hash(plain),
    today: env.today,
  };
  const drafts: HouseholdDraft[] = await parseAll(rows, env, (row) => parseHouseholdRow(row, ctx, errors));
  const codes = drafts.flatMap((d) => (d.code ? [d.code] : []));
  const taken = new Set((await householdsByCode(env.db, codes)).map((h) => h.code as string));
  const heads = await personsByIdHash(
    env.db,
    drafts.flatMap((d) => (d.headIdHash ? [d.headIdHash] : [])),
  );
  const personsByHash = new Map(heads.map((p) => [p.idNumber.hash as string, p]));
  crossCheckHouseholds(drafts, { takenCodes: taken, personsByHash, scopePrefix: env.scopePrefix ?? '\0' }, errors);
  return {
    errors,
    rows: rows.length,
    async write(tx) {
      if ((await householdsByCode(tx, codes)).length > 0) throw new ImportConflict();
      const records = buildHouseholdRecords(drafts, personsByHash);
      await insertAll(tx, Household, records.households);
      for (const head of records.heads) {
        const res = await tx
          .createQueryBuilder()
          .update(Person)
          .set({ householdId: head.householdId, relationToHead: 'self' })
          .where('id = :id AND household_id IS NULL', { id: head.personId })
          .execute();
        if (res.affected === 0) throw new ImportConflict();
      }
      return { persons: 0, households: records.households.length, tags: 0 };
    },
  };
}
