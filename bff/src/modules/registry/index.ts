/**
 * The registry module (#4): places (estates, buildings, units, houses), persons, households, tags,
 * visits and businesses. Other modules import from here only.
 */
export * from './entities';
export { applyPersonFilters, orderPersons } from './persons/person-filters';
export type { PersonFilters, PersonSortKey } from './persons/person-filters';
export { toPersonVO, ageOn, todayInShanghai } from './persons/person-view';
export * from './persons';
export * from './households';
export * from './tags';
export * from './visits';
export {
  ImportService,
  ExportService,
  ImportJobStore,
  EXAMPLE_MARK,
  writeTemplate,
  loadSheetGrid,
  readSheet,
  RowReader,
  RowErrors,
  cellText,
  labelLookup,
  writeXlsx,
  attachmentHeader,
  XLSX_MIME,
  personsByIdHash,
  newImportJob,
  runImportJobLater,
} from './transfer';
export type { SheetRow, CellValue, ColumnSpec, SheetColumn, CellOut } from './transfer';
