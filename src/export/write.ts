import { lstatSync, type Stats } from 'node:fs';
import type { Writable } from 'node:stream';
import { m } from '../ui/i18n.js';
import { dirname, resolve } from 'node:path';
import { StoppedError, UsageError } from '../errors.js';
import { kindOf, writeFileAtomically, writeStreamAtomically } from '../io/files.js';

/**
 * Writes an export readable by the owner only, through the same writer as the workspace files
 * (temp file beside it, exclusive create, fsync, then into place): a kill or a full disk never
 * leaves a 0-byte or half file, and `--force` never destroys a good file on failure. Without
 * `--force` an existing file is never replaced (the new file is linked into place, which fails
 * if the name is taken). A link, FIFO or folder at the name is refused, forced or not.
 */
export function writeExport(path: string, data: string | Buffer, force: boolean): void {
  const stats = checkTarget(path, force);
  try {
    writeFileAtomically(path, data, { replace: force });
  } catch (err) {
    throw explained(err, path, stats !== undefined);
  }
}

/** writeExport for a file streamed as it is made (a workbook of a city's actions): the same checks, the same writer. */
export async function writeExportStream(path: string, produce: (out: Writable) => Promise<void>, force: boolean): Promise<void> {
  const stats = checkTarget(path, force);
  try {
    await writeStreamAtomically(path, produce, { replace: force });
  } catch (err) {
    throw explained(err, path, stats !== undefined);
  }
}

/** A link, FIFO or folder at the name is refused; an existing file unless forced. Returns what stands there. */
function checkTarget(path: string, force: boolean): Stats | undefined {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (stats !== undefined && !stats.isFile()) throw new UsageError(m().w_notAFile(path, kindOf(stats)));
  if (stats !== undefined && !force) throw new UsageError(m().e_fileExists(path), m().e_fileExistsHint);
  return stats;
}

/** A failed write in the user's words. */
function explained(err: unknown, path: string, existed: boolean): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return new UsageError(m().e_fileExists(path), m().e_fileExistsHint);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StoppedError(m().w_diskFull(path, existed));
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UsageError(m().w_noFolder(dirname(path)));
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(m().w_noPermission(dirname(path)));
  return err;
}

/** An export or report: to the file when one is named (never overwritten unless forced), else to stdout. */
export function deliver(data: string | Buffer, out: string | undefined, force: boolean): string | undefined {
  if (out === undefined) {
    process.stdout.write(data);
    return undefined;
  }
  const path = resolve(out);
  writeExport(path, data, force);
  return path;
}

/** deliver for a file streamed as it is made: always to a file (an XLSX is never written to a terminal). */
export async function deliverStream(produce: (out: Writable) => Promise<void>, out: string, force: boolean): Promise<string> {
  const path = resolve(out);
  await writeExportStream(path, produce, force);
  return path;
}
