import { stringify } from 'csv-stringify/sync';
import { outputLang, t, type Lang } from '../ui/i18n.js';
import type { Action } from '../plan/actions.js';
import { COLUMNS, SUMMARY_HEADERS, summaryCells, type Cell, type Names, type SummaryRow } from './columns.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell no spreadsheet will run: text that starts like a formula gets a leading apostrophe,
 * which Excel and LibreOffice show as plain text (answers and comments are free text).
 */
export function neutralise(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return t(cell ? 'yes' : 'no', outputLang());
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutralise for text read back from an exported file. */
export function unneutralise(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * A CSV field: text as neutralise makes it (quoted on writing), an integer as it is, and a
 * decimal number with the Swedish decimal comma, quoted because of that comma.
 */
export function csvField(cell: Cell): string | number {
  return typeof cell === 'number' && Number.isInteger(cell) ? cell : neutralise(cell);
}

/**
 * CSV as Swedish Excel opens it: UTF-8 with BOM, semicolons, CRLF, RFC 4180 quoting. Every text
 * field is quoted, so a comma or a tab inside it never splits it, whichever separators the
 * program opening it tries (LibreOffice ticks comma, semicolon and tab by default); only integers
 * stand bare. An empty field stays empty.
 */
export function handlingsplanCsv(notice: string, actions: readonly Action[], summary: readonly SummaryRow[], lang: Lang, names: Names): string {
  const rows: (string | number)[][] = [
    [notice],
    COLUMNS.map((c) => c.header[lang]),
    ...actions.map((a) => COLUMNS.map((c) => c.value(a, lang, names))),
    [],
    SUMMARY_HEADERS.map((h) => h[lang]),
    ...summary.map(summaryCells),
  ].map((row) => row.map(csvField));
  return '\ufeff' + stringify(rows, { delimiter: ';', record_delimiter: '\r\n', quoted_string: true, quoted_empty: false });
}
