import { once } from 'node:events';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Action } from '../plan/actions.js';
import type { Status } from '../engine/score.js';
import { msg, type Lang } from '../ui/i18n.js';
import { actionStatusLabel } from '../ui/actions.js';
import { ACTION_STATUSES } from '../plan/schema.js';
import { COLUMNS, SUMMARY_HEADERS, summaryCells, type Cell, type Names, type SummaryRow } from './columns.js';
import { neutralise } from './csv.js';

const PRIORITY_FILL: Record<number, string> = { 1: 'FFF4B6B6', 2: 'FFF9D3C0', 3: 'FFFDF1C2', 4: 'FFDDEBF7' };

/** The seeds' status colours (green, yellow, red) as fill and text; ej bedömd has none. */
const STATUS_STYLE: Record<Status, { fill: string; font: string } | undefined> = {
  enligt_plan: { fill: 'FFC6EFCE', font: 'FF006100' },
  mellan: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  stor: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  ej_bedomd: undefined,
};

/**
 * The workbook's font, named on every styled cell: a font without a name is shown in the
 * program's own default (LibreOffice: a wide serif), which the widths and heights are not made for.
 */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const;

/** A row of one line of Calibri 11, in points. */
export const LINE_HEIGHT = 15;
/** Excel's highest row: 409 points. */
const MAX_LINES = Math.floor(409 / LINE_HEIGHT);

const textCell = (v: Cell): string | number | null => (typeof v === 'number' ? v : v === null ? null : neutralise(v));

/**
 * Characters of running text per unit of column width. A unit is the width of a digit; Calibri
 * (and Carlito, LibreOffice's stand-in) sets Swedish text at about 1.3 characters per unit,
 * measured in LibreOffice. 1.15 leaves room for capitals, digits and the cell's padding, so the
 * estimate errs on the tall side: a cut-off line is worse than a little space.
 */
const CHARS_PER_UNIT = 1.15;

/**
 * How many lines a text takes when wrapped in a column `width` units wide: word by word, as
 * Excel and LibreOffice wrap, a word longer than a line on lines of its own. Bold is a tenth wider.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor((width * CHARS_PER_UNIT) / (bold ? 1.1 : 1)));
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (used > 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++;
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    }
  }
  return lines;
}

/** A row's height in points: the most lines any of its cells wraps to, at LINE_HEIGHT each. */
export function rowHeight(cells: readonly (string | number | null)[], widths: readonly number[], bold = false): number {
  const lines = cells.reduce<number>((most, cell, i) => Math.max(most, cell === null ? 1 : wrappedLines(String(cell), widths[i] ?? 10, bold)), 1);
  return Math.min(lines, MAX_LINES) * LINE_HEIGHT;
}

/** A column wide enough that every word of its heading reads on a line, in bold, with room to spare. */
export function columnWidth(width: number, header: string): number {
  const longest = Math.max(...header.split(/\s+/).map((w) => w.length));
  return Math.max(width, Math.ceil(longest * 1.1) + 2);
}

/** "A" for 1, "X" for 24, "AA" for 27. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
}

/** A page header's text taken literally: & starts a code in Excel's header language. */
const headerText = (text: string): string => text.replace(/&/g, '&&');

/**
 * Printing: A4 landscape, one page wide and as many long as it takes, the heading row on every
 * page, and the page header marking every page as confidential with its number. Given when the
 * sheet is added: the streaming writer writes the sheet's properties (fit to page) first.
 */
function printOptions(title: string, lang: Lang): Pick<Partial<ExcelJS.Worksheet>, 'pageSetup' | 'headerFooter'> {
  const header = msg(lang).x_printHeader(headerText(title));
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.5, header: 0.3, footer: 0.3 },
    } as ExcelJS.PageSetup,
    headerFooter: { differentOddEven: false, differentFirst: false, oddHeader: header, evenHeader: header } as ExcelJS.HeaderFooter,
  };
}

/** The columns that hold only numbers (and blanks): their headings stand right, over the numbers. */
export function numberColumns(rows: Iterable<readonly (string | number | null)[]>, columns: number): boolean[] {
  const some = Array.from({ length: columns }, () => false);
  const every = Array.from({ length: columns }, () => true);
  for (const r of rows) {
    for (let i = 0; i < columns; i++) {
      const v = r[i] ?? null;
      if (typeof v === 'number') some[i] = true;
      else if (v !== null) every[i] = false;
    }
  }
  return some.map((s, i) => s && every[i]!);
}

/**
 * The heading row: bold, wrapped, tall enough for its longest heading, every word on a line,
 * right-aligned over numbers. Row 1 is the confidentiality notice across the sheet. The column
 * formats (dates, one decimal) are the columns' own styles, set before any row is written.
 */
function writeHeading(sheet: ExcelJS.Worksheet, notice: string, headers: readonly string[], widths: readonly number[], numbers: readonly boolean[], formats: readonly (string | undefined)[]): void {
  sheet.columns = widths.map((width, i) => ({ width, ...(formats[i] !== undefined ? { style: { numFmt: formats[i] } } : {}) }));
  const top = sheet.addRow([neutralise(notice)]);
  top.font = { ...FONT, bold: true, color: { argb: 'FFC00000' } };
  sheet.mergeCells(1, 1, 1, headers.length);
  const row = sheet.addRow([...headers]);
  row.font = { ...FONT, bold: true };
  row.alignment = { vertical: 'top', wrapText: true };
  row.height = rowHeight(headers, widths, true);
  numbers.forEach((n, i) => {
    if (n) row.getCell(i + 1).alignment = { vertical: 'top', horizontal: 'right', wrapText: true };
  });
  top.commit();
  row.commit();
}

type DefinedName = { name: string; ranges: string[]; localSheetId?: number };

/**
 * LibreOffice shows filter buttons only for a range named by the sheet-local defined name
 * _xlnm._FilterDatabase, as Excel writes it; exceljs writes the sheet's autoFilter without it
 * (exceljs issue #2778), and its DefinedNames cannot hold a sheet-local name. The streaming
 * writer renders workbook.xml from `_definedNames.model` (and adds the print titles to it), so
 * the name is added to that model, local to the sheet (its index in the workbook).
 */
function addFilterDatabase(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheetIndex: number, range: string): void {
  const book = workbook as unknown as { _definedNames: { model: DefinedName[] } };
  const names = book._definedNames;
  book._definedNames = {
    get model() {
      return [...names.model, { name: '_xlnm._FilterDatabase', ranges: [range], localSheetId: sheetIndex }];
    },
  } as typeof names;
}

/** A sheet name as a formula names it: quoted, a quote in it doubled. */
const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function statusValidation(lang: Lang): ExcelJS.DataValidation {
  const labels = ACTION_STATUSES.map((s) => actionStatusLabel(s, lang));
  const listed = `${labels.slice(0, -1).join(', ')} ${msg(lang).orWord} ${labels.at(-1)}`;
  return {
    type: 'list',
    allowBlank: false,
    formulae: [`"${labels.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: msg(lang).x_invalidStatus,
    error: msg(lang).x_statusIsOneOf(listed),
  };
}

/**
 * The actions sheet people edit, filter and print: one row per action, sized to its text. Each
 * row is made, written and let go: a city's 60,000 actions never stand in memory as rows.
 */
/**
 * Waits until the zip stream has taken the sheet's rows so far. exceljs's streaming writer hands
 * each committed row to the compressor without waiting for it (its StreamBuf ignores
 * backpressure): rows committed in one run pile up uncompressed, 275 MB for a city's 240,000.
 * Every few hundred rows this lets the compressor and the file catch up.
 */
async function caughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  // (The sheet's stream and the streams it feeds are exceljs's own; its types leave them out.)
  // archiver's streams are readable-stream 2, without `writableNeedDrain`: their state says it.
  type Pipe = Writable & { _writableState?: { needDrain?: boolean } };
  const stream = (sheet as unknown as { stream: { pipes?: Pipe[] } }).stream;
  await new Promise((resolve) => setImmediate(resolve));
  for (const pipe of stream.pipes ?? []) if (pipe.writableNeedDrain ?? pipe._writableState?.needDrain) await once(pipe, 'drain');
}

async function actionSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheetIndex: number, year: number, notice: string, actions: readonly Action[], lang: Lang, names: Names): Promise<void> {
  const name = msg(lang).x_actionPlan;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }], ...printOptions(`${name} ${year}`, lang) });
  const headers = COLUMNS.map((c) => c.header[lang]);
  const widths = COLUMNS.map((c, i) => columnWidth(c.width, headers[i]!));
  const cellsOf = (a: Action) => COLUMNS.map((c) => textCell(c.value(a, lang, names)));
  const numbers = numberColumns((function* () {
    for (const a of actions) yield cellsOf(a);
  })(), COLUMNS.length);
  writeHeading(sheet, notice, headers, widths, numbers, COLUMNS.map((c) => (c.date ? 'yyyy-mm-dd' : undefined)));
  let written = 0;
  for (const a of actions) {
    if (++written % 200 === 0) await caughtUp(sheet);
    const cells = cellsOf(a);
    const row = sheet.addRow(cells.map((v, i) => (COLUMNS[i]!.date && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v)));
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = rowHeight(cells, widths);
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PRIORITY_FILL[a.priority]! } };
    row.commit();
  }
  const last = 2 + actions.length;
  const lastColumn = columnLetter(COLUMNS.length);
  sheet.autoFilter = `A2:${lastColumn}${last}`;
  addFilterDatabase(workbook, sheetIndex, `${sheetRef(name)}!$A$2:$${lastColumn}$${last}`);
  // One validation over the status cells, added once as a range: never one per cell (exceljs
  // merges those into ranges that may overlap, issue #2820).
  const status = columnLetter(COLUMNS.findIndex((c) => c.key === 'status') + 1);
  // (exceljs has `dataValidations.add` on every worksheet; its type declarations leave it out.)
  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  if (actions.length > 0) validations.add(`${status}3:${status}${last}`, statusValidation(lang));
  sheet.commit();
}

const SUMMARY_WIDTHS = [22, 30, 10, 11, 26, 10, 6, 6, 6, 6];

/** Per checklist and control: mean score, how many services it rests on, the status in words and colour, the actions. */
function summarySheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, year: number, notice: string, summary: readonly SummaryRow[], lang: Lang): void {
  const title = msg(lang).report_summary;
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 2 }], ...printOptions(`${title} ${year}`, lang) });
  const headers = SUMMARY_HEADERS.map((h) => h[lang]);
  const widths = headers.map((h, i) => columnWidth(SUMMARY_WIDTHS[i] ?? 8, h));
  const rows = summary.map((r) => summaryCells(r).map(textCell));
  writeHeading(sheet, notice, headers, widths, numberColumns(rows, headers.length), headers.map((_, i) => (i === 2 ? '0.0' : undefined)));
  const statusColumn = 5;
  summary.forEach((r, n) => {
    const cells = rows[n]!;
    const row = sheet.addRow(cells);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = rowHeight(cells, widths);
    const style = STATUS_STYLE[r.level];
    if (style !== undefined) {
      const cell = row.getCell(statusColumn);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
      cell.font = { ...FONT, color: { argb: style.font } };
    }
    row.commit();
  });
  sheet.commit();
}

/**
 * The handlingsplan workbook, streamed to `out` as it is made (exceljs's streaming writer): an
 * actions sheet people edit and filter, and a summary sheet. Resolves once `out` has ended.
 */
export async function writeHandlingsplanXlsx(out: Writable, year: number, notice: string, actions: readonly Action[], summary: readonly SummaryRow[], lang: Lang, names: Names): Promise<void> {
  const created = new Date(Date.UTC(year, 11, 31));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'efterlev';
  workbook.created = created;
  workbook.modified = created;
  await actionSheet(workbook, 0, year, notice, actions, lang, names);
  summarySheet(workbook, year, notice, summary, lang);
  await workbook.commit();
}

/** The handlingsplan workbook in memory (the roll-up, tests): the same writer, collected. */
export async function handlingsplanXlsx(year: number, notice: string, actions: readonly Action[], summary: readonly SummaryRow[], lang: Lang, names: Names): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  await writeHandlingsplanXlsx(out, year, notice, actions, summary, lang, names);
  await finished;
  return Buffer.concat(chunks);
}
