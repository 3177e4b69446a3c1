import type { ImportRowError } from '@zhili/shared';
import type { CellValue } from './sheet-reader';

/** At most this many errors are listed in a job; the rest are only counted. */
export const MAX_LISTED_ERRORS = 500;

/** Collects row-level problems of a file (all of them are counted, the first 500 kept). */
export class RowErrors {
  readonly list: ImportRowError[] = [];
  count = 0;

  add(row: number, column: string, message: string): void {
    this.count += 1;
    if (this.list.length < MAX_LISTED_ERRORS) this.list.push({ row, column, message });
  }
}

/** The text of a cell (numbers as written, dates as YYYY-MM-DD), null when blank. */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return value;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar date from a cell: an Excel date (exceljs gives UTC midnight), an Excel serial number, or
 * text as `2024-03-07`, `2024/3/7`, `2024.3.7`, `20240307` or `2024年3月7日`. null when unreadable.
 */
export function cellDate(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (value < 1 || value > 2958465) return null;
    return new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return isoDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return parts ? isoDay(Number(parts[1]), Number(parts[2]), Number(parts[3])) : null;
}

/** Splits a list cell (`独居老人、低保户`, `a,b`, `a，b`, `a;b`) into trimmed, distinct items. */
export function cellList(value: CellValue): string[] {
  const text = cellText(value);
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(/[、,，;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
