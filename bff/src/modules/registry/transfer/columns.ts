import {
  genderLabels,
  headRelationLabels,
  householdTypeLabels,
  hukouTypeLabels,
  permitStatusLabels,
  registryLimits,
} from '@zhili/shared';
import type { ImportKind } from '@zhili/shared';

/**
 * The columns of the import templates. Headers are what users see and what the importer matches
 * (by text, so columns may be reordered); keys are what the row parsers read.
 */
export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  /** Chinese labels offered as an in-cell drop-down (Excel data validation). */
  list?: readonly string[];
  /** Stored as text so Excel keeps every digit (18-digit IDs lose precision as numbers). */
  text?: boolean;
  /** Column width in characters. */
  width: number;
  /** Explanation shown on the notes sheet. */
  note: string;
}

export type PersonColumnKey =
  | 'name'
  | 'idNumber'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'hukouType'
  | 'hukouAddress'
  | 'address'
  | 'region'
  | 'householdCode'
  | 'relationToHead'
  | 'tags'
  | 'origin'
  | 'arrivalDate'
  | 'permitStatus'
  | 'note';

export type HouseholdColumnKey = 'code' | 'type' | 'region' | 'headName' | 'headIdNumber' | 'address' | 'landNote';

const REGION_NOTE =
  '从镇开始的完整路径，各级用 / 分隔，与导出文件“所属区域”列的写法相同（如示例行）；也可只写本人管辖区域以下的路径或能唯一确定的末尾部分，或 12 位统计用区划代码；须在本人管辖范围内';

export const personColumns: readonly ColumnSpec<PersonColumnKey>[] = [
  { key: 'name', header: '姓名', required: true, width: 12, note: `必填，${registryLimits.personName.max} 字以内` },
  {
    key: 'idNumber',
    header: '身份证号',
    required: true,
    text: true,
    width: 22,
    note: '必填，18 位居民身份证号（校验位须正确），请以文本格式填写',
  },
  {
    key: 'gender',
    header: '性别',
    required: false,
    list: Object.values(genderLabels),
    width: 8,
    note: '男/女；可不填（按身份证号确定），填写时须与身份证号一致',
  },
  {
    key: 'birthDate',
    header: '出生日期',
    required: false,
    width: 14,
    note: 'YYYY-MM-DD；可不填（按身份证号确定），填写时须与身份证号一致',
  },
  { key: 'phone', header: '手机号', required: false, text: true, width: 14, note: '11 位大陆手机号' },
  {
    key: 'hukouType',
    header: '户籍类型',
    required: true,
    list: Object.values(hukouTypeLabels),
    width: 10,
    note: '必填，户籍/流动',
  },
  { key: 'hukouAddress', header: '户籍地址', required: false, width: 28, note: `${registryLimits.address.max} 字以内` },
  { key: 'address', header: '现住址', required: false, width: 28, note: `${registryLimits.address.max} 字以内` },
  { key: 'region', header: '所属区域', required: true, width: 22, note: `必填，${REGION_NOTE}` },
  {
    key: 'householdCode',
    header: '户编号',
    required: false,
    text: true,
    width: 14,
    note: '加入该户；户编号须已存在，或由本文件中与户主关系为“户主”的一行新建',
  },
  {
    key: 'relationToHead',
    header: '与户主关系',
    required: false,
    list: Object.values(headRelationLabels),
    width: 12,
    note: '填写户编号时必填',
  },
  {
    key: 'tags',
    header: '标签',
    required: false,
    width: 20,
    note: '标签名称，多个用 、 或 , 分隔（如 独居老人、低保户）；须是已维护的标签',
  },
  { key: 'origin', header: '来源地', required: false, width: 16, note: '流动人口的来源地' },
  { key: 'arrivalDate', header: '来住日期', required: false, width: 14, note: 'YYYY-MM-DD' },
  {
    key: 'permitStatus',
    header: '居住证状态',
    required: false,
    list: Object.values(permitStatusLabels),
    width: 12,
    note: '流动人口：未办理/办理中/有效/已过期，不填为未办理',
  },
  { key: 'note', header: '备注', required: false, width: 24, note: `${registryLimits.note.max} 字以内` },
];

export const householdColumns: readonly ColumnSpec<HouseholdColumnKey>[] = [
  { key: 'code', header: '户编号', required: true, text: true, width: 14, note: '必填，32 字以内，全镇唯一' },
  {
    key: 'type',
    header: '户类型',
    required: true,
    list: Object.values(householdTypeLabels),
    width: 10,
    note: '必填，常住户/流动户/空壳户',
  },
  { key: 'region', header: '所属区域', required: true, width: 22, note: `必填，${REGION_NOTE}` },
  { key: 'headName', header: '户主姓名', required: false, width: 12, note: '填写户主身份证号时用于核对' },
  {
    key: 'headIdNumber',
    header: '户主身份证号',
    required: false,
    text: true,
    width: 22,
    note: '户主须已登记在本人管辖范围内（可先导入人员，或在导入人员时用“与户主关系=户主”指定）',
  },
  { key: 'address', header: '地址', required: false, width: 28, note: `${registryLimits.address.max} 字以内` },
  {
    key: 'landNote',
    header: '承包地及种养情况',
    required: false,
    width: 30,
    note: `${registryLimits.note.max} 字以内`,
  },
];

export function columnsOf(kind: ImportKind): readonly ColumnSpec[] {
  return kind === 'persons' ? personColumns : householdColumns;
}

/** Any cell holding exactly this text marks the template's example row, which the importer skips. */
export const EXAMPLE_MARK = '示例行，导入时自动跳过';

/** Sheet names (the data sheet is the first one; the importer reads the first sheet whatever its name). */
export const sheetNames: Record<ImportKind, string> = { persons: '人员', households: '户' };
export const NOTES_SHEET = '填写说明';

/** Inverts a label table: `男` → `male`. */
export function labelLookup<V extends string>(labels: Record<V, string>): ReadonlyMap<string, V> {
  return new Map(Object.entries(labels).map(([value, label]) => [label as string, value as V]));
}
