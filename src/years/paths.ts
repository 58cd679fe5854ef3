import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Workspace } from '../store/workspace.js';

/**
 * Which workspace files belong to a review year. A closed year's manifest holds a checksum of each,
 * and the store refuses to write any of them while the year is closed:
 *
 *   answers/<year>/*                 the answer files (every regular file, not only *.json)
 *   answers/plan/<year>.json         the handlingsplan's follow-up
 *   answers/observations/<year>.json the special observations
 *   answers/incidents/<year>.json    the incident register
 *   answers/register/<year>.json     the register snapshot the year is judged by
 *
 * The year's own record (answers/closed/<year>.json) is not one of them: closing and reopening
 * write it.
 */

/** The folders under answers/ that hold one `<year>.json` per year. */
export const YEARLY_FOLDERS = ['plan', 'observations', 'incidents', 'register'] as const;

export function closedRecordPath(ws: Workspace, year: number): string {
  return join(ws.answersDir, 'closed', `${year}.json`);
}

export const closedDir = (ws: Workspace): string => join(ws.answersDir, 'closed');

/** The year a workspace file belongs to, or undefined for a file of no year (the register, a record). */
export function yearOfFile(ws: Workspace, path: string): number | undefined {
  const parts = relative(ws.answersDir, path).split(sep);
  if (parts.length !== 2 || parts.some((p) => p === '' || p === '..')) return undefined;
  const [folder, name] = parts as [string, string];
  if (/^\d{4}$/.test(folder)) return Number(folder);
  const yearly = /^(\d{4})\.json$/.exec(name);
  return yearly !== null && (YEARLY_FOLDERS as readonly string[]).includes(folder) ? Number(yearly[1]) : undefined;
}

/** A workspace path as a manifest names it: relative to the workspace root, with `/`. */
export const manifestName = (ws: Workspace, path: string): string => relative(ws.root, path).split(sep).join('/');

const visible = (name: string): boolean => !name.startsWith('.');

/**
 * The files of a year as they stand now, absolute paths, sorted: every regular file in
 * answers/<year>/ (not temporary files or lock folders) and the year's plan, observations,
 * incident register and register snapshot where they exist.
 */
export function filesOfYear(ws: Workspace, year: number): string[] {
  const dir = join(ws.answersDir, String(year));
  const answers = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isFile() && visible(d.name))
        .map((d) => join(dir, d.name))
    : [];
  const yearly = YEARLY_FOLDERS.map((f) => join(ws.answersDir, f, `${year}.json`)).filter((p) => existsSync(p));
  return [...answers, ...yearly].sort();
}

/** The fixed paths of a year's files, whether they exist or not (to lock them). */
export function yearlyPaths(ws: Workspace, year: number): string[] {
  return YEARLY_FOLDERS.map((f) => join(ws.answersDir, f, `${year}.json`));
}

/** The answer files of a year (`*.json`), the ones that make a year worth closing. */
export function answerFilesOfYear(ws: Workspace, year: number): string[] {
  const dir = join(ws.answersDir, String(year));
  return filesOfYear(ws, year).filter((p) => p.startsWith(dir + sep) && p.endsWith('.json'));
}

/** Years with a record in answers/closed/, ascending. */
export function recordedYears(ws: Workspace): number[] {
  const dir = closedDir(ws);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .map((d) => (d.isFile() ? /^(\d{4})\.json$/.exec(d.name)?.[1] : undefined))
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The catalogue files in force, relative names (`checklists/dso.json`, `rules/itsak/LOG.json`) to
 * absolute paths: every visible *.json under the checklists and rules folders the workspace uses
 * (its own, or the bundled ones).
 */
export function catalogueFiles(ws: Workspace): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string, prefix: string, depth: number): void => {
    if (!existsSync(dir)) return;
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (!visible(d.name)) continue;
      const path = join(dir, d.name);
      if (d.isDirectory() && depth < 3 && !d.name.endsWith('.lock')) walk(path, `${prefix}/${d.name}`, depth + 1);
      else if (d.isFile() && d.name.endsWith('.json')) out.set(`${prefix}/${d.name}`, path);
    }
  };
  walk(ws.catalog.checklistsDir, 'checklists', 1);
  walk(ws.catalog.rulesDir, 'rules', 1);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
