import { parse } from 'csv-parse/sync';
import { InvalidInputError, type Problem } from '../errors.js';
import { isIsoDate } from '../catalog/values.js';
import { readTextFile } from '../io/json-file.js';
import { COLUMNS } from '../export/columns.js';
import { unneutralise } from '../export/csv.js';
import type { Action } from './actions.js';
import { parseStatus, type FollowUp } from './schema.js';
import type { FollowUpChange } from './store.js';

/** The editable columns of an exported handlingsplan, as someone left them. */
export interface EditedRow {
  line: number;
  cells: Partial<Record<'id' | 'status' | 'owner' | 'due' | 'note' | 'motivation' | 'acceptedBy', string>>;
}

const EDITABLE = ['id', 'status', 'owner', 'due', 'note', 'motivation', 'acceptedBy'] as const;

/** Header text (Swedish or English) → column key, for the columns plan import reads. */
function headerKeys(header: readonly string[]): (typeof EDITABLE[number] | undefined)[] {
  return header.map((h) => {
    const name = h.trim().toLowerCase();
    const column = COLUMNS.find((c) => c.header.sv.toLowerCase() === name || c.header.en.toLowerCase() === name);
    return column !== undefined && (EDITABLE as readonly string[]).includes(column.key) ? (column.key as typeof EDITABLE[number]) : undefined;
  });
}

/** Rows from the header row (first cell `Id`) to the first empty row. */
function rowsFrom(table: readonly { cells: string[]; line: number }[], shown: string): EditedRow[] {
  const headerAt = table.findIndex((r) => r.cells[0]?.trim().toLowerCase() === 'id');
  if (headerAt === -1) throw new InvalidInputError([{ file: shown, message: 'hittar ingen rubrikrad som börjar med Id (exportera med efterlev export)' }]);
  const keys = headerKeys(table[headerAt]!.cells);
  const rows: EditedRow[] = [];
  for (const { cells, line } of table.slice(headerAt + 1)) {
    if (cells.every((c) => c.trim() === '')) break;
    const row: EditedRow = { line, cells: {} };
    keys.forEach((k, i) => {
      if (k !== undefined) row.cells[k] = unneutralise((cells[i] ?? '').trim());
    });
    rows.push(row);
  }
  return rows;
}

export function readEditedCsv(path: string, shown: string): EditedRow[] {
  const text = readTextFile(path, shown);
  const headerLine = text.split(/\r?\n/).find((l) => /^"?Id"?[;,]/i.test(l)) ?? '';
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) >= (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (err) {
    throw new InvalidInputError([{ file: shown, message: `ogiltig CSV: ${(err as Error).message}` }]);
  }
  return rowsFrom(records.map((r) => ({ cells: r.record, line: r.info.lines })), shown);
}

export async function readEditedXlsx(path: string, shown: string): Promise<EditedRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (err) {
    throw new InvalidInputError([{ file: shown, message: `kan inte läsa XLSX: ${(err as Error).message}` }]);
  }
  const sheet = workbook.getWorksheet('Handlingsplan') ?? workbook.getWorksheet('Action plan') ?? workbook.worksheets[0];
  if (sheet === undefined) throw new InvalidInputError([{ file: shown, message: 'arbetsboken har inga blad' }]);
  const table: { cells: string[]; line: number }[] = [];
  const width = Math.max(sheet.columnCount, COLUMNS.length);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const value = row.getCell(c).value;
      cells.push(value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : row.getCell(c).text);
    }
    table.push({ cells, line: r });
  }
  return rowsFrom(table, shown);
}

const isDefault = (c: FollowUpChange): boolean =>
  c.status === 'ej_påbörjad' && [c.owner, c.due, c.note, c.motivation, c.acceptedBy].every((v) => v === undefined);

/**
 * Checks every edited row against the year's actions and turns them into follow-ups. Any bad row
 * (unknown id, invalid status or date, accepted risk without motivation) refuses the whole file.
 * Owner and due date are kept only where they differ from what the action suggests.
 */
export function followUpsFromRows(rows: readonly EditedRow[], actions: readonly Action[], shown: string): Map<string, FollowUpChange> {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const problems: Problem[] = [];
  const changes = new Map<string, FollowUpChange>();
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const bad = (message: string) => problems.push({ file: shown, line, message });
    const id = cells.id ?? '';
    const action = byId.get(id);
    if (action === undefined) {
      bad(`okänd åtgärd '${id}' för året`);
      continue;
    }
    if (seen.has(id)) {
      bad(`åtgärden '${id}' finns redan på rad ${seen.get(id)}`);
      continue;
    }
    seen.set(id, line);
    const status = cells.status === undefined || cells.status === '' ? action.status : parseStatus(cells.status);
    if (status === undefined) {
      bad(`ogiltig status '${cells.status}' (Ej påbörjad, Pågår, Klar eller Accepterad risk)`);
      continue;
    }
    const due = cells.due || undefined;
    if (due !== undefined && !isIsoDate(due)) {
      bad(`ogiltigt datum '${due}' i Klart senast (ÅÅÅÅ-MM-DD)`);
      continue;
    }
    const change: FollowUpChange = {
      status,
      owner: cells.owner && cells.owner !== action.suggested.owner ? cells.owner : undefined,
      due: due !== undefined && due !== action.suggested.due ? due : undefined,
      note: cells.note || undefined,
      motivation: cells.motivation || undefined,
      acceptedBy: cells.acceptedBy || undefined,
    };
    if (status === 'accepterad_risk' && (change.motivation === undefined || change.acceptedBy === undefined)) {
      bad('en accepterad risk behöver Motivering och Accepterad av');
      continue;
    }
    if (action.followUp !== undefined || !isDefault(change)) changes.set(id, change);
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return changes;
}

export function describeFollowUp(f: FollowUp | FollowUpChange | undefined): string {
  return f === undefined ? 'ej_påbörjad' : [f.status, f.owner, f.due].filter(Boolean).join(', ');
}
