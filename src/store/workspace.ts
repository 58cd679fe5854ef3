import { m as tr } from '../ui/i18n.js';
import { lstatSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError, UsageError } from '../errors.js';
import type { CatalogSources } from '../catalog/load.js';
import { workspaceFileProblems } from './guard.js';
import { pendingJournals, recoverInterrupted } from './transaction.js';
import { notice } from '../io/notices.js';

/** The repository (or installed package) root: its checklists/ and rules/ are the bundled catalogue. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Workspace {
  root: string;
  answersDir: string;
  registerFile: string;
  catalog: CatalogSources;
}

/** Whether something stands at the path (a link too: the guard refuses it rather than following it). */
const exists = (p: string): boolean => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** `--dir`, else EFTERLEV_DIR, else the current directory. Its own checklists/ and rules/ replace the bundled ones. */
export function resolveWorkspace(dir: string | undefined): Workspace {
  const root = resolve(dir ?? process.env['EFTERLEV_DIR'] ?? process.cwd());
  const own = (name: string): string => (exists(join(root, name)) ? join(root, name) : join(PACKAGE_ROOT, name));
  return {
    root,
    answersDir: join(root, 'answers'),
    registerFile: join(root, 'answers', 'services.json'),
    catalog: { checklistsDir: own('checklists'), rulesDir: own('rules') },
  };
}

/** Refuses a workspace with a link or special file among its data (exit 2, every path named). */
export function guardWorkspace(ws: Workspace): void {
  const problems = workspaceFileProblems(ws);
  if (problems.length > 0) throw new InvalidInputError(problems);
}

/**
 * What every command does before it reads or writes a workspace: refuses links and special
 * files, finishes an interrupted multi-file write, and requires the register.
 */
export async function openWorkspace(ws: Workspace, options: { readOnly?: boolean } = {}): Promise<void> {
  guardWorkspace(ws);
  if (!exists(ws.registerFile)) {
    throw new UsageError(
      tr().ws_none(ws.root),
      tr().ws_noneHint,
    );
  }
  // A workspace read on behalf of another (a roll-up's member) is never written, not even to finish a write.
  if (options.readOnly) {
    if (pendingJournals(ws) > 0) notice(tr().tx_pending(ws.root));
    return;
  }
  await recoverInterrupted(ws);
}
