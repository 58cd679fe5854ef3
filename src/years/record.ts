import { InvalidInputError, UsageError } from '../errors.js';
import { locate, parseJsonText, readTextFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { stringify } from '../store/canonical.js';
import type { Transaction } from '../store/transaction.js';
import type { Workspace } from '../store/workspace.js';
import { YearRecord, type Closing } from './manifest.js';
import { closedRecordPath } from './paths.js';
import { m } from '../ui/i18n.js';

/** Parses and cross-checks a year's record (answers/closed/<year>.json). */
export function parseYearRecord(text: string, path: string, year: number): YearRecord {
  const shown = shownPath(path);
  const value = parseJsonText(text, shown, YearRecord);
  const problems = [];
  if (value.year !== year) problems.push({ file: shown, pointer: '/year', message: m().ni_yearNotFileName(value.year, year) });
  if (value.closed !== null && value.closed.manifest.year !== year) problems.push({ file: shown, pointer: '/closed/manifest/year', message: m().ni_yearNotFileName(value.closed.manifest.year, year) });
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return value;
}

export function readYearRecord(ws: Workspace, year: number): YearRecord | undefined {
  const path = closedRecordPath(ws, year);
  try {
    return parseYearRecord(readTextFile(path, shownPath(path)), path, year);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export const canonicalYearRecord = (record: YearRecord): string => stringify(YearRecord.parse(record));

/** The closing in force for a record's text (undefined: no record, or reopened). */
export function closingOf(text: string | undefined, path: string, year: number): Closing | undefined {
  return text === undefined ? undefined : (parseYearRecord(text, path, year).closed ?? undefined);
}

const day = (moment: string): string => moment.slice(0, 10);

/** "stängdes 2025-03-14 av Eva Ek" */
export const closedWhen = (closing: Closing): string => m().cy_closedWhen(day(closing.manifest.closedAt), closing.manifest.closedBy);

/** The refusal of a write to a closed year: exit 2, the year, who closed it, and how to reopen. */
export function closedYearError(year: number, closing: Closing, files: readonly string[]): UsageError {
  const named = files.length === 1 ? files[0]! : m().cy_files(files);
  return new UsageError(
    m().cy_closed(year, closedWhen(closing), named),
    m().cy_closedHint(year),
  );
}

/**
 * Inside a transaction on files of the year (whose record transact locks with them): the closing
 * in force, as committed so far.
 */
export function closingIn(tx: Transaction, ws: Workspace, year: number): Closing | undefined {
  const path = closedRecordPath(ws, year);
  return closingOf(tx.read(path), path, year);
}
