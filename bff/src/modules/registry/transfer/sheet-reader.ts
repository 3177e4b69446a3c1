import { join } from 'path';
import { registryLimits } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { runWorkerTask } from '../../../core/files/worker-task';
import { EXAMPLE_MARK } from './columns';
import type { ColumnSpec } from './columns';
import type { CellValue, SheetGrid } from './sheet-cells';
import type { XlsxParseInput } from './xlsx-parse.worker';

export type { CellValue } from './sheet-cells';

/** One non-empty data row: its number as Excel shows it (header = 1) and its cells by column key. */
export interface SheetRow<K extends string = string> {
  row: number;
  cells: Record<K, CellValue>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Excel's own limit of characters in a cell; anything longer was not typed into a spreadsheet. */
const MAX_CELL_CHARS = 32_767;

/**
 * Limits of the parse worker. A 20,000-row template file needs ~150 MB of exceljs model at most;
 * parsing one takes a few seconds on a busy 2-core machine.
 */
const PARSE_LIMITS = { maxOldGenerationSizeMb: 384, timeoutMs: 60_000 };

const WORKER_FILE = join(__dirname, `xlsx-parse.worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);

/**
 * Reads the first sheet of an uploaded .xlsx off the main thread (zip guard, exceljs, size caps in
 * a memory-limited worker). A file that is no zip, is damaged or lacks a sheet is
 * IMPORT_FILE_INVALID; one beyond the limits is FILE_TOO_COMPLEX (413).
 */
export async function loadSheetGrid(buffer: Buffer): Promise<SheetGrid> {
  // .xlsx is a zip; checking the magic first turns CSV, .xls and random bytes away without a worker.
  if (buffer.length < 4 || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('IMPORT_FILE_INVALID');
  const input: XlsxParseInput = {
    task: 'xlsx-parse',
    buffer: new Uint8Array(buffer),
    maxRows: registryLimits.importRows.max,
    maxCellChars: MAX_CELL_CHARS,
    exampleMark: EXAMPLE_MARK,
  };
  return runWorkerTask<SheetGrid>(
    WORKER_FILE,
    input,
    PARSE_LIMITS,
    '文件过大或过于复杂，解析超出时间或内存上限，请拆分成较小的文件后再导入',
  );
}

/**
 * Reads the sheet against the template's columns: headers are matched by text (order does not
 * matter, unknown columns are ignored), rows blank in every template column are skipped (the
 * worker already dropped the example rows and enforced the row limit).
 */
export function readSheet<K extends string>(grid: SheetGrid, columns: readonly ColumnSpec<K>[]): SheetRow<K>[] {
  const positions = new Map<string, number>();
  grid.header.forEach((text, col) => {
    if (typeof text === 'string') positions.set(text.replace(/\s+/g, ''), col);
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.header)).map((c) => c.header);
  if (missing.length)
    throw new AppError('IMPORT_FILE_INVALID', `表头缺少必填列：${missing.join('、')}（请使用下载的模板）`);

  const rows: SheetRow<K>[] = [];
  for (const { row, cells: values } of grid.rows) {
    const cells = {} as Record<K, CellValue>;
    let empty = true;
    for (const c of columns) {
      const col = positions.get(c.header);
      const value = col === undefined ? null : (values[col] ?? null);
      cells[c.key] = value;
      if (value !== null) empty = false;
    }
    if (!empty) rows.push({ row, cells });
  }
  if (rows.length === 0) throw new AppError('IMPORT_FILE_INVALID', '文件中没有数据行');
  return rows;
}
