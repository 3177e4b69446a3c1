import * as ExcelJS from 'exceljs';
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { checkZip, XLSX_ZIP_LIMITS, ZipRefusedError } from '../../../core/files/zip-guard';
import type { WorkerReply } from '../../../core/files/worker-task';
import { plainCell } from './sheet-cells';
import type { CellValue, SheetGrid } from './sheet-cells';

/**
 * Worker thread that turns an uploaded .xlsx into a {@link SheetGrid}: zip guard first, then
 * exceljs, then the first sheet flattened with the size caps. Started by `parseXlsxGrid` only; the
 * main thread never parses a workbook. Imports nothing that needs the application (or the
 * `@zhili/shared` path mapping, except as types): it runs in a bare Node thread.
 */
export interface XlsxParseInput {
  task: 'xlsx-parse';
  buffer: Uint8Array;
  /** Data rows a file may hold (registryLimits.importRows.max). */
  maxRows: number;
  /** Characters one cell may hold (Excel's own maximum is 32,767). */
  maxCellChars: number;
  /** Rows holding a cell with exactly this text are the template's examples and are dropped. */
  exampleMark: string;
}

class Refusal extends Error {
  constructor(
    readonly code: 'IMPORT_FILE_INVALID' | 'FILE_TOO_COMPLEX',
    message: string,
  ) {
    super(message);
  }
}

function gridOf(ws: ExcelJS.Worksheet, input: XlsxParseInput): SheetGrid {
  const header: CellValue[] = [];
  const rows: SheetGrid['rows'] = [];
  ws.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    let empty = true;
    let example = false;
    row.eachCell((cell, col) => {
      const value = plainCell(cell.value);
      if (typeof value === 'string' && value.length > input.maxCellChars) {
        throw new Refusal(
          'FILE_TOO_COMPLEX',
          `第 ${rowNumber} 行有单元格超过 ${input.maxCellChars} 个字符，已拒绝处理`,
        );
      }
      cells[col - 1] = value;
      if (value !== null) empty = false;
      if (value === input.exampleMark) example = true;
    });
    if (rowNumber === 1) {
      header.push(...Array.from(cells, (v) => v ?? null));
      return;
    }
    if (empty || example) return;
    rows.push({ row: rowNumber, cells: Array.from(cells, (v) => v ?? null) });
    if (rows.length > input.maxRows)
      throw new Refusal('IMPORT_FILE_INVALID', `单个文件最多 ${input.maxRows} 行，请拆分后再导入`);
  });
  return { header, rows };
}

async function parse(input: XlsxParseInput): Promise<SheetGrid> {
  const buffer = Buffer.from(input.buffer.buffer, input.buffer.byteOffset, input.buffer.byteLength);
  try {
    await checkZip(buffer, XLSX_ZIP_LIMITS);
  } catch (err) {
    if (!(err instanceof ZipRefusedError)) throw err;
    if (err.reason === 'corrupt')
      throw new Refusal('IMPORT_FILE_INVALID', '文件无法读取：请使用下载的 Excel 模板（.xlsx）');
    if (err.reason === 'encrypted')
      throw new Refusal('IMPORT_FILE_INVALID', '文件已加密，请另存为不加密的 .xlsx 后再导入');
    throw new Refusal('FILE_TOO_COMPLEX', `${err.message}，已拒绝处理`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new Refusal('IMPORT_FILE_INVALID', '文件无法读取：请使用下载的 Excel 模板（.xlsx）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Refusal('IMPORT_FILE_INVALID', '文件中没有工作表');
  return gridOf(ws, input);
}

if (!isMainThread && parentPort && (workerData as XlsxParseInput | undefined)?.task === 'xlsx-parse') {
  const port = parentPort;
  parse(workerData as XlsxParseInput).then(
    (value) => port.postMessage({ ok: true, value } satisfies WorkerReply<SheetGrid>),
    (err: unknown) => {
      // A refusal is the file's fault (4xx); anything else is rethrown and ends the worker with an error (500).
      if (!(err instanceof Refusal)) throw err;
      port.postMessage({ ok: false, code: err.code, message: err.message } satisfies WorkerReply<SheetGrid>);
    },
  );
}
