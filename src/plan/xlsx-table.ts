import { m as tr } from '../ui/i18n.js';
import ExcelJS from 'exceljs';
import { InvalidInputError } from '../errors.js';
import { boundsProblem, isFilled, type TableCell, type TableRow } from './table.js';

// Parts of a worksheet plan import never needs. exceljs expands several of them cell by cell while
// loading (measured: one merge or data validation over a whole column builds a million cells, 1 GB;
// a <col> with max=100000000 crashes), so a 16 KB file could fill the memory before a row is read.
const IGNORED_NODES = [
  'cols',
  'mergeCells',
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'autoFilter',
  'rowBreaks',
  'pageSetup',
  'printOptions',
  'headerFooter',
  'sheetProtection',
];

/** Excel's own sheet size: exceljs refuses more row elements, or more cells in a row, while it parses. */
const SHEET_BOUNDS = { maxRows: 1_048_576, maxCols: 16_384 };

const { ValueType } = ExcelJS;

/** Excel's day numbers become UTC dates in exceljs: the UTC day is the day Excel shows, in any time zone. */
const isoDay = (date: Date): string | undefined => (Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10));

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return isoDay(value) ?? '';
  if (typeof value === 'object' && value !== null && 'richText' in value) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text ?? '').join('');
  }
  return value === null || value === undefined ? '' : String(value);
}

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

function describeFormula(cell: ExcelJS.Cell): string {
  let formula = '';
  try {
    formula = cell.formula ?? '';
  } catch {
    // A shared formula whose master cell is missing: the message can do without its text.
  }
  const { result } = cell.value as ExcelJS.CellFormulaValue;
  const error = typeof result === 'object' && result !== null && 'error' in result ? result.error : undefined;
  const text = error === undefined ? plainText(result) : '';
  const what = tr().pt_formula(formula === '' ? undefined : shorten(formula), error === undefined ? undefined : String(error), text === '' ? undefined : shorten(text));
  // Excel makes a formula of text typed with a leading - or +, such as a note "-pågår sedan maj".
  return /^[-+@]/.test(formula)
    ? tr().pt_typedFormula(what, formula[0]!, shorten(formula))
    : tr().pt_noFormulas(what);
}

/** A cell as plan import reads it: what the user typed, never a formula's cached result. */
export function cellContent(cell: ExcelJS.Cell): TableCell {
  switch (cell.type) {
    case ValueType.Formula:
      return { unreadable: describeFormula(cell) };
    case ValueType.Error:
      return { unreadable: tr().pt_errorValue(String((cell.value as ExcelJS.CellErrorValue).error)) };
    case ValueType.Date:
      return isoDay(cell.value as Date) ?? { unreadable: tr().pt_badDate };
    case ValueType.RichText:
      return plainText(cell.value);
    case ValueType.Hyperlink:
      return plainText((cell.value as ExcelJS.CellHyperlinkValue).text);
    case ValueType.Null:
    case ValueType.Merge:
      return '';
    default:
      return cell.text;
  }
}

/**
 * The action sheet of an XLSX workbook as rows of cells. Only rows and cells that hold something
 * are visited; content beyond TABLE_LIMITS stops the reading at once.
 */
export async function readXlsxTable(bytes: Uint8Array, shown: string): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  const options = { ignoreNodes: IGNORED_NODES, ...SHEET_BOUNDS };
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); it takes a Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, options);
  } catch (err) {
    throw new InvalidInputError([{ file: shown, message: tr().pt_cannotRead((err as Error).message) }]);
  }
  const sheet = workbook.getWorksheet('Handlingsplan') ?? workbook.getWorksheet('Action plan') ?? workbook.worksheets[0];
  if (sheet === undefined) throw new InvalidInputError([{ file: shown, message: 'arbetsboken har inga blad' }]);
  const rows: TableRow[] = [];
  sheet.eachRow((row, line) => {
    const cells: TableCell[] = [];
    row.eachCell((cell, column) => {
      const content = cellContent(cell);
      if (!isFilled(content)) return;
      const problem = boundsProblem(shown, line, column);
      if (problem !== undefined) throw new InvalidInputError([problem]);
      cells[column - 1] = content;
    });
    if (cells.length === 0) return;
    const problem = boundsProblem(shown, line, 0);
    if (problem !== undefined) throw new InvalidInputError([problem]);
    rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}
