import { transferRoutes } from '@zhili/shared';
import type { ImportJobVO, ImportKind } from '@zhili/shared';
import { api } from '../contract-client';
import { http } from '../http';
import { flatQuery } from './query';
import type { PersonFilterQuery } from './persons';
import type { HouseholdFilterQuery } from './households';

/**
 * Excel import (dry run, then commit) and masked, audited export. Uploads and downloads go through
 * the request client's file helpers; their paths come from the contract's routes.
 */
export const transferApi = {
  /** Starts an import job (202); poll `job` until it succeeds or fails. */
  startImport(file: File, kind: ImportKind, dryRun: boolean): Promise<ImportJobVO> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('dryRun', String(dryRun));
    form.append('file', file, file.name);
    return http.upload<ImportJobVO>(transferRoutes.startImport.path, form);
  },
  job: (id: string) => api(transferRoutes.job, { params: { id } }, { silent: true }),
  template: (kind: ImportKind) =>
    http.download(transferRoutes.template.path, kind === 'persons' ? '人口导入模板.xlsx' : '户导入模板.xlsx', {
      query: { kind },
    }),
  exportPersons: (filters: PersonFilterQuery) =>
    http.download(transferRoutes.exportPersons.path, '人口信息.xlsx', { query: flatQuery(filters) }),
  exportHouseholds: (filters: HouseholdFilterQuery) =>
    http.download(transferRoutes.exportHouseholds.path, '户信息.xlsx', { query: { ...filters } }),
};
