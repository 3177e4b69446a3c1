import * as ExcelJS from 'exceljs';
import { PassThrough } from 'stream';
import { neutraliseCell } from '../../../core/files/formula-injection';

export interface SheetColumn {
  header: string;
  width: number;
}

export type CellOut = string | number | null;

/**
 * Writes one sheet with exceljs's streaming writer (rows are committed as they come, so memory
 * holds the compressed output, not a model of every cell) and answers the finished file.
 * `fill` adds the rows; it may be async (rows come from the database in batches). Every text cell is
 * neutralised against formula injection here, so no export can write a live `=…` cell.
 */
export async function writeXlsx(
  sheetName: string,
  columns: readonly SheetColumn[],
  fill: (add: (values: CellOut[]) => void) => Promise<void>,
): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '智理';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  await fill((values) => ws.addRow(values.map(neutraliseCell)).commit());
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(parts);
}

/**
 * `Content-Disposition` for a download with a Chinese name: an ASCII fallback for old clients and
 * the UTF-8 name per RFC 5987/6266 (`filename*`), percent-encoding everything outside attr-char.
 */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
