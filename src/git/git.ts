import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';
import { m } from '../ui/i18n.js';

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git in a folder, without a shell. A missing git is bad usage (exit 2), said in Swedish. */
export function git(args: readonly string[], cwd: string): GitResult {
  const r = spawnSync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  if (r.error !== undefined) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(m().g_noGit, m().g_noGitHint);
    throw r.error;
  }
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** git's output as one trimmed line. */
export const line = (r: GitResult): string => r.stdout.toString('utf8').trim();
