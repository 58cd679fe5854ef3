import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * How old a lock must be before it counts as left by a dead process (proper-lockfile refreshes a
 * live one every half of this). EFTERLEV_LOCK_STALE_MS shortens it, down to 2 s, for test runs
 * that kill writers on purpose.
 */
const STALE_MS = Math.max(2000, Number(process.env['EFTERLEV_LOCK_STALE_MS']) || 10_000);

/**
 * Runs a read-modify-write of one file under an inter-process lock (`<file>.lock`). Hold it only
 * for the short update, never while a prompt is open. A lock left by a killed process is stale
 * after 10 s and taken over.
 */
export async function withFileLock<T>(file: string, update: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  const release = await lockfile.lock(file, {
    realpath: false,
    stale: STALE_MS,
    retries: { retries: 200, factor: 1.3, minTimeout: 10, maxTimeout: 250, randomize: true },
  });
  try {
    return await update();
  } finally {
    await release();
  }
}
