import {
  genderLabels,
  headRelationLabels,
  householdTypeLabels,
  hukouTypeLabels,
  maskIdNumber,
  maskPhone,
  permitStatusLabels,
  personStatusLabels,
} from '@zhili/shared';
import type { PiiCipher } from '../../../core/crypto/pii-cipher';
import type { PiiValue } from '../../../core/crypto/pii-value';
import type { Household, Person } from '../entities';
import { ageOn, todayInShanghai } from '../persons/person-view';
import type { CellOut, SheetColumn } from './xlsx-writer';

/** What every export row needs besides its record. */
export interface CommonLookups {
  cipher: PiiCipher;
  /** Region id → full name path (`青山镇/幸福村/第一网格`). */
  regionNames: ReadonlyMap<string, string>;
  /** Tag code → name. */
  tagNames: ReadonlyMap<string, string>;
}

export interface PersonRowLookups extends CommonLookups {
  tagsByPerson: ReadonlyMap<string, string[]>;
  households: ReadonlyMap<string, Household>;
}

export interface HouseholdRowLookups extends CommonLookups {
  heads: ReadonlyMap<string, Person>;
  /** Active members per household id. */
  members: ReadonlyMap<string, number>;
}

/** Decrypted only to be masked here: an export never carries a full ID number or phone. */
function masked(cipher: PiiCipher, value: PiiValue, mask: (plain: string) => string): string | null {
  const plain = cipher.open(value);
  return plain ? mask(plain) : null;
}

export const personSheet: readonly SheetColumn[] = [
  { header: '姓名', width: 12 },
  { header: '身份证号（脱敏）', width: 22 },
  { header: '性别', width: 6 },
  { header: '出生日期', width: 12 },
  { header: '年龄', width: 6 },
  { header: '手机号（脱敏）', width: 14 },
  { header: '户籍类型', width: 10 },
  { header: '户籍地址', width: 28 },
  { header: '现住址', width: 28 },
  { header: '所属区域', width: 28 },
  { header: '户编号', width: 14 },
  { header: '与户主关系', width: 12 },
  { header: '标签', width: 20 },
  { header: '来源地', width: 16 },
  { header: '来住日期', width: 12 },
  { header: '居住证状态', width: 12 },
  { header: '人员状态', width: 10 },
  { header: '备注', width: 24 },
];

export function personRow(p: Person, ctx: PersonRowLookups): CellOut[] {
  const today = todayInShanghai();
  return [
    p.name,
    masked(ctx.cipher, p.idNumber, maskIdNumber),
    genderLabels[p.gender] ?? p.gender,
    p.birthDate,
    ageOn(p.birthDate, today),
    masked(ctx.cipher, p.phone, maskPhone),
    hukouTypeLabels[p.hukouType] ?? p.hukouType,
    p.hukouAddress,
    p.address,
    ctx.regionNames.get(p.regionId) ?? '',
    p.householdId ? (ctx.households.get(p.householdId)?.code ?? null) : null,
    p.relationToHead ? headRelationLabels[p.relationToHead] : null,
    (ctx.tagsByPerson.get(p.id) ?? []).map((code) => ctx.tagNames.get(code) ?? code).join('、') || null,
    p.origin,
    p.arrivalDate,
    p.permitStatus ? permitStatusLabels[p.permitStatus] : null,
    personStatusLabels[p.status] ?? p.status,
    p.note,
  ];
}

export const householdSheet: readonly SheetColumn[] = [
  { header: '户编号', width: 14 },
  { header: '户类型', width: 10 },
  { header: '所属区域', width: 28 },
  { header: '户主姓名', width: 12 },
  { header: '户主身份证号（脱敏）', width: 22 },
  { header: '户主手机号（脱敏）', width: 14 },
  { header: '地址', width: 28 },
  { header: '在册人数', width: 10 },
  { header: '承包地及种养情况', width: 30 },
];

export function householdRow(h: Household, ctx: HouseholdRowLookups): CellOut[] {
  const head = h.headPersonId ? ctx.heads.get(h.headPersonId) : undefined;
  return [
    h.code,
    householdTypeLabels[h.type] ?? h.type,
    ctx.regionNames.get(h.regionId) ?? '',
    head?.name ?? null,
    head ? masked(ctx.cipher, head.idNumber, maskIdNumber) : null,
    head ? masked(ctx.cipher, head.phone, maskPhone) : null,
    h.address,
    ctx.members.get(h.id) ?? 0,
    h.landNote,
  ];
}
