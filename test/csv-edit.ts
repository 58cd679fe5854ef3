import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * An exported CSV as Excel or LibreOffice saves it again after editing: the same cells, quoted
 * only where a field needs it (a semicolon, a quote or a line break), BOM, semicolons and CR LF
 * kept. The export quotes every text field; tests that edit the text of a saved file edit this.
 */
export function resavedCsv(exported: string): string {
  const rows: string[][] = parse(exported, { bom: true, delimiter: ';', relax_column_count: true });
  return '\ufeff' + stringify(rows, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
