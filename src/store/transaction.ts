import { randomBytes } from 'node:crypto';
import { now as clockNow } from '../clock.js';
import { existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { InvalidInputError, StoppedError } from '../errors.js';
import { m } from '../ui/i18n.js';
import {
  commitPrepared,
  discardPrepared,
  identityAt,
  prepareFile,
  readRegularFile,
  sameIdentity,
  syncFolder,
  writeFileAtomically,
  type FileIdentity,
  type PreparedFile,
} from '../io/files.js';
import { decodeText, readTextFile } from '../io/json-file.js';
import { acquireLock, type HeldLock } from '../io/lock.js';
import { notice } from '../io/notices.js';
import { shownPath } from '../io/paths.js';
import type { Workspace } from './workspace.js';
import { closedRecordPath, yearOfFile } from '../years/paths.js';
import { closedYearError, closingOf } from '../years/record.js';

/**
 * Every file the tool keeps in a workspace is written here: read and changed under the files'
 * locks, compared again just before it replaces anything, and committed as one unit. A write that
 * touches several files (an import for many services) goes through a journal of intended renames,
 * so a crash part-way is completed by the next command that opens the workspace.
 */

/** A file the store writes may not grow past this: it must stay readable under MAX_INPUT_BYTES. */
export const MAX_STORED_BYTES = 8 * 1024 * 1024;

/** What a unit of work sees: the files as they are now, and the new contents it stages. */
export interface Transaction {
  /** The file's text (strict UTF-8), or undefined when it does not exist. */
  read(path: string): string | undefined;
  write(path: string, content: string): void;
}

interface ReadRecord {
  identity: FileIdentity | undefined;
  /** The text read; undefined when the file was absent or written without being read. */
  text: string | undefined;
}

class UnitOfWork implements Transaction {
  readonly reads = new Map<string, ReadRecord>();
  readonly writes = new Map<string, string>();

  constructor(private readonly allowed: ReadonlySet<string>) {}

  private check(path: string): void {
    if (!this.allowed.has(path)) throw new Error(`${path} is not locked by this transaction`);
  }

  read(path: string): string | undefined {
    this.check(path);
    const staged = this.writes.get(path);
    if (staged !== undefined) return staged;
    let result: { bytes: Buffer; identity: FileIdentity };
    try {
      result = readRegularFile(path, shownPath(path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        if (!this.reads.has(path)) this.reads.set(path, { identity: undefined, text: undefined });
        return undefined;
      }
      throw err;
    }
    const text = decodeText(result.bytes, shownPath(path));
    if (!this.reads.has(path)) this.reads.set(path, { identity: result.identity, text });
    return text;
  }

  write(path: string, content: string): void {
    this.check(path);
    const bytes = Buffer.byteLength(content, 'utf8');
    if (bytes > MAX_STORED_BYTES) {
      throw new InvalidInputError([
        { file: shownPath(path), message: m().tx_tooLarge((bytes / 1024 / 1024).toFixed(1), MAX_STORED_BYTES / 1024 / 1024) },
      ]);
    }
    if (!this.reads.has(path)) this.reads.set(path, { identity: identityAt(path), text: undefined });
    this.writes.set(path, content);
  }
}

/** Folders from the workspace root down to a file must be real folders, never links. */
function ensureFolders(ws: Workspace, path: string): void {
  const rel = relative(ws.root, dirname(path));
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`${path} is outside the workspace ${ws.root}`);
  let dir = ws.root;
  for (const part of rel === '' ? [] : rel.split(sep)) {
    dir = join(dir, part);
    let stats;
    try {
      stats = lstatSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(dir, { mode: 0o700 });
      syncFolder(dirname(dir));
      continue;
    }
    if (stats.isSymbolicLink() || !stats.isDirectory()) {
      throw new InvalidInputError([{ file: shownPath(dir), message: m().tx_notAFolder(stats.isSymbolicLink()) }]);
    }
  }
}

// ---- the journal --------------------------------------------------------------------------

interface JournalEntry {
  target: string;
  temp: string;
  /** The target as the unit of work read it (null: absent) and the new file's identity. */
  before: SerializedIdentity | null;
  after: SerializedIdentity;
}
interface Journal {
  id: string;
  pid: number;
  at: string;
  entries: JournalEntry[];
}
type SerializedIdentity = Record<keyof FileIdentity, string>;

const serialize = (i: FileIdentity): SerializedIdentity => ({ dev: String(i.dev), ino: String(i.ino), size: String(i.size), mtimeNs: String(i.mtimeNs), ctimeNs: String(i.ctimeNs) });
const deserialize = (s: SerializedIdentity): FileIdentity => ({ dev: BigInt(s.dev), ino: BigInt(s.ino), size: BigInt(s.size), mtimeNs: BigInt(s.mtimeNs), ctimeNs: BigInt(s.ctimeNs) });

export const journalDir = (ws: Workspace): string => join(ws.answersDir, '.journal');

function readJournal(path: string): Journal | undefined {
  try {
    const { bytes } = readRegularFile(path, shownPath(path), { maxBytes: 1024 * 1024 });
    const value = JSON.parse(bytes.toString('utf8')) as Journal;
    return Array.isArray(value.entries) ? value : undefined;
  } catch {
    return undefined;
  }
}

function journalPaths(ws: Workspace): string[] {
  const dir = journalDir(ws);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^[0-9a-f]{16}\.json$/.test(name))
    .map((name) => join(dir, name));
}

/** How many interrupted multi-file writes wait to be finished. */
export function pendingJournals(ws: Workspace): number {
  return journalPaths(ws).length;
}

function removeFile(path: string): void {
  discardPrepared({ temp: path });
}

/**
 * Completes an interrupted commit whose targets' locks this process holds: renames what was not yet
 * renamed, unless the target changed since (then that part is dropped, and said so).
 */
function completeJournal(ws: Workspace, path: string, journal: Journal): void {
  const done: string[] = [];
  const dropped: string[] = [];
  for (const entry of journal.entries) {
    const target = join(ws.root, entry.target);
    const temp = join(ws.root, entry.temp);
    const now = identityAt(target);
    if (sameIdentity(now, deserialize(entry.after))) continue; // renamed before the interruption
    const tempThere = identityAt(temp) !== undefined;
    const unchanged = entry.before === null ? now === undefined : sameIdentity(now, deserialize(entry.before));
    if (tempThere && unchanged) {
      commitPrepared({ target, temp, identity: deserialize(entry.after) });
      syncFolder(dirname(target));
      done.push(entry.target);
    } else if (tempThere) {
      removeFile(temp);
      dropped.push(entry.target);
    }
  }
  removeFile(path);
  syncFolder(dirname(path));
  if (done.length > 0) notice(m().tx_finished(journal.at.slice(0, 19).replace('T', ' '), done));
  if (dropped.length > 0) {
    notice(m().tx_dropped(dropped));
  }
}

/**
 * Finishes interrupted multi-file commits. `touching` limits it to journals on those files (whose
 * locks the caller holds); without it, every journal whose files are free is finished now.
 */
export async function recoverInterrupted(ws: Workspace, touching?: { paths: ReadonlySet<string>; locks: ReadonlyMap<string, HeldLock> }): Promise<void> {
  for (const path of journalPaths(ws)) {
    const journal = readJournal(path);
    if (journal === undefined) continue;
    const targets = [...new Set(journal.entries.map((e) => join(ws.root, e.target)))].sort();
    if (touching !== undefined && !targets.some((t) => touching.paths.has(t))) continue;
    const extra: HeldLock[] = [];
    try {
      let free = true;
      for (const target of targets) {
        if (touching?.locks.has(target)) continue;
        const lock = await acquireLock(target, { wait: false });
        if (lock === undefined) {
          free = false;
          break;
        }
        extra.push(lock);
      }
      // A journal whose files another live process holds is that process's own, still under way.
      if (free && existsSync(path)) completeJournal(ws, path, readJournal(path) ?? journal);
    } finally {
      for (const lock of extra) lock.release();
    }
  }
}

// ---- closed years --------------------------------------------------------------------------

/** The records (answers/closed/<year>.json) of the years the files belong to: locked with them. */
function yearRecordsOf(ws: Workspace, paths: readonly string[]): string[] {
  const years = new Set(paths.map((p) => yearOfFile(ws, p)).filter((y): y is number => y !== undefined));
  return [...years].map((y) => closedRecordPath(ws, y));
}

/**
 * The one check that keeps a closed year closed: a commit that would change a file of a closed
 * year is refused (exit 2), whichever command staged it. The records are read as they stand on
 * disk, under their locks, so closing the year itself (which stages its record and maybe its
 * register snapshot in one unit) is not refused, and a year closed a moment ago is.
 */
function refuseClosedYears(ws: Workspace, changed: readonly string[]): void {
  const byYear = new Map<number, string[]>();
  for (const path of changed) {
    const year = yearOfFile(ws, path);
    if (year !== undefined) byYear.set(year, [...(byYear.get(year) ?? []), path]);
  }
  for (const [year, paths] of [...byYear].sort(([a], [b]) => a - b)) {
    const record = closedRecordPath(ws, year);
    let text: string;
    try {
      text = readTextFile(record, shownPath(record));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const closing = closingOf(text, record, year);
    if (closing !== undefined) throw closedYearError(year, closing, paths.map(shownPath).sort());
  }
}

// ---- committing ---------------------------------------------------------------------------

const MAX_ATTEMPTS = 5;

/** Test hook: stop the process at a named point of a commit, so tests can pause or kill it there. */
function testPoint(name: 'before-lock' | 'after-read' | 'renaming'): void {
  const at = process.env['EFTERLEV_TEST_STOP_AT'];
  if (at === name) process.kill(process.pid, 'SIGSTOP');
  if (at === `kill-${name}`) process.kill(process.pid, 'SIGKILL');
}

function writeJournal(ws: Workspace, prepared: readonly PreparedFile[], reads: ReadonlyMap<string, ReadRecord>): string {
  const id = randomBytes(8).toString('hex');
  const journal: Journal = {
    id,
    pid: process.pid,
    at: clockNow().toISOString(),
    entries: prepared.map((p) => {
      const before = reads.get(p.target)?.identity;
      return { target: relative(ws.root, p.target), temp: relative(ws.root, p.temp), before: before === undefined ? null : serialize(before), after: serialize(p.identity) };
    }),
  };
  ensureFolders(ws, join(journalDir(ws), 'x'));
  const path = join(journalDir(ws), `${id}.json`);
  writeFileAtomically(path, JSON.stringify(journal, null, 2) + '\n');
  return path;
}

/**
 * Runs a unit of work on workspace files under their locks and commits what it wrote as one unit.
 * The work may run more than once: when a file it read changed before the commit (someone wrote
 * it without the lock, or took the lock over), it is run again on the new contents. Nothing is
 * written when it throws. Returns what the work returned.
 *
 * The records of the years the files belong to are locked too (and may be read by the work), and a
 * commit that would change a file of a closed year is refused: see refuseClosedYears.
 */
export async function transact<T>(ws: Workspace, paths: readonly string[], work: (tx: Transaction) => T | Promise<T>): Promise<T> {
  // A year's record is locked with its files, so no year is closed or reopened under a writer.
  const files = [...new Set([...paths, ...yearRecordsOf(ws, paths)])].sort();
  testPoint('before-lock');
  for (const path of files) ensureFolders(ws, path);
  const locks = new Map<string, HeldLock>();
  try {
    for (const path of files) locks.set(path, (await acquireLock(path))!);
    await recoverInterrupted(ws, { paths: new Set(files), locks });
    for (let attempt = 1; ; attempt++) {
      const unit = new UnitOfWork(new Set(files));
      const result = await work(unit);
      testPoint('after-read');
      const changed = [...unit.writes].filter(([path, content]) => unit.reads.get(path)?.text !== content);
      if (changed.length === 0) return result;
      refuseClosedYears(ws, changed.map(([path]) => path));
      const prepared = changed.map(([path, content]) => prepareFile(path, content));
      let journal: string | undefined;
      try {
        for (const lock of locks.values()) lock.verify();
        const moved = [...unit.reads].filter(([path, r]) => !sameIdentity(identityAt(path), r.identity));
        if (moved.length > 0) {
          if (attempt < MAX_ATTEMPTS) continue;
          throw new StoppedError(m().tx_keptChanging(moved.map(([p]) => shownPath(p))), m().tx_keptChangingHint);
        }
        if (prepared.length > 1) journal = writeJournal(ws, prepared, unit.reads);
        testPoint('renaming');
        for (const p of prepared) {
          commitPrepared(p);
          if (process.env['EFTERLEV_TEST_STOP_AT'] === 'kill-after-first-rename') process.kill(process.pid, 'SIGKILL');
        }
        for (const dir of new Set(prepared.map((p) => dirname(p.target)))) syncFolder(dir);
        if (journal !== undefined) {
          removeFile(journal);
          syncFolder(dirname(journal));
        }
        return result;
      } finally {
        for (const p of prepared) if (identityAt(p.temp) !== undefined) discardPrepared(p);
      }
    }
  } finally {
    for (const lock of locks.values()) lock.release();
  }
}
