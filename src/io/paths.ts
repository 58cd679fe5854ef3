import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { m } from '../ui/i18n.js';

/** A path as the user should see it in a message: relative to where they stand, when inside it. */
export function shownPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

/**
 * A file the user names on the command line: it must exist and be a regular file (reached through
 * a link is fine: the user named it). Returns its absolute and shown paths.
 */
export function inputFile(file: string): { path: string; shown: string } {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(m().io_noFile(file));
  const stats = statSync(path);
  if (!stats.isFile()) {
    const kind = stats.isDirectory() ? m().io_kindFolder : stats.isFIFO() || stats.isSocket() ? m().io_kindPipe : stats.isCharacterDevice() || stats.isBlockDevice() ? m().io_kindDevice : m().io_kindOther;
    throw new UsageError(
      m().io_notRegular(file, kind),
      stats.isDirectory() ? undefined : m().io_notRegularHint,
    );
  }
  return { path, shown: shownPath(path) };
}
