import { m } from '../ui/i18n.js';
import { lstatSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoppedError, UsageError } from '../errors.js';
import { kindOf, writeFileAtomically } from '../io/files.js';

/**
 * Writes an export readable by the owner only, through the same writer as the workspace files
 * (temp file beside it, exclusive create, fsync, then into place): a kill or a full disk never
 * leaves a 0-byte or half file, and `--force` never destroys a good file on failure. Without
 * `--force` an existing file is never replaced (the new file is linked into place, which fails
 * if the name is taken). A link, FIFO or folder at the name is refused, forced or not.
 */
export function writeExport(path: string, data: string | Buffer, force: boolean): void {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (stats !== undefined && !stats.isFile()) throw new UsageError(`${path} är ${kindOf(stats)}; efterlev skriver bara vanliga filer och aldrig genom länkar.`);
  if (stats !== undefined && !force) throw new UsageError(m().e_fileExists(path), m().e_fileExistsHint);
  try {
    writeFileAtomically(path, data, { replace: force });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(m().e_fileExists(path), m().e_fileExistsHint);
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new StoppedError(`Disken är full: ${path} skrevs inte${stats ? ' och den gamla filen är orörd' : ''}.`);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`Mappen ${dirname(path)} finns inte.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`Får inte skriva i ${dirname(path)}.`);
    throw err;
  }
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
