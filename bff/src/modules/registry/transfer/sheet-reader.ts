import * as ExcelJS from 'exceljs';
import { registryLimits } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { EXAMPLE_MARK } from './columns';
import type { ColumnSpec } from './columns';

/** A cell as the row parsers see it: text (trimmed), a date, a number, or empty. */
export type CellValue = string | number | Date | null;

/** One non-empty data row: its number as Excel shows it (header = 1) and its cells by column key. */
export interface SheetRow<K extends string = string> {
  row: number;
  cells: Record<K, CellValue>;
}

/** Flattens exceljs's cell value variants (rich text, formulas, hyperlinks) into a CellValue. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim() || null;
  if ('formula' in value || 'sharedFormula' in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return plain((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Loads an .xlsx; anything else (or a damaged file) is IMPORT_FILE_INVALID. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  // .xlsx is a zip; checking the magic first turns CSV, .xls and random bytes away cheaply.
  if (buffer.length < 4 || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('IMPORT_FILE_INVALID');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID');
  }
  if (!wb.worksheets[0]) throw new AppError('IMPORT_FILE_INVALID');
  return wb;
}

/**
 * Reads the first sheet against the template's columns: headers are matched by text (order does not
 * matter, unknown columns are ignored), blank rows and the template's example row are skipped.
 * Refuses a sheet lacking a required column or holding more rows than an import may.
 */
export function readSheet<K extends string>(wb: ExcelJS.Workbook, columns: readonly ColumnSpec<K>[]): SheetRow<K>[] {
  const ws = wb.worksheets[0];
  const positions = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = plain(cell.value);
    if (typeof text === 'string') positions.set(text.replace(/\s+/g, ''), col);
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.header)).map((c) => c.header);
  if (missing.length) throw new AppError('IMPORT_FILE_INVALID', `表头缺少必填列：${missing.join('、')}（请使用下载的模板）`);

  const rows: SheetRow<K>[] = [];
  const max = registryLimits.importRows.max;
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = {} as Record<K, CellValue>;
    let empty = true;
    let example = false;
    for (const c of columns) {
      const col = positions.get(c.header);
      const value = col ? plain(row.getCell(col).value) : null;
      cells[c.key] = value;
      if (value !== null) empty = false;
      if (value === EXAMPLE_MARK) example = true;
    }
    if (empty || example) return;
    rows.push({ row: rowNumber, cells });
    if (rows.length > max) throw new AppError('IMPORT_FILE_INVALID', `单个文件最多 ${max} 行，请拆分后再导入`);
  });
  if (rows.length === 0) throw new AppError('IMPORT_FILE_INVALID', '文件中没有数据行');
  return rows;
}
