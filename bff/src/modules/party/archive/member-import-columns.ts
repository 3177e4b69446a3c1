import { educationLabels, genderLabels, memberCategoryLabels, partyMemberLimits as L } from '@zhili/shared';
import type { ColumnSpec } from '../../registry';

/** Keys of the member import sheet's columns (headers are matched by their Chinese text). */
export type MemberColumnKey =
  | 'name'
  | 'idNumber'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'org'
  | 'category'
  | 'joinedOn'
  | 'convertedOn'
  | 'position'
  | 'education'
  | 'workUnit';

/** The member import template, also the order of the member export. */
export const memberColumns: readonly ColumnSpec<MemberColumnKey>[] = [
  {
    key: 'name',
    header: '姓名',
    required: true,
    width: 12,
    note: `必填，${L.name.max} 字以内；本镇居民须与人口库一致`,
  },
  {
    key: 'idNumber',
    header: '身份证号',
    required: false,
    text: true,
    width: 22,
    note: '本镇居民填写：按身份证号关联人口库中本人管辖区域内的人员；居住在镇外的党员不填',
  },
  {
    key: 'gender',
    header: '性别',
    required: false,
    list: Object.values(genderLabels),
    width: 8,
    note: '不填身份证号（镇外党员）时必填；本镇居民以人口库为准',
  },
  { key: 'birthDate', header: '出生日期', required: false, width: 14, note: 'YYYY-MM-DD；镇外党员填写' },
  {
    key: 'phone',
    header: '手机号',
    required: false,
    text: true,
    width: 14,
    note: '镇外党员填写；本镇居民以人口库为准',
  },
  {
    key: 'org',
    header: '所在党组织',
    required: true,
    width: 22,
    note: '必填，党支部或党小组的名称（须在本人负责范围内）',
  },
  {
    key: 'category',
    header: '党员类别',
    required: true,
    list: Object.values(memberCategoryLabels),
    width: 10,
    note: '必填，正式党员/预备党员',
  },
  { key: 'joinedOn', header: '入党日期', required: true, width: 14, note: '必填，YYYY-MM-DD' },
  { key: 'convertedOn', header: '转正日期', required: false, width: 14, note: 'YYYY-MM-DD；正式党员填写' },
  { key: 'position', header: '职务', required: false, width: 14, note: `${L.position.max} 字以内` },
  {
    key: 'education',
    header: '学历',
    required: false,
    list: Object.values(educationLabels),
    width: 12,
    note: Object.values(educationLabels).join('/'),
  },
  { key: 'workUnit', header: '工作单位', required: false, width: 24, note: `${L.workUnit.max} 字以内` },
];
