import { cellDate, cellList, cellText } from './cell-values';
import type { RowErrors } from './cell-values';
import type { ColumnSpec } from './columns';
import type { CellValue, SheetRow } from './sheet-reader';

/**
 * Reads the cells of one row with the column's rules (required, length, date, drop-down label),
 * recording each problem under the column's header. `failed` tells whether any did.
 */
export class RowReader<K extends string> {
  failed = false;
  private readonly headers: ReadonlyMap<K, string>;

  constructor(
    readonly sheetRow: SheetRow<K>,
    columns: readonly ColumnSpec<K>[],
    private readonly errors: RowErrors,
  ) {
    this.headers = new Map(columns.map((c) => [c.key, c.header]));
  }

  get row(): number {
    return this.sheetRow.row;
  }

  header(key: K): string {
    return this.headers.get(key) ?? key;
  }

  /** Records a problem of this row in column `key`. */
  fail(key: K, message: string): void {
    this.failed = true;
    this.errors.add(this.row, this.header(key), message);
  }

  raw(key: K): CellValue {
    return this.sheetRow.cells[key];
  }

  /** Trimmed text; null when blank (an error when required); an error when longer than `max`. */
  text(key: K, max: number, required = false): string | null {
    const value = cellText(this.raw(key));
    if (value === null) {
      if (required) this.fail(key, '必填');
      return null;
    }
    if (Array.from(value).length > max) {
      this.fail(key, `不能超过 ${max} 个字`);
      return null;
    }
    return value;
  }

  /** YYYY-MM-DD or null; an unreadable date is an error. */
  date(key: K): string | null {
    const value = this.raw(key);
    if (value === null) return null;
    const day = cellDate(value);
    if (!day) this.fail(key, '日期格式应为 YYYY-MM-DD');
    return day;
  }

  /** The stored value of a drop-down label (`男` → `male`); null when blank (error when required). */
  choice<V extends string>(key: K, lookup: ReadonlyMap<string, V>, required = false): V | null {
    const label = cellText(this.raw(key));
    if (label === null) {
      if (required) this.fail(key, '必填');
      return null;
    }
    const value = lookup.get(label);
    if (!value) this.fail(key, `应为 ${[...lookup.keys()].join('/')} 之一`);
    return value ?? null;
  }

  list(key: K): string[] {
    return cellList(this.raw(key));
  }
}
