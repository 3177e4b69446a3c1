import type { ImportJobVO, ImportKind } from '@zhili/shared';
import { http } from '../http';
import { ADMIN, flatQuery, seg } from './query';
import type { PersonFilterQuery } from './persons';
import type { HouseholdFilterQuery } from './households';

/** Excel import (dry run, then commit) and masked, audited export. */
export const transferApi = {
  /** Starts an import job (202); poll `job` until it succeeds or fails. */
  startImport(file: File, kind: ImportKind, dryRun: boolean): Promise<ImportJobVO> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('dryRun', String(dryRun));
    form.append('file', file, file.name);
    return http.upload<ImportJobVO>(`${ADMIN}/registry/imports`, form);
  },
  job: (id: string) => http.get<ImportJobVO>(`${ADMIN}/registry/imports/${seg(id)}`, { silent: true }),
  template: (kind: ImportKind) =>
    http.download(`${ADMIN}/registry/imports/template`, kind === 'persons' ? '人口导入模板.xlsx' : '户导入模板.xlsx', {
      query: { kind },
    }),
  exportPersons: (filters: PersonFilterQuery) =>
    http.download(`${ADMIN}/registry/exports/persons`, '人口信息.xlsx', { query: flatQuery(filters) }),
  exportHouseholds: (filters: HouseholdFilterQuery) =>
    http.download(`${ADMIN}/registry/exports/households`, '户信息.xlsx', { query: { ...filters } }),
};
