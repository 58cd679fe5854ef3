import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Catalog } from '../catalog/load.js';
import { now as clockNow } from '../clock.js';
import { InvalidInputError, StoppedError, UsageError, type Problem } from '../errors.js';
import { readRegularFile } from '../io/files.js';
import { parseIncidentFile } from '../incidents/store.js';
import { decodeText } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { parsePlan } from '../plan/store.js';
import { parseAnswerFile } from '../store/answers.js';
import { parseObservations } from '../store/observations.js';
import { ensureSnapshot, parseSnapshot, snapshotPath } from '../store/register.js';
import { SERVICE_ID } from '../store/schema.js';
import { transact, type Transaction } from '../store/transaction.js';
import { PACKAGE_ROOT, type Workspace } from '../store/workspace.js';
import { yearsWithAnswers } from '../store/years.js';
import { buildManifest, manifestHash, type CatalogueSource, type Closing, type Manifest, type Reopening, type YearRecord } from './manifest.js';
import { answerFilesOfYear, catalogueFiles, closedRecordPath, filesOfYear, manifestName, recordedYears, yearlyPaths } from './paths.js';
import { canonicalYearRecord, closedWhen, parseYearRecord, readYearRecord } from './record.js';
import { signManifest } from './signature.js';
import { m } from '../ui/i18n.js';

/**
 * Closing and reopening review years.
 *
 * Years close in order and reopen from the latest: a year can be closed only when every earlier
 * year with answers is closed and no later year is, and reopened only while no later year is
 * closed. Each year's result builds on the year before (last year's answers are facts for the
 * rules, recurring gaps raise priorities, the handlingsplan follows up last year's actions), so a
 * closed year whose previous year could still change would not be frozen at all. The chain then
 * runs in year order: each closing links to the closest earlier closed year's manifest hash.
 */

export function efterlevVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

const MAX_ATTEMPTS = 5;

function recordIn(tx: Transaction, ws: Workspace, year: number): YearRecord | undefined {
  const path = closedRecordPath(ws, year);
  const text = tx.read(path);
  return text === undefined ? undefined : parseYearRecord(text, path, year);
}

/** Every year the workspace knows: with answers or with a record. */
function knownYears(ws: Workspace): number[] {
  return [...new Set([...yearsWithAnswers(ws), ...recordedYears(ws)])].sort((a, b) => a - b);
}

const catalogueSource = (ws: Workspace, dir: string, name: string): CatalogueSource => (dir === join(ws.root, name) ? 'workspace' : 'bundled');

/** The catalogue in force as a manifest holds it: its sources, versions and files' bytes. */
export function catalogueNow(ws: Workspace): { checklists: CatalogueSource; rules: CatalogueSource; files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  for (const [name, path] of catalogueFiles(ws)) files.set(name, readRegularFile(path, shownPath(path)).bytes);
  return { checklists: catalogueSource(ws, ws.catalog.checklistsDir, 'checklists'), rules: catalogueSource(ws, ws.catalog.rulesDir, 'rules'), files };
}

/** Validates one file of the year by what it is; throws InvalidInputError with every problem. */
function validateYearFile(catalog: Catalog, year: number, path: string, text: string): void {
  const folder = basename(join(path, '..'));
  if (folder === String(year)) {
    const id = basename(path, '.json');
    if (!SERVICE_ID.test(id)) throw new InvalidInputError([{ file: shownPath(path), message: m().e_badServiceId(id) }]);
    parseAnswerFile(text, path, catalog, year, id);
  } else if (folder === 'plan') parsePlan(text, path, year);
  else if (folder === 'observations') parseObservations(text, path, year);
  else if (folder === 'incidents') parseIncidentFile(text, path, year);
  else if (folder === 'register') parseSnapshot(text, path, year);
}

export interface CloseOptions {
  signKey?: KeyObject | undefined;
  now?: Date;
}

export interface Closed {
  closing: Closing;
  /** Whether the register snapshot was taken now (the year had none). */
  snapshotTaken: boolean;
}

/**
 * Closes a year: validates every file of it, takes its register snapshot if it has none, and writes
 * its record with the manifest (signed when a key is given), all under the locks of the year's
 * files, so no write to the year can slip in between.
 */
export async function closeYear(ws: Workspace, catalog: Catalog, year: number, by: string, options: CloseOptions = {}): Promise<Closed> {
  if (answerFilesOfYear(ws, year).length === 0) {
    throw new UsageError(m().cy_noAnswers(year), m().cy_yearsWithAnswers(yearsWithAnswers(ws)));
  }
  const at = (options.now ?? clockNow()).toISOString();
  const catalogue = catalogueNow(ws);
  const versions = Object.fromEntries(catalog.checklists.map((c) => [c.id, c.version]));
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const listed = filesOfYear(ws, year);
    const years = knownYears(ws);
    const paths = [...listed, ...yearlyPaths(ws, year), ws.registerFile, ...years.map((y) => closedRecordPath(ws, y)), closedRecordPath(ws, year)];
    const done = await transact(ws, paths, (tx): Closed | undefined => {
      // An answer file that appeared after the listing is not locked: list again.
      if (filesOfYear(ws, year).some((p) => !paths.includes(p))) return undefined;
      const record = recordIn(tx, ws, year);
      if (record?.closed) throw new UsageError(m().cy_alreadyClosed(year, closedWhen(record.closed)), m().cy_alreadyClosedHint);
      // An earlier year with answer files that is still open (an empty year folder does not count: it cannot be closed).
      const earlierOpen = yearsWithAnswers(ws).filter((y) => y < year && answerFilesOfYear(ws, y).length > 0 && recordIn(tx, ws, y)?.closed == null);
      if (earlierOpen.length > 0) {
        throw new UsageError(
          m().cy_earlierOpen(earlierOpen),
          m().cy_earlierOpenHint(earlierOpen[0]!),
        );
      }
      const laterClosed = years.filter((y) => y > year && recordIn(tx, ws, y)?.closed != null);
      if (laterClosed.length > 0) {
        throw new UsageError(
          m().cy_laterClosed(laterClosed),
          m().cy_laterClosedHint(laterClosed.at(-1)!, year),
        );
      }
      const snapshot = snapshotPath(ws, year);
      const snapshotTaken = tx.read(snapshot) === undefined;
      ensureSnapshot(tx, ws, year, at);
      const problems: Problem[] = [];
      const files = new Map<string, Uint8Array>();
      for (const path of [...new Set([...listed, ...yearlyPaths(ws, year)])].sort()) {
        const isJson = path.endsWith('.json');
        const text = isJson ? tx.read(path) : undefined;
        if (isJson && text === undefined) continue;
        let bytes: Uint8Array;
        if (path === snapshot && snapshotTaken) bytes = Buffer.from(text!, 'utf8');
        else {
          bytes = readRegularFile(path, shownPath(path)).bytes;
          if (isJson && decodeText(bytes, shownPath(path)) !== text) throw new StoppedError(m().cy_changedWhileClosing(shownPath(path), year), m().cy_tryAgain);
        }
        if (isJson) {
          try {
            validateYearFile(catalog, year, path, text!);
          } catch (err) {
            if (!(err instanceof InvalidInputError)) throw err;
            problems.push(...err.problems);
          }
        }
        files.set(manifestName(ws, path), bytes);
      }
      if (problems.length > 0) throw new InvalidInputError(problems);
      const previousYear = years.filter((y) => y < year && recordIn(tx, ws, y)?.closed != null).at(-1);
      const previous = previousYear === undefined ? null : recordIn(tx, ws, previousYear)!.closed!;
      if (previous !== null && manifestHash(previous.manifest) !== previous.hash) {
        throw new InvalidInputError([{ file: shownPath(closedRecordPath(ws, previousYear!)), pointer: '/closed/hash', message: m().cy_previousManifestBad(previousYear!, year) }]);
      }
      const manifest: Manifest = buildManifest({
        year,
        by,
        at,
        efterlev: efterlevVersion(),
        files,
        catalogue: { checklists: catalogue.checklists, rules: catalogue.rules, versions, files: catalogue.files },
        previous: previous === null ? null : { year: previousYear!, hash: previous.hash },
        reopened: record?.history.at(-1),
      });
      const closing: Closing = { hash: manifestHash(manifest), manifest, ...(options.signKey ? { signature: signManifest(manifest, options.signKey) } : {}) };
      tx.write(closedRecordPath(ws, year), canonicalYearRecord({ year, closed: closing, history: record?.history ?? [] }));
      return { closing, snapshotTaken };
    });
    if (done !== undefined) return done;
  }
  throw new StoppedError(m().cy_keptComing(year), m().cy_keptComingHint);
}

/**
 * Reopens a closed year: the closing moves to the record's history with who, when and why, so the
 * next closing links to it and verify shows the reopening. Refused while a later year is closed.
 */
export async function reopenYear(ws: Workspace, year: number, reason: string, by: string, now: Date = clockNow()): Promise<{ closing: Closing; reopened: Reopening }> {
  const later = knownYears(ws).filter((y) => y > year);
  const paths = [closedRecordPath(ws, year), ...later.map((y) => closedRecordPath(ws, y))];
  return transact(ws, paths, (tx) => {
    const record = recordIn(tx, ws, year);
    if (record?.closed == null) {
      const last = record?.history.at(-1);
      throw new UsageError(m().cy_notClosed(year, last ? { at: last.reopened.at.slice(0, 10), by: last.reopened.by } : undefined), m().cy_notClosedHint);
    }
    const laterClosed = later.filter((y) => recordIn(tx, ws, y)?.closed != null);
    if (laterClosed.length > 0) {
      throw new UsageError(
        m().cy_laterBuildsOn(laterClosed, year),
        m().cy_laterBuildsOnHint(laterClosed.at(-1)!),
      );
    }
    const reopened: Reopening = { by, at: now.toISOString(), reason: reason.normalize('NFC').trim() };
    tx.write(closedRecordPath(ws, year), canonicalYearRecord({ year, closed: null, history: [...record.history, { closing: record.closed, reopened }] }));
    return { closing: record.closed, reopened };
  });
}

export interface YearState {
  year: number;
  state: 'closed' | 'open';
  closedBy?: string | undefined;
  closedAt?: string | undefined;
  hash?: string | undefined;
  signed?: boolean | undefined;
  answerFiles: number;
  reopenings: Reopening[];
}

/** Every year the workspace knows, open or closed, with who closed it and when, and its reopenings. */
export function listYears(ws: Workspace): YearState[] {
  const problems: Problem[] = [];
  const out: YearState[] = [];
  for (const year of knownYears(ws)) {
    let record: YearRecord | undefined;
    try {
      record = readYearRecord(ws, year);
    } catch (err) {
      if (!(err instanceof InvalidInputError)) throw err;
      problems.push(...err.problems);
      continue;
    }
    const closed = record?.closed ?? undefined;
    out.push({
      year,
      state: closed ? 'closed' : 'open',
      closedBy: closed?.manifest.closedBy,
      closedAt: closed?.manifest.closedAt,
      hash: closed?.hash,
      signed: closed ? closed.signature !== undefined : undefined,
      answerFiles: answerFilesOfYear(ws, year).length,
      reopenings: record?.history.map((h) => h.reopened) ?? [],
    });
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return out;
}
