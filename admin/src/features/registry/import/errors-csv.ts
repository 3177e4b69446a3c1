import type { ImportRowError } from '@zhili/shared';

function cell(value: string | number): string {
  const text = String(value);
  // Quote everything; a leading = + - @ would be read as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The error table as CSV (UTF-8 with BOM so Excel shows Chinese correctly). */
export function errorsToCsv(errors: readonly ImportRowError[]): Blob {
  const lines = [['行号', '列', '问题'].map(cell).join(',')];
  for (const e of errors) lines.push([e.row, e.column, e.message].map(cell).join(','));
  return new Blob(['\ufeff', lines.join('\r\n')], { type: 'text/csv;charset=utf-8' });
}
