/** Excel import/export of persons and households (`/api/admin/registry/imports|exports`). */
export { ImportService } from './import.service';
export type { ImportUpload } from './import.service';
export { ExportService } from './export.service';
export { ImportJobStore, IMPORT_JOB_TTL_SEC } from './import-job.store';
export { buildTemplate, writeTemplate } from './template';
export { personColumns, householdColumns, EXAMPLE_MARK } from './columns';
// Generic pieces of the import/export engine, for other modules' Excel files (party members).
export { loadSheetGrid, readSheet } from './sheet-reader';
export type { SheetRow, CellValue } from './sheet-reader';
export { RowReader } from './row-reader';
export { RowErrors, cellText } from './cell-values';
export type { ColumnSpec } from './columns';
export { labelLookup } from './columns';
export { writeXlsx, attachmentHeader, XLSX_MIME } from './xlsx-writer';
export type { SheetColumn, CellOut } from './xlsx-writer';
export { personsByIdHash } from './import-lookups';
export { newImportJob, runImportJobLater } from './import-job-runner';
export type { CheckedImport, ImportJobSteps } from './import-job-runner';
