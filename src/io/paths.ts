import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';

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
  if (!existsSync(path)) throw new UsageError(`Filen ${file} finns inte.`);
  const stats = statSync(path);
  if (!stats.isFile()) {
    throw new UsageError(
      `${file} är ${stats.isDirectory() ? 'en mapp' : stats.isFIFO() ? 'en pipe' : 'ingen vanlig fil'}: efterlev läser in vanliga filer.`,
      stats.isFIFO() || stats.isCharacterDevice() ? 'Spara indata i en fil först, t.ex. … > svar.csv' : undefined,
    );
  }
  return { path, shown: shownPath(path) };
}
