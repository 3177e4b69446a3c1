import type * as ExcelJS from 'exceljs';

/**
 * Cell values as the import reads them. Kept free of framework and `@zhili/shared` imports: the
 * xlsx parse worker loads this file on its own.
 */

/** A cell as the row parsers see it: text (trimmed), a date, a number, or empty. */
export type CellValue = string | number | Date | null;

/** The first worksheet of an upload, as the parse worker hands it over (structured-clone safe). */
export interface SheetGrid {
  /** Row 1 by column index (0 = column A). */
  header: CellValue[];
  /** Non-empty rows below the header, without the template's example rows. */
  rows: { row: number; cells: CellValue[] }[];
}

/** Flattens exceljs's cell value variants (rich text, formulas, hyperlinks) into a CellValue. */
export function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  if ('richText' in value)
    return (
      value.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('formula' in value || 'sharedFormula' in value)
    return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return plainCell((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}
