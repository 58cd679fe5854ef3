import { existsSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import type { CatalogSources } from '../catalog/load.js';

/** The repository (or installed package) root: its checklists/ and rules/ are the bundled catalogue. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Workspace {
  root: string;
  answersDir: string;
  registerFile: string;
  catalog: CatalogSources;
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

/** `--dir`, else EFTERLEV_DIR, else the current directory. Its own checklists/ and rules/ replace the bundled ones. */
export function resolveWorkspace(dir: string | undefined): Workspace {
  const root = resolve(dir ?? process.env['EFTERLEV_DIR'] ?? process.cwd());
  const own = (name: string): string => (isDir(join(root, name)) ? join(root, name) : join(PACKAGE_ROOT, name));
  return {
    root,
    answersDir: join(root, 'answers'),
    registerFile: join(root, 'answers', 'services.json'),
    catalog: { checklistsDir: own('checklists'), rulesDir: own('rules') },
  };
}

export function requireWorkspace(ws: Workspace): void {
  if (!existsSync(ws.registerFile)) {
    throw new UsageError(
      `Ingen arbetsyta i ${ws.root} (answers/services.json saknas).`,
      'Skapa en med `efterlev init`, eller peka ut en med --dir eller EFTERLEV_DIR.',
    );
  }
}
