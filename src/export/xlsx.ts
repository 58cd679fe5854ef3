import ExcelJS from 'exceljs';
import type { Action } from '../plan/actions.js';
import type { Lang } from '../ui/i18n.js';
import { STATUS_LABEL } from '../ui/actions.js';
import { ACTION_STATUSES } from '../plan/schema.js';
import { COLUMNS, SUMMARY_HEADERS, summaryCells, type SummaryRow } from './columns.js';
import { neutralise } from './csv.js';

const PRIORITY_FILL: Record<number, string> = { 1: 'FFF4B6B6', 2: 'FFF9D3C0', 3: 'FFFDF1C2', 4: 'FFDDEBF7' };

const textCell = (v: string | number | boolean | null): string | number | null =>
  typeof v === 'number' ? v : v === null ? null : neutralise(v);

/** The handlingsplan workbook: an actions sheet people edit and filter, and a summary sheet. */
export async function handlingsplanXlsx(year: number, notice: string, actions: readonly Action[], summary: readonly SummaryRow[], lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'efterlev';
  workbook.created = new Date(Date.UTC(year, 11, 31));

  const sheet = workbook.addWorksheet(lang === 'sv' ? 'Handlingsplan' : 'Action plan', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.addRow([notice]);
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getRow(1).font = { bold: true, color: { argb: 'FFC00000' } };
  const header = sheet.addRow(COLUMNS.map((c) => c.header[lang]));
  header.font = { bold: true };
  const statusColumn = COLUMNS.findIndex((c) => c.key === 'status') + 1;
  const statusList = `"${ACTION_STATUSES.map((s) => STATUS_LABEL[s]).join(',')}"`;
  for (const a of actions) {
    const row = sheet.addRow(
      COLUMNS.map((c) => {
        const v = c.value(a, lang);
        if (c.date && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
        if (typeof v === 'boolean') return v;
        return textCell(v);
      }),
    );
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PRIORITY_FILL[a.priority]! } };
    row.getCell(statusColumn).dataValidation = { type: 'list', allowBlank: false, formulae: [statusList] };
  }
  COLUMNS.forEach((c, i) => {
    if (c.date) sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + actions.length, column: COLUMNS.length } };

  const sum = workbook.addWorksheet(lang === 'sv' ? 'Sammanfattning' : 'Summary', { views: [{ state: 'frozen', ySplit: 2 }] });
  sum.addRow([notice]).font = { bold: true, color: { argb: 'FFC00000' } };
  sum.addRow(SUMMARY_HEADERS.map((h) => h[lang])).font = { bold: true };
  for (const r of summary) sum.addRow(summaryCells(r).map((v) => (typeof v === 'boolean' ? v : textCell(v))));
  sum.columns.forEach((col, i) => (col.width = i < 2 ? 34 : 14));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
