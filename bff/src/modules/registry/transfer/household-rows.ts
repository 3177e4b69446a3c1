import { randomUUID } from 'crypto';
import { householdTypeLabels, parseIdNumber, registryLimits } from '@zhili/shared';
import type { HouseholdType } from '@zhili/shared';
import { Household } from '../entities';
import type { Person } from '../entities';
import type { RowErrors } from './cell-values';
import { householdColumns, labelLookup } from './columns';
import type { HouseholdColumnKey } from './columns';
import { idProblemMessages } from './person-rows';
import type { RegionLookup, RegionRef } from './region-lookup';
import { RowReader } from './row-reader';
import type { SheetRow } from './sheet-reader';

const types = labelLookup(householdTypeLabels);
const header = (key: HouseholdColumnKey) => householdColumns.find((c) => c.key === key)?.header ?? key;
const rowList = (rows: number[]) => rows.map((r) => `第 ${r} 行`).join('、');

export interface HouseholdDraft {
  row: number;
  valid: boolean;
  code: string | null;
  type: HouseholdType;
  region: RegionRef | null;
  headName: string | null;
  headIdHash: string | null;
  address: string | null;
  landNote: string | null;
}

export interface HouseholdRowContext {
  regions: RegionLookup;
  hash(plain: string): string;
  today: Date;
}

/** Validates one row of a households file on its own. */
export function parseHouseholdRow(
  row: SheetRow<HouseholdColumnKey>,
  ctx: HouseholdRowContext,
  errors: RowErrors,
): HouseholdDraft {
  const r = new RowReader(row, householdColumns, errors);
  const code = r.text('code', 32, true);
  const type = r.choice('type', types, true);
  let region: RegionRef | null = null;
  const regionText = r.text('region', 255, true);
  if (regionText) {
    const match = ctx.regions.resolve(regionText);
    if (match.ok) region = match.region;
    else r.fail('region', match.message);
  }
  const headName = r.text('headName', registryLimits.personName.max);
  let headIdHash: string | null = null;
  if (typeof r.raw('headIdNumber') === 'number') {
    r.fail('headIdNumber', '身份证号须以文本格式填写（数字格式会丢失末几位）');
  } else {
    const idText = r.text('headIdNumber', 32)?.toUpperCase() ?? null;
    const info = idText ? parseIdNumber(idText, ctx.today) : null;
    if (idText && info && !info.valid) r.fail('headIdNumber', idProblemMessages[info.problem ?? 'format']);
    else if (idText) headIdHash = ctx.hash(idText);
    else if (headName) r.fail('headIdNumber', '填写户主姓名时须填写户主身份证号');
  }
  const draft: HouseholdDraft = {
    row: row.row,
    valid: false,
    code,
    type: type ?? 'resident',
    region,
    headName,
    headIdHash,
    address: r.text('address', registryLimits.address.max),
    landNote: r.text('landNote', registryLimits.note.max),
  };
  draft.valid = !r.failed;
  return draft;
}

export interface HouseholdFileFacts {
  /** Codes already used by a household (anywhere: codes are unique installation-wide). */
  takenCodes: ReadonlySet<string>;
  /** Registered persons by ID hash (anywhere). */
  personsByHash: ReadonlyMap<string, Person>;
  scopePrefix: string;
}

function fail(errors: RowErrors, d: HouseholdDraft, key: HouseholdColumnKey, message: string): void {
  d.valid = false;
  errors.add(d.row, header(key), message);
}

function groupBy(drafts: HouseholdDraft[], key: (d: HouseholdDraft) => string | null): HouseholdDraft[][] {
  const groups = new Map<string, HouseholdDraft[]>();
  for (const d of drafts) {
    const k = key(d);
    if (k) groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  return [...groups.values()];
}

/** Codes unique (file and database); heads registered in scope, not yet in a household, once. */
export function crossCheckHouseholds(drafts: HouseholdDraft[], facts: HouseholdFileFacts, errors: RowErrors): void {
  for (const group of groupBy(drafts, (d) => d.code)) {
    const rows = group.map((d) => d.row);
    for (const d of group) {
      if (facts.takenCodes.has(d.code as string)) fail(errors, d, 'code', '户编号已存在');
      else if (group.length > 1) fail(errors, d, 'code', `户编号在文件中重复（${rowList(rows)}）`);
    }
  }
  for (const group of groupBy(drafts, (d) => d.headIdHash)) {
    const rows = group.map((d) => d.row);
    for (const d of group) {
      const person = facts.personsByHash.get(d.headIdHash as string);
      if (!person || !person.scopePath.startsWith(facts.scopePrefix))
        fail(errors, d, 'headIdNumber', '户主未登记或不在管辖范围内');
      else if (group.length > 1) fail(errors, d, 'headIdNumber', `同一户主出现在多行（${rowList(rows)}）`);
      else if (person.householdId) fail(errors, d, 'headIdNumber', '该人员已属于其他户');
      else if (d.headName && d.headName !== person.name) fail(errors, d, 'headName', '户主姓名与身份证号不一致');
    }
  }
}

/** Households to insert and the heads to attach to them (relation 户主). */
export function buildHouseholdRecords(
  drafts: readonly HouseholdDraft[],
  personsByHash: ReadonlyMap<string, Person>,
): { households: Household[]; heads: { householdId: string; personId: string }[] } {
  const households: Household[] = [];
  const heads: { householdId: string; personId: string }[] = [];
  for (const d of drafts) {
    const region = d.region as RegionRef;
    const head = d.headIdHash ? personsByHash.get(d.headIdHash) : undefined;
    const household = Object.assign(new Household(), {
      id: randomUUID(),
      code: d.code,
      type: d.type,
      regionId: region.id,
      scopePath: region.path,
      headPersonId: head?.id ?? null,
      houseId: null,
      address: d.address,
      landNote: d.landNote,
    });
    households.push(household);
    if (head) heads.push({ householdId: household.id, personId: head.id });
  }
  return { households, heads };
}
