/** Excel import/export of persons and households (`/api/admin/registry/imports|exports`). */
export { ImportService } from './import.service';
export type { ImportUpload } from './import.service';
export { ExportService } from './export.service';
export { ImportJobStore, IMPORT_JOB_TTL_SEC } from './import-job.store';
export { buildTemplate } from './template';
export { personColumns, householdColumns, EXAMPLE_MARK } from './columns';
