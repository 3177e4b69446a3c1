import type { Household } from '../entities';
import type { RowErrors } from './cell-values';
import { personColumns } from './columns';
import type { PersonColumnKey } from './columns';
import type { PersonDraft } from './person-rows';

const header = (key: PersonColumnKey) => personColumns.find((c) => c.key === key)?.header ?? key;
const rowList = (rows: number[]) => rows.map((r) => `第 ${r} 行`).join('、');

export const HOUSEHOLD_NOT_FOUND = '户编号不存在或不在管辖范围内';

/** What the database already holds for the numbers and codes of a file. */
export interface PersonFileFacts {
  /** Keyed hashes of ID numbers already registered (anywhere). */
  registeredIdHashes: ReadonlySet<string>;
  /** Households with a code used in the file (anywhere). */
  households: ReadonlyMap<string, Household>;
  scopePrefix: string;
}

function fail(errors: RowErrors, draft: PersonDraft, key: PersonColumnKey, message: string): void {
  draft.valid = false;
  errors.add(draft.row, header(key), message);
}

/** Rows sharing one ID number each name all the others: the user fixes the file in one pass. */
function checkDuplicates(drafts: PersonDraft[], facts: PersonFileFacts, errors: RowErrors): void {
  const rowsByHash = new Map<string, PersonDraft[]>();
  for (const d of drafts) {
    if (!d.idHash) continue;
    rowsByHash.set(d.idHash, [...(rowsByHash.get(d.idHash) ?? []), d]);
  }
  for (const group of rowsByHash.values()) {
    if (facts.registeredIdHashes.has(group[0].idHash as string)) {
      for (const d of group) fail(errors, d, 'idNumber', '身份证号已登记');
    } else if (group.length > 1) {
      const all = group.map((d) => d.row);
      for (const d of group) fail(errors, d, 'idNumber', `身份证号在文件中重复（${rowList(all)}）`);
    }
  }
}

/**
 * Household membership: a code must name a household in scope, or one this file creates with a
 * 户主 row (only one per code); an existing household that has a head cannot get a second one.
 */
function checkHouseholds(drafts: PersonDraft[], facts: PersonFileFacts, errors: RowErrors): void {
  const headRows = new Map<string, number[]>();
  for (const d of drafts) {
    if (d.householdCode && d.relationToHead === 'self')
      headRows.set(d.householdCode, [...(headRows.get(d.householdCode) ?? []), d.row]);
  }
  for (const d of drafts) {
    const code = d.householdCode;
    if (!code) continue;
    const existing = facts.households.get(code);
    if (existing && !existing.scopePath.startsWith(facts.scopePrefix)) {
      fail(errors, d, 'householdCode', HOUSEHOLD_NOT_FOUND);
      continue;
    }
    const heads = headRows.get(code) ?? [];
    if (d.relationToHead === 'self' && heads.length > 1)
      fail(errors, d, 'relationToHead', `同一户编号有多个户主（${rowList(heads)}）`);
    else if (d.relationToHead === 'self' && existing?.headPersonId) fail(errors, d, 'relationToHead', '该户已有户主');
    else if (!existing && heads.length === 0)
      fail(errors, d, 'householdCode', `${HOUSEHOLD_NOT_FOUND}（新建户请在本文件中填写该户的户主行）`);
  }
}

/** Checks across rows and against the database, after every row was read on its own. */
export function crossCheckPersons(drafts: PersonDraft[], facts: PersonFileFacts, errors: RowErrors): void {
  checkDuplicates(drafts, facts, errors);
  checkHouseholds(drafts, facts, errors);
}
