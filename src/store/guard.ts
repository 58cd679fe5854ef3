import { m as tr } from '../ui/i18n.js';
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../errors.js';
import { kindOf } from '../io/files.js';
import { shownPath } from '../io/paths.js';
import type { Workspace } from './workspace.js';

const MAX_DEPTH = 4;

const problem = (path: string, kind: string): Problem => ({
  file: shownPath(path),
  message: tr().io_special(kind),
});

function walk(dir: string, depth: number, problems: Problem[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folders are reported by whoever needs them
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) walk(path, depth + 1, problems);
    } else if (!entry.isFile()) {
      problems.push(problem(path, kindOf(entry)));
    }
  }
}

/**
 * Every link or special file among the workspace's data: answers/ and everything under it, and the
 * workspace's own checklists/ and rules/. A shared (git) workspace can carry a link planted to make
 * a write land elsewhere; a FIFO would make a read hang. Reading d_type costs one readdir a folder.
 */
export function workspaceFileProblems(ws: Workspace): Problem[] {
  const problems: Problem[] = [];
  for (const name of ['answers', 'checklists', 'rules']) {
    const path = join(ws.root, name);
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      continue;
    }
    if (stats.isDirectory()) walk(path, 1, problems);
    else problems.push(problem(path, stats.isFile() ? 'en fil, inte en mapp' : kindOf(stats)));
  }
  return problems;
}
