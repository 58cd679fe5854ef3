import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../ui/i18n.js';
import type { Action } from '../plan/actions.js';
import { COLUMNS, SUMMARY_HEADERS, summaryCells, type Cell, type SummaryRow } from './columns.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell no spreadsheet will run: text that starts like a formula gets a leading apostrophe,
 * which Excel and LibreOffice show as plain text (answers and comments are free text).
 */
export function neutralise(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nej';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutralise for text read back from an exported file. */
export function unneutralise(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** CSV as Swedish Excel opens it: UTF-8 with BOM, semicolons, CRLF, RFC 4180 quoting. */
export function handlingsplanCsv(notice: string, actions: readonly Action[], summary: readonly SummaryRow[], lang: Lang): string {
  const rows: string[][] = [
    [neutralise(notice)],
    COLUMNS.map((c) => c.header[lang]),
    ...actions.map((a) => COLUMNS.map((c) => neutralise(c.value(a, lang)))),
    [],
    SUMMARY_HEADERS.map((h) => h[lang]),
    ...summary.map((r) => summaryCells(r).map(neutralise)),
  ];
  return '\ufeff' + stringify(rows, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
