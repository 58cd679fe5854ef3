import { m as tr } from '../ui/i18n.js';
import type { Problem } from '../errors.js';

/** What plan import takes from one cell: its text, or why it cannot be taken as text (a formula, an error value). */
export type TableCell = string | { unreadable: string };

/** One row of an edited handlingsplan as read from the file. `cells[0]` is column 1. */
export interface TableRow {
  /** The spreadsheet row (XLSX), or the text line the record starts on (CSV). */
  line: number;
  cells: TableCell[];
}

/** Far beyond any handlingsplan (1 000 services give some 6 000 rows of 22 columns), and far below what a sheet may hold. */
export const TABLE_LIMITS = { rows: 100_000, columns: 200 };

const number = (n: number): string => n.toLocaleString('sv-SE');

export const isFilled = (cell: TableCell | undefined): boolean => cell !== undefined && cell !== '';

/** The column's letters as Excel and LibreOffice show them: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A problem when content stands beyond the rows or columns plan import reads. */
export function boundsProblem(shown: string, line: number, lastColumn: number): Problem | undefined {
  if (lastColumn > TABLE_LIMITS.columns) {
    return {
      file: shown,
      line,
      column: lastColumn,
      columnName: columnLetters(lastColumn),
      message: tr().pt_tooManyColumns(TABLE_LIMITS.columns, columnLetters(TABLE_LIMITS.columns)),
    };
  }
  if (line > TABLE_LIMITS.rows) {
    return {
      file: shown,
      line,
      message: tr().pt_tooManyRows(line, number(TABLE_LIMITS.rows)),
    };
  }
  return undefined;
}
