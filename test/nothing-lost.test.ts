import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, copyExampleWorkspace, readJson, removeDir, run } from './helpers.js';

let ws: string;
type Stored = { answers: Record<string, { value: unknown }>; history: { question: string; value: unknown }[] };
const file = (year: number, service: string) => join(ws, 'answers', String(year), `${service}.json`);
const env = { EFTERLEV_LOCK_STALE_MS: '2000' };

/** Status questions of the IT-security catalogue that apply to Microsoft 365 in the example. */
const QUESTIONS = ['AVT.1', 'AVT.2', 'AVT.3', 'AVT.5', 'BEH.1', 'BEH.2', 'BEH.4', 'DOK.1', 'DOK.3', 'DRI.1', 'DRI.2', 'DRI.3', 'GAL.1', 'GAL.2', 'INC.1', 'INC.2', 'KLA.1', 'KLA.2', 'KON.1', 'KON.2'];

beforeAll(() => {
  ws = copyExampleWorkspace();
});
afterAll(() => removeDir(ws));

describe('nothing is lost', () => {
  it('keeps all 20 answers when 20 processes answer the same service at once', async () => {
    const results = await Promise.all(QUESTIONS.map((q, i) => run(['--dir', ws, 'answer', '--year', '2030', '--service', 'office365', `${q}=${['ja', 'delvis', 'nej'][i % 3]}`], { env })));
    expect(results.map((r) => r.code)).toEqual(QUESTIONS.map(() => 0));
    const stored = readJson<Stored>(file(2030, 'office365'));
    expect(Object.keys(stored.answers).sort()).toEqual([...QUESTIONS].sort());
    QUESTIONS.forEach((q, i) => expect(stored.answers[q]?.value).toBe(['ja', 'delvis', 'nej'][i % 3]));
  });

  it('keeps the losing value in the history when two processes set the same question', async () => {
    const [a, b] = await Promise.all([
      run(['--dir', ws, 'answer', '--year', '2031', '--service', 'telefoni', 'INC.1=ja', '--reviewer', 'a'], { env }),
      run(['--dir', ws, 'answer', '--year', '2031', '--service', 'telefoni', 'INC.1=nej', '--reviewer', 'b'], { env }),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const stored = readJson<Stored>(file(2031, 'telefoni'));
    const values = [stored.answers['INC.1']!.value, ...stored.history.filter((h) => h.question === 'INC.1').map((h) => h.value)].sort();
    expect(values).toEqual(['ja', 'nej']);
  });

  it('a writer killed with SIGKILL mid-write leaves a file that parses and holds every acknowledged answer', async () => {
    const acknowledged = new Map<string, string>();
    const values = ['ja', 'delvis', 'nej'];
    for (let i = 0; i < 24; i++) {
      const q = QUESTIONS[i % QUESTIONS.length]!;
      const value = values[i % 3]!;
      const child = spawn(process.execPath, [BIN, '--dir', ws, 'answer', '--year', '2032', '--service', 'ubw-agresso', `${q}=${value}`], {
        env: { ...process.env, ...env, NO_COLOR: '1' },
        stdio: 'ignore',
      });
      // Every third writer is killed after a varying delay: before, during or after its write.
      if (i % 3 === 1) setTimeout(() => child.kill('SIGKILL'), 60 + ((i * 37) % 200));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      if (code === 0) acknowledged.set(q, value);
      const text = readFileSyncSafe(file(2032, 'ubw-agresso'));
      if (text !== undefined) expect(() => JSON.parse(text)).not.toThrow();
    }
    expect(acknowledged.size).toBeGreaterThan(10);
    const stored = readJson<Stored>(file(2032, 'ubw-agresso'));
    for (const [q, value] of acknowledged) expect(stored.answers[q]?.value, q).toBe(value);
    const v = await run(['--dir', ws, 'validate']);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  }, 120_000);
});

function readFileSyncSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
