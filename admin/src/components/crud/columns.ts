/**
 * Column schema of `CrudListPage`: layout and header of an `el-table-column`. A cell shows
 * `text(row)`, else the row's `key` property, else `—`; the page's `#cell-<key>` slot (typed with the
 * row) replaces it where a cell needs markup.
 */
export interface CrudColumn<T> {
  key: string;
  label: string;
  width?: number;
  minWidth?: number;
  align?: 'left' | 'center' | 'right';
  /** Stays in view while the table scrolls sideways. */
  fixed?: 'left' | 'right';
  /** Server-side sort by this column's key (see `useCrudList().setSort`). */
  sortable?: boolean;
  /** Long text: one line with a tooltip. */
  ellipsis?: boolean;
  text?: (row: T) => string | number | null | undefined;
}

/** The plain text of a cell: the formatter's, else the property's, else an em dash. */
export function cellText<T>(column: CrudColumn<T>, row: T): string {
  const value = column.text ? column.text(row) : (row as Record<string, unknown>)[column.key];
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '—';
}
