import { Permission } from '../../domain/permissions';
import { partyDocumentLimits as D } from '../../domain/party-archive';
import { defineRoute } from '../define';
import { pageQuery, pathId, qInt, qText } from '../fields';
import { storedFileSchema } from '../file';
import { importJobSchema } from '../registry/transfer';
import { qRegistryId } from '../registry/common';
import { z } from '../zod';
import { actDay, partyRef, requiredText } from './common';

const TAG = '管理端 · 电子信息库';
const MP_TAG = '小程序 · 党员';

/** A member import job: the registry's job shape (same engine), of kind `party_members`. */
export const partyImportJobSchema = importJobSchema.extend({ kind: z.literal('party_members') });
export type PartyImportJobVO = z.infer<typeof partyImportJobSchema>;

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

/** 年度报表: the standing counts at `asOf` and the year's joins and transfers. */
export const partyAnnualReportSchema = z.object({
  year: z.number().int(),
  /** The report date: the year's last day, or today for the running year. */
  asOf: z.string(),
  /** The organisation the report covers (with its subtree), or null for the caller's whole scope. */
  orgName: z.string().nullable(),
  total: z.number().int(),
  byBranch: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      full: z.number().int(),
      probationary: z.number().int(),
      total: z.number().int(),
    }),
  ),
  bySex: z.array(countSchema),
  byAgeBand: z.array(countSchema),
  byEducation: z.array(countSchema),
  newMembers: z.number().int(),
  transfersIn: z.number().int(),
  transfersOut: z.number().int(),
  transfersWithin: z.number().int(),
});
export type PartyAnnualReportVO = z.infer<typeof partyAnnualReportSchema>;

/** 文件资料柜: one document of an organisation. */
export const partyDocumentSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** 文号 */
  number: z.string(),
  title: z.string(),
  /** 发文单位 */
  publisher: z.string(),
  /** 发文日期 */
  issuedOn: z.string(),
  /** The scanned document (a fresh signed link), null when none was attached. */
  file: storedFileSchema.nullable(),
  createdAt: z.string(),
});
export type PartyDocumentVO = z.infer<typeof partyDocumentSchema>;

const documentFields = {
  number: requiredText(D.number.max, '请填写文号'),
  title: requiredText(D.title.max, '请填写标题'),
  publisher: requiredText(D.publisher.max, '请填写发文单位'),
  issuedOn: actDay('请填写发文日期'),
};

export const partyDocumentCreateSchema = z.strictObject({
  orgId: partyRef('请选择党组织'),
  ...documentFields,
  /** 扫描件：先通过 /api/admin/files 上传 */
  fileId: partyRef().nullable().optional(),
});
export type PartyDocumentCreateInput = z.output<typeof partyDocumentCreateSchema>;

export const partyDocumentUpdateSchema = z
  .strictObject({
    number: documentFields.number.optional(),
    title: documentFields.title.optional(),
    publisher: documentFields.publisher.optional(),
    issuedOn: documentFields.issuedOn.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { error: '没有要修改的内容' });
export type PartyDocumentUpdateInput = z.output<typeof partyDocumentUpdateSchema>;

/** 电子通讯录: a member as colleagues see them (phone masked). */
export const partyContactSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  position: z.string().nullable(),
  /** Masked. */
  phone: z.string().nullable(),
});
export type PartyContactVO = z.infer<typeof partyContactSchema>;

const byId = z.object({ id: pathId() });
const reportQuery = z.object({
  /** 年份，默认今年 */
  year: qInt(1921, 2100),
  /** 党组织（含下级） */
  orgId: qRegistryId(),
});

export const partyArchiveRoutes = {
  importTemplate: defineRoute({
    method: 'GET',
    path: '/api/admin/party/archive/imports/template',
    summary: '下载党员导入模板（.xlsx，含下拉选项和填写说明）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    response: null,
    responseKind: 'file',
  }),
  startImport: defineRoute({
    method: 'POST',
    path: '/api/admin/party/archive/imports',
    summary: '上传 Excel 导入党员（multipart：file、dryRun），先试导入；有任何错误则不写入',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    bodyKind: 'multipart',
    response: partyImportJobSchema,
    status: 202,
  }),
  importJob: defineRoute({
    method: 'GET',
    path: '/api/admin/party/archive/imports/:id',
    summary: '党员导入任务进度与结果（仅发起人可查）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    response: partyImportJobSchema,
  }),
  exportMembers: defineRoute({
    method: 'GET',
    path: '/api/admin/party/archive/members.xlsx',
    summary: '导出党员名册（.xlsx，本人负责范围；无查看敏感信息权限时脱敏，记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({ orgId: qRegistryId() }),
    response: null,
    responseKind: 'file',
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/admin/party/archive/report',
    summary: '年度报表（按支部、类别、性别、年龄段、学历，新发展党员与组织关系转接）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: reportQuery,
    response: partyAnnualReportSchema,
  }),
  reportXlsx: defineRoute({
    method: 'GET',
    path: '/api/admin/party/archive/report.xlsx',
    summary: '下载年度报表（.xlsx，记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: reportQuery,
    response: null,
    responseKind: 'file',
  }),
  documents: defineRoute({
    method: 'GET',
    path: '/api/admin/party/documents',
    summary: '文件资料柜（本人负责的党组织，含下级；按发文日期倒序）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgRead,
    query: z.object({
      ...pageQuery(),
      /** 党组织（仅本组织的资料） */
      orgId: qRegistryId(),
      /** 标题或文号包含 */
      q: qText(D.search.max),
      year: qInt(1921, 2100),
    }),
    response: partyDocumentSchema,
    list: true,
  }),
  createDocument: defineRoute({
    method: 'POST',
    path: '/api/admin/party/documents',
    summary: '登记文件资料（文号、标题、发文单位、日期、扫描件）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    body: partyDocumentCreateSchema,
    response: partyDocumentSchema,
    status: 201,
  }),
  updateDocument: defineRoute({
    method: 'PATCH',
    path: '/api/admin/party/documents/:id',
    summary: '修改文件资料',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    params: byId,
    body: partyDocumentUpdateSchema,
    response: partyDocumentSchema,
  }),
  deleteDocument: defineRoute({
    method: 'DELETE',
    path: '/api/admin/party/documents/:id',
    summary: '删除文件资料（记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    params: byId,
    response: null,
    status: 204,
  }),
  contacts: defineRoute({
    method: 'GET',
    path: '/api/admin/party/contacts',
    summary: '电子通讯录（本人负责的党组织，手机号脱敏）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({ ...pageQuery(50, 200), orgId: qRegistryId() }),
    response: partyContactSchema,
    list: true,
  }),
};

export const mpPartyArchiveRoutes = {
  contacts: defineRoute({
    method: 'GET',
    path: '/api/mp/party/contacts',
    summary: '本支部通讯录（手机号脱敏）',
    tag: MP_TAG,
    audience: 'mp',
    query: z.object({ ...pageQuery(50, 200) }),
    response: partyContactSchema,
    list: true,
  }),
};

export type PartyReportQuery = z.output<typeof reportQuery>;
