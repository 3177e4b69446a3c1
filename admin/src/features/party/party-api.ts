import { partyAdmissionRoutes, partyMemberRoutes, partyOrgRoutes } from '@zhili/shared';
import type { ClientInput, ClientOutput } from '@zhili/shared';
import { api } from '@/api/contract-client';
import { http } from '@/api/http';

type Body<R> = R extends { body: infer B } ? B : never;
type Query<R> = R extends { query?: infer Q } ? NonNullable<Q> : never;

export type OrgCreateBody = Body<ClientInput<typeof partyOrgRoutes.create>>;
export type OrgUpdateBody = Body<ClientInput<typeof partyOrgRoutes.update>>;
export type TermBody = Body<ClientInput<typeof partyOrgRoutes.term>>;
export type MergeBody = Body<ClientInput<typeof partyOrgRoutes.merge>>;
export type DissolveBody = Body<ClientInput<typeof partyOrgRoutes.dissolve>>;
export type MemberQuery = Query<ClientInput<typeof partyMemberRoutes.list>>;
export type MemberCreateBody = Body<ClientInput<typeof partyMemberRoutes.create>>;
export type MemberActBody = Body<ClientInput<typeof partyMemberRoutes.act>>;
export type AdmissionQuery = Query<ClientInput<typeof partyAdmissionRoutes.list>>;
export type AdmissionCreateBody = Body<ClientInput<typeof partyAdmissionRoutes.create>>;
export type AdmissionActBody = Body<ClientInput<typeof partyAdmissionRoutes.act>>;
export type UploadedFile = ClientOutput<typeof partyAdmissionRoutes.upload>;

/** 党组织. Writes are silent: their dialogs show the errors at the fields or above the form. */
export const orgsApi = {
  tree: (includeClosed = false) => api(partyOrgRoutes.tree, { query: { includeClosed } }),
  get: (id: string) => api(partyOrgRoutes.get, { params: { id } }),
  create: (body: OrgCreateBody) => api(partyOrgRoutes.create, { body }, { silent: true }),
  update: (id: string, body: OrgUpdateBody) => api(partyOrgRoutes.update, { params: { id }, body }, { silent: true }),
  term: (id: string, body: TermBody) => api(partyOrgRoutes.term, { params: { id }, body }, { silent: true }),
  merge: (id: string, body: MergeBody) => api(partyOrgRoutes.merge, { params: { id }, body }, { silent: true }),
  dissolve: (id: string, body: DissolveBody) =>
    api(partyOrgRoutes.dissolve, { params: { id }, body }, { silent: true }),
  assignStaff: (id: string, staffUserId: string) =>
    api(partyOrgRoutes.assignStaff, { params: { id }, body: { staffUserId } }, { silent: true }),
  removeStaff: (id: string, staffUserId: string) => api(partyOrgRoutes.removeStaff, { params: { id, staffUserId } }),
};

/** 党员档案. */
export const membersApi = {
  list: (query: MemberQuery) => api(partyMemberRoutes.list, { query }),
  get: (id: string) => api(partyMemberRoutes.get, { params: { id } }),
  create: (body: MemberCreateBody) => api(partyMemberRoutes.create, { body }, { silent: true }),
  act: (id: string, body: MemberActBody) => api(partyMemberRoutes.act, { params: { id }, body }, { silent: true }),
  /** Unmasked phone and ID number (audited). */
  pii: (id: string) => api(partyMemberRoutes.pii, { params: { id } }),
  /** Registry persons of the caller's region (masked), with their member file or admission. */
  persons: (q: string) => api(partyMemberRoutes.persons, { query: { q } }),
};

/** 发展党员. */
export const admissionsApi = {
  list: (query: AdmissionQuery) => api(partyAdmissionRoutes.list, { query }),
  summary: () => api(partyAdmissionRoutes.summary, {}),
  get: (id: string) => api(partyAdmissionRoutes.get, { params: { id } }),
  create: (body: AdmissionCreateBody) => api(partyAdmissionRoutes.create, { body }, { silent: true }),
  act: (id: string, body: AdmissionActBody) =>
    api(partyAdmissionRoutes.act, { params: { id }, body }, { silent: true }),
  /** A photo of a paper (multipart `file`), attached when the step is recorded. */
  upload: (file: File): Promise<UploadedFile> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.upload<UploadedFile>(partyAdmissionRoutes.upload.path, form);
  },
};
