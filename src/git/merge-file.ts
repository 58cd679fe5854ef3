import { m } from '../ui/i18n.js';
import { InvalidInputError, formatProblem } from '../errors.js';
import { writeFileAtomically } from '../io/files.js';
import { readTextFile } from '../io/json-file.js';
import type { Notes } from './core.js';
import { git } from './git.js';
import { handlerFor, kindLabel, kindOfContent, kindOfPath, type FileKind } from './kinds.js';

/**
 * `efterlev git merge-file BASE OURS THEIRS [PATH]`: git's merge driver for one workspace file
 * (%O %A %B %P). The result is written to OURS, as git expects of a driver.
 */

export type TextMerge = { ok: true; kind: FileKind; text: string; notes: Notes } | { ok: false; kind?: FileKind | undefined; reason: string };

const problemsText = (err: InvalidInputError): string => err.problems.slice(0, 5).map(formatProblem).join('; ') + (err.problems.length > 5 ? ` (och ${err.problems.length - 5} till)` : '');

/**
 * Merges the three versions of one workspace file, as text in and text out: each side is read as
 * the store reads it, merged by its kind's rules, written in the store's canonical form and read
 * back, so the result is a valid file or no result at all. An empty base is a file both sides
 * added (git's add/add).
 */
export function mergeTexts(texts: { base: string; ours: string; theirs: string }, path: string | undefined): TextMerge {
  const kind = path !== undefined ? kindOfPath(path) : kindOfContent(texts.ours);
  if (kind === undefined) {
    return {
      ok: false,
      reason:
        path !== undefined
          ? m().gm_unknownFile
          : m().gm_noPath,
    };
  }
  const handler = handlerFor(kind);
  const name = path ?? kindLabel(kind.kind);
  const read = (text: string, side: string): unknown => handler.parse(text, `${name} (${side})`);
  let merged;
  try {
    const base = /\S/.test(texts.base) ? read(texts.base, m().gm_base) : undefined;
    merged = handler.merge(base, read(texts.ours, m().gm_ourSide), read(texts.theirs, m().gm_theirSide));
  } catch (err) {
    if (err instanceof InvalidInputError) return { ok: false, kind, reason: problemsText(err) };
    throw err;
  }
  if (!merged.ok) return { ok: false, kind, reason: merged.reason };
  try {
    const text = handler.canonical(merged.value);
    read(text, m().gm_merged);
    return { ok: true, kind, text, notes: merged.notes };
  } catch (err) {
    const why = err instanceof InvalidInputError ? problemsText(err) : err instanceof Error ? err.message : String(err);
    return { ok: false, kind, reason: m().gm_notValid(why) };
  }
}

/** The labels of git's conflict markers, in the language of the run (the driver's command carries --lang). */
export const markers = (): { ours: string; base: string; theirs: string } => ({ ours: m().gm_ourSide, base: m().gm_base, theirs: m().gm_theirSide });

/**
 * git's own line merge of the three files, with its usual conflict markers: what git would have
 * done without the driver. Undefined when git cannot do it.
 */
function lineMerge(files: { base: string; ours: string; theirs: string }): { text: Buffer; conflicts: number } | undefined {
  try {
    const labels = markers();
    const r = git(['merge-file', '-p', '-L', labels.ours, '-L', labels.base, '-L', labels.theirs, files.ours, files.base, files.theirs], process.cwd());
    return r.status >= 0 && r.status < 128 ? { text: r.stdout, conflicts: r.status } : undefined;
  } catch {
    return undefined;
  }
}

export type DriverResult =
  | { merged: true; kind: FileKind; notes: Notes; changed: boolean }
  /** `left`: what OURS holds now: git's conflict markers, git's clean line merge (unchecked), or our side as it was. */
  | { merged: false; kind?: FileKind | undefined; reason: string; left: 'markers' | 'line-merge' | 'ours' };

/**
 * Runs the driver on files: merged, the canonical result replaces OURS (atomically). Not merged,
 * OURS gets git's line merge with conflict markers, so the file holds both sides, every git tool
 * can resolve it, and efterlev refuses to read it until someone has; the caller exits 1, which
 * git reports as a conflict.
 */
export function runMergeDriver(files: { base: string; ours: string; theirs: string }, path: string | undefined): DriverResult {
  let result: TextMerge;
  let oursText: string | undefined;
  try {
    const base = readTextFile(files.base, files.base);
    oursText = readTextFile(files.ours, files.ours);
    result = mergeTexts({ base, ours: oursText, theirs: readTextFile(files.theirs, files.theirs) }, path);
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    const label = path ?? m().gm_theFile;
    result = { ok: false, reason: problemsText(err).replaceAll(files.base, `${label} (${m().gm_base})`).replaceAll(files.ours, `${label} (${m().gm_ourSide})`).replaceAll(files.theirs, `${label} (${m().gm_theirSide})`) };
  }
  if (result.ok) {
    const changed = result.text !== oursText;
    if (changed) writeFileAtomically(files.ours, result.text);
    return { merged: true, kind: result.kind, notes: result.notes, changed };
  }
  const line = lineMerge(files);
  if (line === undefined) return { merged: false, kind: result.kind, reason: result.reason, left: 'ours' };
  writeFileAtomically(files.ours, line.text);
  return { merged: false, kind: result.kind, reason: result.reason, left: line.conflicts > 0 ? 'markers' : 'line-merge' };
}
