import type { KeyObject } from 'node:crypto';
import { loadCatalog } from '../catalog/load.js';
import { InvalidInputError, formatProblem } from '../errors.js';
import { readRegularFile } from '../io/files.js';
import { shownPath } from '../io/paths.js';
import type { Workspace } from '../store/workspace.js';
import { yearsWithAnswers } from '../store/years.js';
import { catalogueNow } from './close.js';
import { compareFiles, manifestHash, sha256, type CatalogueSource, type Closing, type FileChange, type Reopening, type YearRecord } from './manifest.js';
import { answerFilesOfYear, closedRecordPath, filesOfYear, manifestName, recordedYears } from './paths.js';
import { readYearRecord } from './record.js';
import { checkSignature, fingerprintOf, shortFingerprint } from './signature.js';
import { m as messages } from '../ui/i18n.js';

/**
 * `efterlev verify`: every closed year against its manifest and the chain. The checks are pure
 * functions from the records and the files' checksums to a list of findings; reading is apart.
 */

export type FindingKind = 'changed' | 'added' | 'removed' | 'catalogue' | 'manifest' | 'chain' | 'history' | 'signature' | 'record';

export interface Finding {
  year: number;
  kind: FindingKind;
  /** The file the finding is about, as the user sees it. */
  file: string;
  message: string;
}

export type SignatureStatus = 'valid' | 'bad' | 'unsigned' | 'unchecked';

export interface YearReport {
  year: number;
  state: 'closed' | 'open' | 'unreadable';
  closedBy?: string | undefined;
  closedAt?: string | undefined;
  hash?: string | undefined;
  previous?: { year: number; hash: string } | null | undefined;
  /** Files of the year and catalogue files the manifest holds. */
  files?: number | undefined;
  catalogueFiles?: number | undefined;
  signature?: SignatureStatus | undefined;
  /** The key that signed, SHA-256 of its SPKI DER; null when unsigned. */
  signedBy?: string | null | undefined;
  reopenings: Reopening[];
  findings: number;
}

export interface VerifyReport {
  ok: boolean;
  years: YearReport[];
  findings: Finding[];
  notes: string[];
}

/** The files as they are now, for one closed year: the year's own, and the catalogue in force. */
export interface CurrentFiles {
  files: Record<string, string>;
  catalogue: { checklists: CatalogueSource; rules: CatalogueSource; versions: Record<string, string> | undefined; files: Record<string, string> };
}

const day = (moment: string): string => moment.slice(0, 10);
const since = (year: number, c: Closing): string => messages().vf_since(year, day(c.manifest.closedAt), c.manifest.closedBy);
const SOURCE = (source: CatalogueSource): string => messages()[`vf_source_${source}`];

const CHANGE_WORDS = (change: FileChange['change']): string => messages()[`vf_change_${change}`];

/** The year's files and the catalogue against the manifest: one finding a file (pure). */
export function fileFindings(year: number, closing: Closing, now: CurrentFiles): Finding[] {
  const m = closing.manifest;
  const out: Finding[] = compareFiles(m.files, now.files).map((c) => ({ year, kind: c.change, file: c.file, message: `${CHANGE_WORDS(c.change)} ${since(year, closing)}` }));
  for (const c of compareFiles(m.catalogue.files, now.catalogue.files)) {
    out.push({ year, kind: 'catalogue', file: c.file, message: messages().vf_catalogueFile(CHANGE_WORDS(c.change), since(year, closing), year) });
  }
  if (now.catalogue.versions !== undefined) {
    for (const id of [...new Set([...Object.keys(m.catalogue.versions), ...Object.keys(now.catalogue.versions)])].sort()) {
      const then = m.catalogue.versions[id];
      const current = now.catalogue.versions[id];
      if (then !== current) out.push({ year, kind: 'catalogue', file: `checklists/${id}.json`, message: messages().vf_catalogueVersion(id, then, year, current) });
    }
  }
  return out;
}

/**
 * Where the catalogue comes from, then and now (pure): a note, not a finding, since the same files
 * judge the same way wherever they lie; a changed file is a finding of its own.
 */
export function catalogueNotes(year: number, closing: Closing, now: CurrentFiles): string[] {
  return (['checklists', 'rules'] as const)
    .filter((part) => closing.manifest.catalogue[part] !== now.catalogue[part])
    .map((part) => messages().vf_catalogueSource(year, SOURCE(closing.manifest.catalogue[part]), part === 'rules', SOURCE(now.catalogue[part])));
}

/** A record's own consistency: its manifest hash, its history's hashes, and that the closing names the reopening it follows (pure). */
export function recordFindings(record: YearRecord, file: string): Finding[] {
  const year = record.year;
  const out: Finding[] = [];
  const c = record.closed;
  if (c !== null && manifestHash(c.manifest) !== c.hash) out.push({ year, kind: 'manifest', file, message: messages().vf_manifestChanged(c.hash.slice(0, 16)) });
  record.history.forEach((h, i) => {
    if (manifestHash(h.closing.manifest) !== h.closing.hash) {
      out.push({ year, kind: 'history', file, message: messages().vf_historyChanged(i + 1, day(h.closing.manifest.closedAt), day(h.reopened.at)) });
    }
  });
  if (c !== null) {
    const last = record.history.at(-1);
    const s = c.manifest.supersedes;
    if (s === null && last !== undefined) {
      out.push({ year, kind: 'history', file, message: messages().vf_historyUnmentioned(day(last.reopened.at), last.reopened.by) });
    } else if (s !== null && (last === undefined || last.closing.hash !== s.hash || last.reopened.by !== s.reopenedBy || last.reopened.at !== s.reopenedAt || last.reopened.reason !== s.reason)) {
      out.push({ year, kind: 'history', file, message: messages().vf_historyMismatch(day(s.reopenedAt), s.reopenedBy) });
    }
  }
  return out;
}

/**
 * The chain over the closed years (pure): each closing links to the closest earlier closed year's
 * manifest, by its recomputed hash. `records` holds every readable record; `unreadable` the years
 * whose record could not be read (their links are not judged again).
 */
export function chainFindings(records: ReadonlyMap<number, YearRecord>, unreadable: ReadonlySet<number>, fileOf: (year: number) => string): Finding[] {
  const out: Finding[] = [];
  const closedYears = [...records.values()].filter((r) => r.closed !== null).map((r) => r.year).sort((a, b) => a - b);
  for (const year of closedYears) {
    const link = records.get(year)!.closed!.manifest.previous;
    const before = closedYears.filter((y) => y < year).at(-1);
    const file = fileOf(year);
    const broken = (message: string) => out.push({ year, kind: 'chain', file, message: messages().vf_chainBroken(message) });
    if (link === null) {
      if (before !== undefined) broken(messages().vf_noLink(year, before));
      continue;
    }
    if (unreadable.has(link.year)) continue;
    const target = records.get(link.year);
    if (target?.closed == null) {
      const reopened = target?.history.find((h) => h.closing.hash === link.hash)?.reopened;
      broken(
        reopened
          ? messages().vf_linkReopened(year, link.year, day(reopened.at), reopened.by, reopened.reason)
          : messages().vf_linkNotClosed(year, link.year, fileOf(link.year), target === undefined),
      );
    } else if (link.year !== before) {
      broken(messages().vf_linkSkips(year, link.year, before));
    } else if (link.hash !== manifestHash(target.closed.manifest)) {
      const old = target.history.find((h) => h.closing.hash === link.hash);
      broken(
        old
          ? messages().vf_linkOldClosing(year, link.year, day(old.reopened.at))
          : messages().vf_linkOtherHash(year, link.year),
      );
    }
  }
  return out;
}

/** A closing's signature against the trusted key, if one is given (pure but for the key). */
export function signatureFinding(year: number, closing: Closing, file: string, publicKey: KeyObject | undefined, requireSignature: boolean): { status: SignatureStatus; finding?: Finding } {
  const sig = closing.signature;
  if (sig === undefined) {
    return requireSignature ? { status: 'unsigned', finding: { year, kind: 'signature', file, message: messages().vf_unsigned(year) } } : { status: 'unsigned' };
  }
  if (publicKey === undefined) return { status: 'unchecked' };
  const check = checkSignature(closing.manifest, sig, publicKey);
  if (check === 'valid') return { status: 'valid' };
  const message =
    check === 'other-key'
      ? messages().vf_otherKey(shortFingerprint(sig.key), shortFingerprint(fingerprintOf(publicKey)))
      : messages().vf_badSignature;
  return { status: 'bad', finding: { year, kind: 'signature', file, message } };
}

// ---- reading the workspace ----------------------------------------------------------------

const sumsOf = (entries: Iterable<[string, string]>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, path] of entries) out[name] = sha256(readRegularFile(path, shownPath(path)).bytes);
  return out;
};

export interface VerifyOptions {
  publicKey?: KeyObject | undefined;
  requireSignature?: boolean | undefined;
}

export function verifyWorkspace(ws: Workspace, options: VerifyOptions = {}): VerifyReport {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const records = new Map<number, YearRecord>();
  const unreadable = new Set<number>();
  const fileOf = (year: number): string => shownPath(closedRecordPath(ws, year));
  for (const year of recordedYears(ws)) {
    try {
      const record = readYearRecord(ws, year);
      if (record !== undefined) records.set(year, record);
    } catch (err) {
      if (!(err instanceof InvalidInputError)) throw err;
      unreadable.add(year);
      for (const p of err.problems) findings.push({ year, kind: 'record', file: p.file, message: formatProblem({ ...p, file: '' }).replace(/^: /, '') });
    }
  }
  const closedYears = [...records.values()].filter((r) => r.closed !== null).map((r) => r.year);
  let catalogue: CurrentFiles['catalogue'] | undefined;
  if (closedYears.length > 0) {
    const now = catalogueNow(ws);
    let versions: Record<string, string> | undefined;
    try {
      versions = Object.fromEntries(loadCatalog(ws.catalog).checklists.map((c) => [c.id, c.version]));
    } catch (err) {
      if (!(err instanceof InvalidInputError)) throw err; // a broken catalogue shows as changed files
    }
    catalogue = { checklists: now.checklists, rules: now.rules, versions, files: Object.fromEntries([...now.files].map(([n, b]) => [n, sha256(b)])) };
  }
  const years: YearReport[] = [];
  for (const year of [...new Set([...records.keys(), ...unreadable])].sort((a, b) => a - b)) {
    const record = records.get(year);
    if (record === undefined) {
      years.push({ year, state: 'unreadable', reopenings: [], findings: 0 });
      continue;
    }
    const file = fileOf(year);
    const own: Finding[] = recordFindings(record, file);
    const c = record.closed;
    const reopenings = record.history.map((h) => h.reopened);
    let report: YearReport = { year, state: 'open', reopenings, findings: 0 };
    if (c !== null) {
      const files = sumsOf(filesOfYear(ws, year).map((p) => [manifestName(ws, p), p]));
      own.push(...fileFindings(year, c, { files, catalogue: catalogue! }));
      notes.push(...catalogueNotes(year, c, { files, catalogue: catalogue! }));
      const sig = signatureFinding(year, c, file, options.publicKey, options.requireSignature === true);
      if (sig.finding) own.push(sig.finding);
      report = {
        year,
        state: 'closed',
        closedBy: c.manifest.closedBy,
        closedAt: c.manifest.closedAt,
        hash: c.hash,
        previous: c.manifest.previous,
        files: Object.keys(c.manifest.files).length,
        catalogueFiles: Object.keys(c.manifest.catalogue.files).length,
        signature: sig.status,
        signedBy: c.signature?.key ?? null,
        reopenings,
        findings: 0,
      };
    }
    report.findings = own.length;
    findings.push(...own);
    years.push(report);
  }
  const chain = chainFindings(records, unreadable, fileOf);
  for (const f of chain) years.find((y) => y.year === f.year)!.findings++;
  findings.push(...chain);
  for (const year of yearsWithAnswers(ws)) {
    const laterClosed = closedYears.filter((y) => y > year).sort((a, b) => a - b)[0];
    if (laterClosed !== undefined && records.get(year)?.closed == null && !unreadable.has(year) && answerFilesOfYear(ws, year).length > 0) {
      notes.push(messages().vf_openBeforeClosed(year, laterClosed));
    }
  }
  if (options.publicKey === undefined && years.some((y) => y.signature === 'unchecked')) notes.push(messages().vf_signedUnchecked);
  return { ok: findings.length === 0, years, findings: findings.sort((a, b) => a.year - b.year), notes };
}
