import { partyAdmissionRoutes, partyArchiveRoutes } from '@zhili/shared';
import type { ClientInput, ClientOutput, PartyImportJobVO } from '@zhili/shared';
import { api } from '@/api/contract-client';
import { http } from '@/api/http';

type Body<R> = R extends { body: infer B } ? B : never;
type Query<R> = R extends { query?: infer Q } ? NonNullable<Q> : never;

export type DocumentQuery = Query<ClientInput<typeof partyArchiveRoutes.documents>>;
export type DocumentCreateBody = Body<ClientInput<typeof partyArchiveRoutes.createDocument>>;
export type DocumentUpdateBody = Body<ClientInput<typeof partyArchiveRoutes.updateDocument>>;
export type ContactQuery = Query<ClientInput<typeof partyArchiveRoutes.contacts>>;
export type ScanFile = ClientOutput<typeof partyAdmissionRoutes.upload>;

/** 电子信息库: member import and export, the annual report, the document cabinet, the contact book. */
export const archiveApi = {
  template: () => http.download(partyArchiveRoutes.importTemplate.path, '党员导入模板.xlsx'),
  /** Starts an import job (202); poll `job` until it succeeds or fails. */
  startImport(file: File, dryRun: boolean): Promise<PartyImportJobVO> {
    const form = new FormData();
    form.append('dryRun', String(dryRun));
    form.append('file', file, file.name);
    return http.upload<PartyImportJobVO>(partyArchiveRoutes.startImport.path, form);
  },
  job: (id: string) => api(partyArchiveRoutes.importJob, { params: { id } }, { silent: true }),
  exportMembers: (orgId?: string) =>
    http.download(partyArchiveRoutes.exportMembers.path, '党员名册.xlsx', { query: orgId ? { orgId } : {} }),
  report: (year: number, orgId?: string) => api(partyArchiveRoutes.report, { query: { year, orgId } }),
  reportXlsx: (year: number, orgId?: string) =>
    http.download(partyArchiveRoutes.reportXlsx.path, `党员年度报表-${year}.xlsx`, {
      query: orgId ? { year, orgId } : { year },
    }),
  documents: (query: DocumentQuery) => api(partyArchiveRoutes.documents, { query }),
  createDocument: (body: DocumentCreateBody) => api(partyArchiveRoutes.createDocument, { body }, { silent: true }),
  updateDocument: (id: string, body: DocumentUpdateBody) =>
    api(partyArchiveRoutes.updateDocument, { params: { id }, body }, { silent: true }),
  deleteDocument: (id: string) => api(partyArchiveRoutes.deleteDocument, { params: { id } }),
  /** The file of a document (a PDF or a scan photo, `kind=document`), attached when the document is saved. */
  uploadDocumentFile: (file: File): Promise<ScanFile> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.upload<ScanFile>(partyAdmissionRoutes.upload.path, form, { query: { kind: 'document' } });
  },
  contacts: (query: ContactQuery) => api(partyArchiveRoutes.contacts, { query }),
};
