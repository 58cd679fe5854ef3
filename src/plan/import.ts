import { m, outputLang, t } from '../ui/i18n.js';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { InvalidInputError, type Problem } from '../errors.js';
import { isIsoDate } from '../catalog/values.js';
import { readTextFile } from '../io/json-file.js';
import { describeControlCharacter, normaliseLineBreaks } from '../io/text.js';
import { readBoundedZip } from '../io/zip.js';
import { COLUMNS, SUMMARY_HEADERS } from '../export/columns.js';
import { neutralise, unneutralise } from '../export/csv.js';
import type { Lang } from '../ui/i18n.js';
import type { Action } from './actions.js';
import { parseStatus, type FollowUp } from './schema.js';
import type { FollowUpChange } from './store.js';
import { boundsProblem, isFilled, type TableCell, type TableRow } from './table.js';

/** The columns plan import reads: Id to find the action, and the ones people edit. */
const READ = ['id', 'status', 'owner', 'due', 'note', 'motivation', 'acceptedBy'] as const;
type ReadKey = (typeof READ)[number];
const TEXT_FIELDS = ['owner', 'due', 'note', 'motivation', 'acceptedBy'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const columnOf = (key: ReadKey) => COLUMNS.find((c) => c.key === key)!;

/** One row of the action table: the text of the columns plan import reads. */
export interface EditedRow {
  line: number;
  cells: Record<ReadKey, string>;
}

export interface EditedTable {
  /** Where each column plan import reads stands in the file, under which heading. */
  columns: Record<ReadKey, { column: number; header: string }>;
  rows: EditedRow[];
}

const normal = (text: string): string => text.normalize('NFC').trim();
const heading = (text: string): string => normal(text).replace(/\s+/g, ' ').toLowerCase();


/** A heading (Swedish or English; "Motivering" without its parenthesis too) → the column plan import reads. */
function readKeyOf(text: string): { key: ReadKey; lang: Lang } | undefined {
  const h = heading(text);
  for (const key of READ) {
    for (const lang of ['sv', 'en'] as const) {
      const name = heading(columnOf(key).header[lang]);
      if (h === name || h === name.replace(/\s*\(.*\)$/, '')) return { key, lang };
    }
  }
  return undefined;
}

/**
 * The columns plan import reads, from the header row. Each must be there exactly once: a missing
 * column would read as empty cells, and empty cells remove what is stored.
 */
function headerColumns(header: TableRow, shown: string): EditedTable['columns'] {
  const found = new Map<ReadKey, { column: number; header: string }[]>();
  const languages = { sv: 0, en: 0 };
  header.cells.forEach((cell, i) => {
    const match = typeof cell === 'string' ? readKeyOf(cell) : undefined;
    if (match === undefined) return;
    found.set(match.key, [...(found.get(match.key) ?? []), { column: i + 1, header: normal(cell as string) }]);
    const names = columnOf(match.key).header;
    if (names.sv !== names.en) languages[match.lang]++;
  });
  const lang: Lang = languages.en > languages.sv ? 'en' : 'sv';
  const problems: Problem[] = [];
  for (const at of found.values()) {
    if (at.length > 1) {
      problems.push({
        file: shown,
        line: header.line,
        message: m().pi_duplicateColumn(at[0]!.header, at.map((a) => String(a.column))),
      });
    }
  }
  const missing = READ.filter((k) => !found.has(k)).map((k) => columnOf(k).header[lang]);
  if (missing.length > 0) {
    problems.push({
      file: shown,
      line: header.line,
      message: m().pi_missingColumns(missing, READ.map((k) => columnOf(k).header[lang])),
    });
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return Object.fromEntries([...found].map(([key, at]) => [key, at[0]!])) as EditedTable['columns'];
}

/** The CSV export puts the summary table after the actions; its header row ends the action table. */
function isSummaryHeader(cells: readonly TableCell[]): boolean {
  return SUMMARY_HEADERS.slice(0, 2).every((h, i) => {
    const cell = cells[i];
    return typeof cell === 'string' && (heading(cell) === heading(h.sv) || heading(cell) === heading(h.en));
  });
}

/**
 * The action table: from the header row (the row with an Id column) to the last row, or to the
 * summary table. Blank rows are skipped wherever they are. A formula or an error value in a column
 * plan import reads is refused: its cached text is not what anyone typed, and may be nothing.
 */
export function editedTable(table: readonly TableRow[], shown: string): EditedTable {
  const headerAt = table.findIndex((r) => r.cells.some((c) => typeof c === 'string' && heading(c) === 'id'));
  if (headerAt === -1) {
    throw new InvalidInputError([{ file: shown, message: m().pi_noHeader }]);
  }
  const columns = headerColumns(table[headerAt]!, shown);
  const problems: Problem[] = [];
  const rows: EditedRow[] = [];
  for (const { line, cells } of table.slice(headerAt + 1)) {
    if (isSummaryHeader(cells)) break;
    const row: EditedRow = { line, cells: { id: '', status: '', owner: '', due: '', note: '', motivation: '', acceptedBy: '' } };
    let filled = false;
    for (const key of READ) {
      const { column, header } = columns[key];
      const cell = cells[column - 1] ?? '';
      filled ||= isFilled(cell);
      if (typeof cell !== 'string') {
        problems.push({ file: shown, line, column, columnName: header, message: cell.unreadable });
        continue;
      }
      // A line break Excel wrote in a CSV cell is CR LF: stored as LF. Any other control character refuses the file.
      const text = normal(normaliseLineBreaks(cell));
      const control = describeControlCharacter(text);
      if (control !== undefined) problems.push({ file: shown, line, column, columnName: header, message: control });
      row.cells[key] = text;
    }
    if (filled) rows.push(row);
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { columns, rows };
}

const LINE_BREAKS = /\r\n|\r|\n/g;

/** Semicolon or comma, as Excel writes CSV for the locale: whichever the header row uses. */
function delimiterOf(text: string): ';' | ',' {
  const header = text.split(LINE_BREAKS).find((l) => /(^|[;,])\s*"?id"?\s*([;,]|$)/i.test(l)) ?? '';
  return (header.match(/,/g)?.length ?? 0) > (header.match(/;/g)?.length ?? 0) ? ',' : ';';
}

const csvError = (code: string | undefined): string | undefined =>
  code === 'CSV_QUOTE_NOT_CLOSED' ? m().pi_csvQuoteNotClosed : code === 'INVALID_OPENING_QUOTE' ? m().pi_csvOpeningQuote : code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' ? m().pi_csvAfterClosingQuote : undefined;

/**
 * The CSV's records with the line each starts on. csv-parse's `info.lines` is where a record ends
 * (and counts a quoted CRLF twice), so lines are counted here from the line breaks inside cells.
 */
function csvTable(text: string, shown: string): TableRow[] {
  const rows: TableRow[] = [];
  let line = 1;
  try {
    parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      relax_column_count: true,
      on_record: (record: string[]) => {
        rows.push({ line, cells: record });
        line += 1 + record.reduce((n, cell) => n + (cell.match(LINE_BREAKS)?.length ?? 0), 0);
        return null;
      },
    });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    throw new InvalidInputError([{ file: shown, line, message: m().si_badCsv(csvError(code) ?? (err as Error).message) }]);
  }
  for (const row of rows) {
    const lastColumn = row.cells.findLastIndex(isFilled) + 1;
    const problem = lastColumn === 0 ? undefined : boundsProblem(shown, row.line, lastColumn);
    if (problem !== undefined) throw new InvalidInputError([problem]);
  }
  return rows;
}

export function readEditedCsv(path: string, shown: string): EditedTable {
  return editedTable(csvTable(readTextFile(path, shown, { followLinks: true }), shown), shown);
}

/** The heap the XLSX reader may fill: an export of 4 000 services (21 000 actions, 20 MB unpacked) reads within it. */
const XLSX_HEAP_MB = 256;

/**
 * The workbook is read in a worker thread with a heap of its own: exceljs builds its whole model in
 * memory and expands some ranges cell by cell, so a small hostile file would otherwise take the
 * command's memory. The zip archive is checked before (size, and what each entry really unpacks to).
 */
function readXlsxInWorker(bytes: Buffer, shown: string): Promise<TableRow[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-worker.js', import.meta.url), {
      workerData: { bytes, shown, lang: outputLang() },
      resourceLimits: { maxOldGenerationSizeMb: XLSX_HEAP_MB },
    });
    worker.once('message', (m: { rows?: TableRow[]; problems?: Problem[]; failure?: string }) => {
      if (m.rows !== undefined) resolve(m.rows);
      else if (m.problems !== undefined) reject(new InvalidInputError(m.problems));
      else reject(new Error(m.failure));
    });
    worker.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(err);
      reject(
        new InvalidInputError([
          {
            file: shown,
            message: m().pi_xlsxMemory(XLSX_HEAP_MB),
          },
        ]),
      );
    });
    worker.once('exit', (code) => reject(new Error(m().pt_readerExited(code))));
  });
}

/** The rows of a workbook's first sheet (or its Handlingsplan sheet), read within the bounds above. */
export async function readXlsxRows(path: string, shown: string): Promise<TableRow[]> {
  return readXlsxInWorker(readBoundedZip(path, shown), shown);
}

export async function readEditedXlsx(path: string, shown: string): Promise<EditedTable> {
  return editedTable(await readXlsxRows(path, shown), shown);
}

/** A column as edited: unchanged from what the export wrote keeps what is stored; an emptied cell removes it. */
function editedValue(cell: string, action: Action, key: TextField): string | undefined {
  if (cell === normal(neutralise(columnOf(key).value(action, 'sv')))) return action.followUp?.[key];
  return cell === '' ? undefined : unneutralise(cell);
}

const isDefault = (c: FollowUpChange): boolean =>
  c.status === 'ej_påbörjad' && [c.owner, c.due, c.note, c.motivation, c.acceptedBy].every((v) => v === undefined);

/** A stored value that an emptied cell removes. */
export interface Removal {
  id: string;
  line: number;
  /** The column's heading in the file. */
  column: string;
  value: string;
}

/**
 * Checks every edited row against the year's actions and turns them into follow-ups. Any bad row
 * (no or unknown id, invalid status or date, accepted risk without motivation) refuses the whole
 * file. A cell left as exported keeps what is stored, whatever it was; only an edit changes it.
 */
export function followUpsFromRows(table: EditedTable, actions: readonly Action[], shown: string): { changes: Map<string, FollowUpChange>; removed: Removal[] } {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const problems: Problem[] = [];
  const changes = new Map<string, FollowUpChange>();
  const removed: Removal[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const bad = (key: ReadKey, message: string) =>
      problems.push({ file: shown, line, column: table.columns[key].column, columnName: table.columns[key].header, message });
    const id = cells.id;
    if (id === '') {
      bad('id', m().pi_noId);
      continue;
    }
    const action = byId.get(id);
    if (action === undefined) {
      bad('id', m().pi_unknownAction(id));
      continue;
    }
    if (seen.has(id)) {
      bad('id', m().pi_duplicateAction(id, seen.get(id)!));
      continue;
    }
    seen.set(id, line);
    const status = cells.status === '' ? action.status : parseStatus(cells.status);
    if (status === undefined) {
      bad('status', m().e_badStatus(cells.status));
      continue;
    }
    const value = (key: TextField) => editedValue(cells[key], action, key);
    const change: FollowUpChange = { status, owner: value('owner'), due: value('due'), note: value('note'), motivation: value('motivation'), acceptedBy: value('acceptedBy') };
    if (change.due !== undefined && !isIsoDate(change.due)) {
      bad('due', m().pi_badDate(String(change.due)));
      continue;
    }
    if (status === 'accepterad_risk' && (change.motivation === undefined || change.acceptedBy === undefined)) {
      bad('status', m().pi_acceptedNeeds);
      continue;
    }
    if (action.followUp === undefined && isDefault(change)) continue;
    changes.set(id, change);
    for (const key of TEXT_FIELDS) {
      const before = action.followUp?.[key];
      if (before !== undefined && before !== '' && change[key] === undefined) removed.push({ id, line, column: table.columns[key].header, value: before });
    }
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { changes, removed };
}

/** `pågår, Sara Ek, 2025-11-02`: the status as stored in Swedish, its label in English (`In progress, …`). */
export function describeFollowUp(f: FollowUp | FollowUpChange | undefined, lang: Lang = 'sv'): string {
  const status = (s: FollowUp['status']) => (lang === 'sv' ? s : t(`plan_${s}`, lang));
  return f === undefined ? status('ej_påbörjad') : [status(f.status), f.owner, f.due].filter(Boolean).join(', ');
}

const oneLine = (text: string): string => text.replace(LINE_BREAKS, ' ↵ ');

/** What a change does beyond status, owner and due date: the texts it sets, and every value it removes. */
export function describeEdits(before: FollowUp | undefined, after: FollowUpChange): string[] {
  return TEXT_FIELDS.flatMap((key) => {
    const label = columnOf(key).header.sv;
    const [was, is] = [before?.[key], after[key]];
    if (was !== undefined && was !== '' && is === undefined) return [`${label} tas bort: '${oneLine(was)}'`];
    if (is !== undefined && is !== was && key !== 'owner' && key !== 'due') return [`${label}: '${oneLine(is)}'`];
    return [];
  });
}
