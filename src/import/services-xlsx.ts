import { InvalidInputError, type Problem } from '../errors.js';
import { readXlsxRows } from '../plan/import.js';
import { serviceRowsFromTable, type ServiceRow } from './services.js';

/**
 * A system inventory (systemförteckning) kept in Excel: its first sheet, read by the same bounded
 * reader as an edited handlingsplan (size-checked zip, a worker with a heap of its own, typed
 * values only). A formula or an error value refuses the file, naming the cell.
 */
export async function readServiceXlsx(path: string, shown: string): Promise<ServiceRow[]> {
  const table = await readXlsxRows(path, shown);
  const problems: Problem[] = [];
  const rows = table.map(({ line, cells }) => ({
    line,
    cells: cells.map((cell, i) => {
      if (typeof cell === 'string') return cell;
      problems.push({ file: shown, line, message: `kolumn ${i + 1}: ${cell.unreadable.replace('plan import', 'service import')}` });
      return '';
    }),
  }));
  if (problems.length > 0) throw new InvalidInputError(problems);
  return serviceRowsFromTable(rows, shown);
}
