import * as ExcelJS from 'exceljs';
import { idNumberCheckChar, registryLimits } from '@zhili/shared';
import type { ImportKind } from '@zhili/shared';
import { neutraliseCell } from '../../../core/files/formula-injection';
import { columnsOf, EXAMPLE_MARK, NOTES_SHEET, sheetNames } from './columns';
import type { ColumnSpec } from './columns';

/** exceljs implements worksheet.dataValidations but its typings leave it out. */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

const exampleId = (first17: string) => first17 + idNumberCheckChar(first17);

/** Placeholder when the caller's scope holds no region yet. */
const NO_REGION = '（本人管辖范围内区域的完整路径）';

/**
 * The example row of each template (synthetic ID number with a correct check digit). `region` is a
 * real region of the caller's scope written as the export writes it, so the row passes a dry run
 * as it stands once its 示例 mark is removed. The household example names no head: a head must
 * already be registered, which a fresh template cannot assume.
 */
function exampleOf(kind: ImportKind, region: string | null): Record<string, string> {
  const regionText = region ?? NO_REGION;
  const village = (region ?? '').split('/').slice(-2, -1)[0];
  const place = village ? `${village} 12 号` : '12 号';
  if (kind === 'persons') {
    return {
      name: '张三',
      idNumber: exampleId('11010119600307123'),
      gender: '男',
      birthDate: '1960-03-07',
      phone: '13800138000',
      hukouType: '户籍',
      hukouAddress: place,
      address: place,
      region: regionText,
      householdCode: 'SL-001',
      relationToHead: '户主',
      tags: '独居老人、低保户',
      origin: '',
      arrivalDate: '',
      permitStatus: '',
      note: EXAMPLE_MARK,
    };
  }
  return {
    code: 'SL-002',
    type: '常住户',
    region: regionText,
    headName: '',
    headIdNumber: '',
    address: place,
    landNote: EXAMPLE_MARK,
  };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

function addDataSheet(
  wb: ExcelJS.Workbook,
  sheetName: string,
  columns: readonly ColumnSpec[],
  example: Record<string, string> | null,
  maxRows: number,
): void {
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.font = c.required ? REQUIRED_FONT : { bold: true };
    cell.note = c.note;
  });
  if (example) {
    const row = ws.addRow(
      Object.fromEntries(Object.entries(example).map(([key, value]) => [key, neutraliseCell(value)])),
    );
    row.font = { italic: true, color: { argb: 'FF808080' } };
  }
  // Drop-downs on every row a file may hold (one range per column keeps the file small).
  const lastRow = maxRows + 1;
  const validations = (ws as unknown as WithValidations).dataValidations;
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${c.list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `请从下拉列表中选择：${c.list.join('、')}`,
    });
  });
}

function addNotesSheet(wb: ExcelJS.Workbook, columns: readonly ColumnSpec[], maxRows: number, maxBytes: number): void {
  const ws = wb.addWorksheet(NOTES_SHEET);
  ws.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'note', width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of columns) ws.addRow({ header: c.header, required: c.required ? '必填' : '选填', note: c.note });
  ws.addRow({});
  const general = [
    `第一个工作表为数据表，表头（第 1 行）请勿修改；每个文件最多 ${maxRows} 行、${maxBytes / 1024 / 1024} MB。`,
    `第 2 行为示例（备注或说明列为“${EXAMPLE_MARK}”），导入时自动跳过，可删除。`,
    '建议先“试导入”检查错误；正式导入时只要有一行出错，整个文件都不会写入。',
  ];
  for (const text of general) ws.addRow({ header: '', required: '', note: text });
}

/**
 * Builds the import template of `kind`: data sheet with drop-downs and an example row in `region`
 * (full name path from the town, see exampleRegionPath), plus notes.
 */
export async function buildTemplate(kind: ImportKind, region: string | null): Promise<Buffer> {
  return writeTemplate(sheetNames[kind], columnsOf(kind), exampleOf(kind, region), {
    maxRows: registryLimits.importRows.max,
    maxBytes: registryLimits.importBytes.max,
  });
}

/**
 * Any importer's template: a data sheet (headers marked required or not, with notes and in-cell
 * drop-downs), an optional example row whose cells include EXAMPLE_MARK, and the notes sheet.
 */
export async function writeTemplate(
  sheetName: string,
  columns: readonly ColumnSpec[],
  example: Record<string, string> | null,
  limits: { maxRows: number; maxBytes: number },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智理';
  addDataSheet(wb, sheetName, columns, example, limits.maxRows);
  addNotesSheet(wb, columns, limits.maxRows, limits.maxBytes);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
