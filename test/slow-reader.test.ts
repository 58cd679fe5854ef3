import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWorkspace } from '../src/bench/generate.js';
import { loadCatalog } from '../src/catalog/load.js';
import { resolveWorkspace } from '../src/store/workspace.js';
import { BIN, removeDir, ROOT, tempDir } from './helpers.js';

// `efterlev actions | less`: the output waits for its reader. Written without waiting (as it was),
// a pipe that is not read yet took everything at once: the CLI's peak memory grew with the text.

/** Peak memory (kB, the process's own high-water mark) of `actions` writing to `out`; a pipe is read only after `stallMs`. */
function peakOf(dir: string, out: 'file' | 'pipe', stallMs = 0): Promise<{ kb: number; bytes: number; code: number | null }> {
  const rss = join(dir, `rss-${out}`);
  const file = out === 'file' ? openSync(join(dir, 'out.txt'), 'w') : undefined;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(ROOT, 'dist', 'bench', 'rss.js')).href, BIN, '--dir', dir, 'actions', '--year', '2025'], {
      env: { ...process.env, NO_COLOR: '1', EFTERLEV_BENCH_RSS: rss },
      stdio: ['ignore', file ?? 'pipe', 'ignore'],
    });
    let bytes = 0;
    if (child.stdout !== null) {
      child.stdout.pause();
      setTimeout(() => {
        child.stdout!.on('data', (d: Buffer) => (bytes += d.length));
        child.stdout!.resume();
      }, stallMs);
    }
    child.on('error', reject);
    child.on('close', (code) => {
      if (file !== undefined) closeSync(file);
      resolve({ kb: Number(readFileSync(rss, 'utf8')), bytes: file !== undefined ? readFileSync(join(dir, 'out.txt')).length : bytes, code });
    });
  });
}

describe('a handlingsplan read slowly through a pipe', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('efterlev-slow-reader-');
    // Some 14,000 actions, 9 MB of text: far more than a pipe and the writer's buffer hold.
    generateWorkspace(dir, loadCatalog(resolveWorkspace(ROOT).catalog), 600, [2024, 2025], 11);
  });
  afterAll(() => removeDir(dir));

  it('costs no more memory than writing it to a file, and every byte arrives', async () => {
    const toFile = await peakOf(dir, 'file');
    const toPipe = await peakOf(dir, 'pipe', 6000);
    expect([toFile.code, toPipe.code]).toEqual([0, 0]);
    expect(toFile.bytes).toBeGreaterThan(5_000_000);
    expect(toPipe.bytes).toBe(toFile.bytes);
    // Measured: 134 MB to the stalled pipe, 140 to a file; not waiting for the reader, 159 to the pipe.
    expect(toPipe.kb).toBeLessThan(toFile.kb + 8 * 1024);
  }, 120_000);
});
