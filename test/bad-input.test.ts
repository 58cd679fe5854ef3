import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, removeDir, run, snapshot, tempDir, writeJson } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

const CORPUS = join(ROOT, 'test', 'fixtures', 'bad');

interface Case {
  message: string;
  args?: string[];
  patch?: { file: string; pointer: string; value?: unknown; delete?: boolean };
  generate?: { file: string; megabytes: number };
  /** A file nested `depth` levels deep: open × depth, middle, close × depth (no close: never closed). */
  nest?: { file: string; open: string; middle?: string; close?: string; depth: number };
}

/** A small good workspace: the test catalogue, one service, one answer file. */
function baseWorkspace(): string {
  const ws = tempDir();
  writeMiniCatalog(ws);
  writeJson(join(ws, 'answers', 'services.json'), {
    organisation: { name: 'Testkommunen' },
    services: [{ id: 'webb', name: 'Webbportalen', personalData: true, sensitiveData: false, thirdCountry: false, classification: { K: 2, R: 2, T: 2, S: 2 } }],
  });
  writeJson(join(ws, 'answers', '2025', 'webb.json'), {
    service: 'webb',
    year: 2025,
    answers: { 'ACC.1': { value: 'ja', by: 'anna', at: '2025-10-01T09:00:00.000Z' } },
    history: [],
  });
  return ws;
}

function applyPatch(ws: string, patch: NonNullable<Case['patch']>): void {
  const path = join(ws, patch.file);
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  const keys = patch.pointer.split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const last = keys.pop()!;
  const parent = keys.reduce((o, k) => o[k], doc);
  if (patch.delete) delete parent[last];
  else parent[last] = patch.value;
  writeFileSync(path, JSON.stringify(doc, null, 2) + '\n');
}

const cases = readdirSync(CORPUS).filter((d) => existsSync(join(CORPUS, d, 'case.json'))).sort();

describe('bad input is refused clearly and changes nothing', () => {
  it('has a corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s', async (name) => {
    const c = JSON.parse(readFileSync(join(CORPUS, name, 'case.json'), 'utf8')) as Case;
    const ws = baseWorkspace();
    try {
      if (existsSync(join(CORPUS, name, 'ws'))) cpSync(join(CORPUS, name, 'ws'), ws, { recursive: true });
      if (c.patch) applyPatch(ws, c.patch);
      if (c.generate) {
        const chunk = '{ "x": "' + 'a'.repeat(1024 * 1024 - 12) + '" }\n';
        writeFileSync(join(ws, c.generate.file), chunk.repeat(c.generate.megabytes));
      }
      if (c.nest) writeFileSync(join(ws, c.nest.file), c.nest.open.repeat(c.nest.depth) + (c.nest.middle ?? '') + (c.nest.close ?? '').repeat(c.nest.depth));
      const before = snapshot(ws);
      const commands = c.args ? [c.args] : [['validate'], ['score', '--year', '2025'], ['answer', '--year', '2025', '--service', 'webb', 'LOG.1=ja']];
      for (const args of commands) {
        const r = await run(['--dir', ws, ...args]);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(new RegExp(c.message));
        expect(r.stderr).not.toMatch(/oväntat fel|\n\s+at /);
        if (args[0] !== 'validate') expect(r.stdout).toBe('');
      }
      expect(snapshot(ws)).toEqual(before);
    } finally {
      removeDir(ws);
    }
  });

  it('accepts a UTF-8 byte order mark, as Windows editors write it', async () => {
    const ws = baseWorkspace();
    try {
      const path = join(ws, 'answers', '2025', 'webb.json');
      writeFileSync(path, '\ufeff' + readFileSync(path, 'utf8'));
      const r = await run(['--dir', ws, 'validate']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      removeDir(ws);
    }
  });
});

describe('file security', () => {
  it('creates answer files, the plan and exports readable by the owner only, whatever the umask', () => {
    const ws = tempDir();
    try {
      writeMiniCatalog(ws);
      rmSync(join(ws, 'answers'), { recursive: true, force: true });
      const cli = (args: string[]) =>
        spawnSync('sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, join(ROOT, 'bin', 'efterlev.js'), '--dir', ws, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(cli(['init']).status).toBe(0);
      expect(cli(['service', 'add', 'webb', '--name', 'Webb', '--personal-data', '--classification', 'K2R2T2S2']).status).toBe(0);
      expect(cli(['answer', '--year', '2025', '--service', 'webb', 'ACC.1=nej']).status).toBe(0);
      expect(cli(['plan', 'set', 'webb:ACC-nej', '--year', '2025', '--status', 'pågår']).status).toBe(0);
      expect(cli(['observation', 'add', '--year', '2025', 'Iakttagelse']).status).toBe(0);
      expect(cli(['export', '--year', '2025', '--format', 'csv', '--out', join(ws, 'hp.csv')]).status).toBe(0);
      expect(cli(['export', '--year', '2025', '--format', 'xlsx', '--out', join(ws, 'hp.xlsx')]).status).toBe(0);
      expect(cli(['report', '--year', '2025', '--format', 'html', '--out', join(ws, 'r.html')]).status).toBe(0);
      const modes = (dir: string): Record<string, number> => {
        const out: Record<string, number> = {};
        for (const name of readdirSync(dir, { recursive: true }) as string[]) out[name] = statSync(join(dir, name)).mode & 0o777;
        return out;
      };
      const answers = modes(join(ws, 'answers'));
      expect(Object.keys(answers)).toEqual(expect.arrayContaining(['services.json', '2025', '2025/webb.json', 'plan', 'plan/2025.json', 'observations/2025.json']));
      for (const [name, mode] of Object.entries(answers)) expect(mode, name).toBe(name.endsWith('.json') ? 0o600 : 0o700);
      for (const name of ['hp.csv', 'hp.xlsx', 'r.html']) {
        expect(statSync(join(ws, name)).mode & 0o777, name).toBe(0o600);
      }
    } finally {
      removeDir(ws);
    }
  });
});
