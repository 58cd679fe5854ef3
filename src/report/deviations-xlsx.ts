import ExcelJS from 'exceljs';
import type { AssessedStatus } from '../engine/score.js';
import { neutralise } from '../export/csv.js';
import { msg, type Lang } from '../ui/i18n.js';
import type { Block, GridCell } from './document.js';

/**
 * The deviation report as a workbook, from the same blocks as the Markdown and HTML: a summary
 * sheet (notice, summary lines, the legend of the colours) and one sheet per area with the
 * seeds' table, the way a board secretary pastes one area at a time into the protocol. Every
 * sheet starts with the confidentiality notice; the table's header row is frozen and repeated
 * on every printed page; status cells are filled and say their status in words.
 */

const FILL: Record<AssessedStatus, string> = { stor: 'FFF4B6B6', mellan: 'FFFDE9A9', enligt_plan: 'FFC8E6C9' };
const FONT = 'Calibri';
const FONT_SIZE = 10;
/** Points per line of wrapped 10 pt text. */
const LINE_HEIGHT = 13;
/** Excel's highest row. */
const MAX_ROW_HEIGHT = 409;
const NOTICE_FONT = { bold: true, color: { argb: 'FFC00000' } } as const;
/**
 * Characters of 10 pt Calibri running text per unit of column width (which counts the digit zero
 * of 11 pt Calibri): about 1.3 measured in LibreOffice; 1.2 leaves room for wider words and
 * fonts. Bold text is about an eighth wider.
 */
const CHARS_PER_WIDTH = 1.2;
const BOLD_WIDTH = 0.88;
const SUMMARY_WIDTHS = [24, 60, 60];

/**
 * How many lines a text takes in a column `width` units wide, wrapped at words. It errs on the
 * high side: a row a line too high is better than one that cuts its text off.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH * (bold ? BOLD_WIDTH : 1)) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = [...word].length;
      if (line === 0) line = length;
      else if (line + 1 + length <= perLine) line += 1 + length;
      else {
        count++;
        line = length;
      }
      while (line > perLine) {
        count++;
        line -= perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

const rowHeight = (lines: number): number => Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4);

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique regardless of case. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Område';
  let name = base;
  for (let n = 2; taken.has(name.toLocaleLowerCase('sv')); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  taken.add(name.toLocaleLowerCase('sv'));
  return name;
}

const cellText = (c: GridCell): string => (c.label === undefined ? c.text : c.text === '' ? c.label : `${c.label}\n${c.text}`);

function putGridCell(cell: ExcelJS.Cell, c: GridCell): void {
  if (c.label !== undefined) {
    cell.value = { richText: [{ text: c.label, font: { name: FONT, bold: true, size: FONT_SIZE } }, ...(c.text === '' ? [] : [{ text: `\n${neutralise(c.text)}`, font: { name: FONT, size: FONT_SIZE } }])] };
  } else {
    cell.value = neutralise(c.text);
    cell.font = { name: FONT, size: FONT_SIZE };
  }
  if (c.status !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[c.status] } };
  cell.alignment = { vertical: 'top', wrapText: true };
  cell.border = { top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } }, left: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
}

/** A line of text across the first `span` columns, wrapped, its height set from the text. */
function putLine(sheet: ExcelJS.Worksheet, text: string, widths: readonly number[], font: Partial<ExcelJS.Font> = {}): ExcelJS.Row {
  const row = sheet.addRow([neutralise(text)]);
  const span = widths.length;
  if (span > 1) sheet.mergeCells(row.number, 1, row.number, span);
  row.getCell(1).alignment = { vertical: 'top', wrapText: true };
  row.getCell(1).font = { name: FONT, size: FONT_SIZE, ...font };
  const size = font.size ?? FONT_SIZE;
  row.height = Math.min(MAX_ROW_HEIGHT, rowHeight(wrappedLines(text, widths.reduce((a, b) => a + b, 0) * (FONT_SIZE / size), font.bold === true)) * (size / FONT_SIZE));
  return row;
}

function putGrid(sheet: ExcelJS.Worksheet, b: Extract<Block, { kind: 'grid' }>, widths: readonly number[]): number {
  const header = sheet.addRow(b.head.map((h) => neutralise(h)));
  header.font = { name: FONT, bold: true, size: FONT_SIZE };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEAECEE' } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  header.height = rowHeight(Math.max(...b.head.map((h, i) => wrappedLines(h, widths[i] ?? 20, true))));
  for (const cells of b.rows) {
    const row = sheet.addRow([]);
    cells.forEach((c, i) => putGridCell(row.getCell(i + 1), c));
    row.height = rowHeight(Math.max(...cells.map((c, i) => wrappedLines(cellText(c), widths[i] ?? 20))));
  }
  return header.number;
}

function setupPrint(sheet: ExcelJS.Worksheet, headerRow?: number): void {
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  if (headerRow !== undefined) sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

export async function deviationXlsx(blocks: readonly Block[], lang: Lang, created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'efterlev';
  workbook.created = created;
  workbook.modified = created;
  const taken = new Set<string>();
  const notice = blocks.find((b) => b.kind === 'notice');
  const noticeText = notice?.kind === 'notice' ? notice.text : '';

  const summary = workbook.addWorksheet(sheetName(msg(lang).report_summary, taken));
  summary.columns = SUMMARY_WIDTHS.map((width) => ({ width }));
  setupPrint(summary);

  // An h2 and the subtitle after it head the next area sheet, if a grid of its own follows.
  let pending: Block[] = [];
  const flush = () => {
    for (const b of pending) putText(summary, b);
    pending = [];
  };
  const putText = (sheet: ExcelJS.Worksheet, b: Block) => {
    const widths = sheet === summary ? SUMMARY_WIDTHS : (sheet.columns ?? []).map((c) => c.width ?? 20);
    switch (b.kind) {
      case 'notice':
        putLine(sheet, b.text, widths, NOTICE_FONT);
        break;
      case 'title':
        putLine(sheet, b.text, widths, { bold: true, size: 14 });
        break;
      case 'h2':
        sheet.addRow([]);
        putLine(sheet, b.text, widths, { bold: true, size: 12 });
        break;
      case 'subtitle':
      case 'p':
        putLine(sheet, b.text, widths, b.kind === 'subtitle' ? { italic: true } : {});
        break;
      case 'list':
        for (const item of b.items) putLine(sheet, `• ${item}`, widths);
        break;
      default:
        break;
    }
  };

  for (const b of blocks) {
    if (b.kind === 'h2') {
      flush();
      pending = [b];
    } else if (b.kind === 'subtitle' && pending.length > 0) {
      pending.push(b);
    } else if (b.kind === 'grid' && b.sheet !== undefined) {
      const widths = b.widths ?? b.head.map(() => 24);
      const sheet = workbook.addWorksheet(sheetName(b.sheet, taken));
      sheet.columns = widths.map((width) => ({ width }));
      putLine(sheet, noticeText, widths, NOTICE_FONT);
      for (const p of pending) putLine(sheet, p.kind === 'h2' || p.kind === 'subtitle' ? p.text : '', widths, p.kind === 'h2' ? { bold: true, size: 12 } : { italic: true });
      pending = [];
      const headerRow = putGrid(sheet, b, widths);
      sheet.views = [{ state: 'frozen', ySplit: headerRow }];
      setupPrint(sheet, headerRow);
    } else if (b.kind === 'grid') {
      flush();
      summary.addRow([]);
      putGrid(summary, b, b.widths ?? SUMMARY_WIDTHS);
    } else {
      flush();
      putText(summary, b);
    }
  }
  flush();
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
