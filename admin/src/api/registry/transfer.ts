import type { ImportJobVO, ImportKind } from '@zhili/shared';
import { http, type QueryValue } from '../http';
import { ADMIN, flatQuery, seg } from './query';
import { authorizedFetch, downloadFile } from './raw-fetch';
import type { PersonFilterQuery } from './persons';
import type { HouseholdFilterQuery } from './households';

function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Excel import (dry run, then commit) and masked, audited export. */
export const transferApi = {
  /** Starts an import job (202); poll `job` until it succeeds or fails. */
  async startImport(file: File, kind: ImportKind, dryRun: boolean): Promise<ImportJobVO> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('dryRun', String(dryRun));
    form.append('file', file, file.name);
    const res = await authorizedFetch(`${ADMIN}/registry/imports`, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
    const body = (await res.json()) as { data: ImportJobVO };
    return body.data;
  },
  job: (id: string) => http.get<ImportJobVO>(`${ADMIN}/registry/imports/${seg(id)}`, { silent: true }),
  template: (kind: ImportKind) =>
    downloadFile(withQuery(`${ADMIN}/registry/imports/template`, { kind }), kind === 'persons' ? '人口导入模板.xlsx' : '户导入模板.xlsx'),
  exportPersons: (filters: PersonFilterQuery) =>
    downloadFile(withQuery(`${ADMIN}/registry/exports/persons`, flatQuery(filters)), '人口信息.xlsx'),
  exportHouseholds: (filters: HouseholdFilterQuery) =>
    downloadFile(withQuery(`${ADMIN}/registry/exports/households`, filters), '户信息.xlsx'),
};
