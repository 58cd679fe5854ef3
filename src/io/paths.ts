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
    const kind = stats.isDirectory() ? 'en mapp' : stats.isFIFO() || stats.isSocket() ? 'en pipe' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'en enhetsfil' : 'ingen vanlig fil';
    throw new UsageError(
      `${file} är ${kind}: efterlev läser bara in vanliga filer, med en övre gräns för storleken.`,
      stats.isDirectory() ? undefined : 'Spara indata i en fil först, t.ex. … > svar.csv, och läs in den filen.',
    );
  }
  return { path, shown: shownPath(path) };
}
