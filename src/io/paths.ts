import { isAbsolute, relative } from 'node:path';

/** A path as the user should see it in a message: relative to where they stand, when inside it. */
export function shownPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}
