import {
  genderLabels,
  headRelationLabels,
  hukouTypeLabels,
  normalizeMobile,
  parseIdNumber,
  permitStatusLabels,
  registryLimits,
} from '@zhili/shared';
import type { Gender, HeadRelation, HukouType, IdNumberProblem, PermitStatus } from '@zhili/shared';
import { labelLookup, personColumns } from './columns';
import type { PersonColumnKey } from './columns';
import type { RowErrors } from './cell-values';
import type { RegionLookup, RegionRef } from './region-lookup';
import { RowReader } from './row-reader';
import type { SheetRow } from './sheet-reader';

const genders = labelLookup(genderLabels);
const hukouTypes = labelLookup(hukouTypeLabels);
const relations = labelLookup(headRelationLabels);
const permits = labelLookup(permitStatusLabels);

export const idProblemMessages: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位，最后一位可以是数字或 X',
  region: '身份证号前两位不是有效的省级行政区划代码',
  birthDate: '身份证号中的出生日期无效',
  checkDigit: '身份证号校验位错误',
};

/** A person row as read from the file; complete (`valid`) only when the row had no problem. */
export interface PersonDraft {
  row: number;
  valid: boolean;
  name: string;
  /** Normalized ID number and its keyed hash (null when missing or invalid). */
  idNumber: string | null;
  idHash: string | null;
  gender: Gender;
  birthDate: string | null;
  phone: string | null;
  hukouType: HukouType;
  hukouAddress: string | null;
  address: string | null;
  region: RegionRef | null;
  householdCode: string | null;
  relationToHead: HeadRelation | null;
  tagCodes: string[];
  origin: string | null;
  arrivalDate: string | null;
  permitStatus: PermitStatus | null;
  note: string | null;
}

export interface PersonRowContext {
  regions: RegionLookup;
  /** Active tags by name and by code. */
  tags: ReadonlyMap<string, string>;
  hash(plain: string): string;
  today: Date;
}

function readIdNumber(
  r: RowReader<PersonColumnKey>,
  today: Date,
): { idNumber: string | null; gender?: Gender; birthDate?: string } {
  const raw = r.raw('idNumber');
  if (typeof raw === 'number') {
    r.fail('idNumber', '身份证号须以文本格式填写（数字格式会丢失末几位）');
    return { idNumber: null };
  }
  const text = r.text('idNumber', 32, true);
  if (!text) return { idNumber: null };
  const idNumber = text.toUpperCase();
  const info = parseIdNumber(idNumber, today);
  if (!info.valid) {
    r.fail('idNumber', idProblemMessages[info.problem ?? 'format']);
    return { idNumber: null };
  }
  return { idNumber, gender: info.gender, birthDate: info.birthDate };
}

/**
 * Validates one row of a persons file on its own (cross-row and database checks come later): ID
 * check digit, gender and birth date against the ID, phone, region in scope, labels, tags, lengths.
 */
export function parsePersonRow(row: SheetRow<PersonColumnKey>, ctx: PersonRowContext, errors: RowErrors): PersonDraft {
  const r = new RowReader(row, personColumns, errors);
  const name = r.text('name', registryLimits.personName.max, true) ?? '';
  const id = readIdNumber(r, ctx.today);
  const statedGender = r.choice('gender', genders);
  if (statedGender && id.gender && statedGender !== id.gender) r.fail('gender', '性别与身份证号不符');
  const statedBirth = r.date('birthDate');
  if (statedBirth && id.birthDate && statedBirth !== id.birthDate) r.fail('birthDate', '出生日期与身份证号不符');
  const phoneText = r.text('phone', 20);
  const phone = phoneText ? normalizeMobile(phoneText) : null;
  if (phoneText && !phone) r.fail('phone', '手机号格式不正确，应为 11 位大陆手机号');
  const hukouType = r.choice('hukouType', hukouTypes, true);

  let region: RegionRef | null = null;
  const regionText = r.text('region', 255, true);
  if (regionText) {
    const match = ctx.regions.resolve(regionText);
    if (match.ok) region = match.region;
    else r.fail('region', match.message);
  }

  const householdCode = r.text('householdCode', 32);
  const relationToHead = r.choice('relationToHead', relations);
  if (householdCode && !relationToHead && r.raw('relationToHead') === null)
    r.fail('relationToHead', '填写户编号时必填');
  if (!householdCode && relationToHead) r.fail('householdCode', '填写与户主关系时须填写户编号');

  const tagCodes: string[] = [];
  for (const tag of r.list('tags')) {
    const code = ctx.tags.get(tag);
    if (code) tagCodes.push(code);
    else r.fail('tags', `标签不存在：${tag}`);
  }

  const draft: PersonDraft = {
    row: row.row,
    valid: false,
    name,
    idNumber: id.idNumber,
    idHash: id.idNumber ? ctx.hash(id.idNumber) : null,
    gender: id.gender ?? statedGender ?? 'male',
    birthDate: id.birthDate ?? statedBirth,
    phone,
    hukouType: hukouType ?? 'local',
    hukouAddress: r.text('hukouAddress', registryLimits.address.max),
    address: r.text('address', registryLimits.address.max),
    region,
    householdCode,
    relationToHead,
    tagCodes: [...new Set(tagCodes)],
    origin: r.text('origin', 64),
    arrivalDate: r.date('arrivalDate'),
    permitStatus: r.choice('permitStatus', permits),
    note: r.text('note', registryLimits.note.max),
  };
  if (draft.hukouType === 'floating') draft.permitStatus ??= 'none';
  draft.valid = !r.failed;
  return draft;
}
