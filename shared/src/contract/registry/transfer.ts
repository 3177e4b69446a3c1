import type { ImportKind } from '../../api/registry';
import { Permission } from '../../domain/permissions';
import { HouseholdType } from '../../domain/registry';
import { defineRoute } from '../define';
import { pathId, qText } from '../fields';
import { z } from '../zod';
import { enumValues, qEnum, qRegistryId } from './common';
import { personFilterQuery } from './persons';

const TAG = '管理端 · 人口导入导出';
const KINDS = ['persons', 'households'] as const satisfies readonly ImportKind[];

/** Progress and result of an import job (row numbers as Excel shows them, header = 1). */
export const importJobSchema = z.object({
  id: z.string(),
  kind: z.enum(KINDS),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  /** 0–100 */
  progress: z.number(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  /** Rows that would be / were written (0 when any error: imports are all-or-nothing). */
  importedRows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  /** Errors beyond the first 500 are counted, not listed. */
  errorCount: z.number().int(),
  message: z.string().nullable(),
  fileName: z.string(),
  createdAt: z.string(),
});
export type ImportJobVO = z.infer<typeof importJobSchema>;

export const transferRoutes = {
  template: defineRoute({
    method: 'GET',
    path: '/api/admin/registry/imports/template',
    summary: '下载导入模板（.xlsx，含下拉选项、填写说明和本人管辖区域内的示例行）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    query: z.object({
      /** persons = 人员，households = 户 */
      kind: z.enum(KINDS, {
        error: (issue) =>
          issue.input === undefined || issue.input === '' ? '请指定模板类型' : '类型应为 persons 或 households',
      }),
    }),
    response: null,
    responseKind: 'file',
  }),
  startImport: defineRoute({
    method: 'POST',
    path: '/api/admin/registry/imports',
    summary: '上传 Excel 导入人员或户（multipart：file、kind、dryRun），后台执行，返回任务',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    bodyKind: 'multipart',
    response: importJobSchema,
    status: 202,
  }),
  job: defineRoute({
    method: 'GET',
    path: '/api/admin/registry/imports/:id',
    summary: '导入任务进度与结果（仅发起人可查）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: z.object({ id: pathId() }),
    response: importJobSchema,
  }),
  exportPersons: defineRoute({
    method: 'GET',
    path: '/api/admin/registry/exports/persons',
    summary: '导出人员（.xlsx，按管辖范围与筛选条件，身份证号和手机号脱敏，记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DataExport,
    /** The filters of the person list (without paging): an export selects what the list shows. */
    query: z.object(personFilterQuery),
    response: null,
    responseKind: 'file',
  }),
  exportHouseholds: defineRoute({
    method: 'GET',
    path: '/api/admin/registry/exports/households',
    summary: '导出户（.xlsx，按管辖范围与筛选条件，户主证件号脱敏，记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DataExport,
    query: z.object({
      /** 区域（含下级，须在本人管辖范围内） */
      regionId: qRegistryId(),
      type: qEnum(enumValues(HouseholdType)),
      /** 户编号（精确）、地址包含或户主姓名前缀 */
      q: qText(64),
    }),
    response: null,
    responseKind: 'file',
  }),
};

export type PersonExportQuery = z.output<typeof transferRoutes.exportPersons.query>;
export type HouseholdExportQuery = z.output<typeof transferRoutes.exportHouseholds.query>;
