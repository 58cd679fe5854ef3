import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from '../src/catalog/load.js';
import { InvalidInputError } from '../src/errors.js';
import { planImport } from '../src/import/plan.js';
import { readImportFile } from '../src/import/read.js';
import { readAnswerFile } from '../src/store/answers.js';
import { readRegister } from '../src/store/register.js';
import { resolveWorkspace, type Workspace } from '../src/store/workspace.js';
import { removeDir, run, snapshot, tempDir, writeJson } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let dir: string;
let ws: Workspace;
let catalog: Catalog;
const originals = new Map<string, string>();

const ANSWERS = 'answers/2025/webb.json';
const CHECKLIST = 'checklists/mini.json';
const RULES = 'rules/mini/ACC.json';
const IMPORT_JSON = 'import.json';
const IMPORT_CSV = 'import.csv';

beforeAll(() => {
  dir = tempDir();
  writeMiniCatalog(dir);
  writeJson(join(dir, 'answers', 'services.json'), {
    organisation: { name: 'Testkommunen' },
    services: [{ id: 'webb', name: 'Webb', supplier: 'Lev AB', personalData: true, sensitiveData: true, thirdCountry: false, classification: { K: 3, R: 2, T: 3, S: 2 } }],
  });
  const answers = {
    service: 'webb',
    year: 2025,
    answers: {
      'ACC.1': { value: 'nej', comment: 'Saknas', evidence: 'Dnr 1', by: 'anna', at: '2025-10-01T09:00:00.000Z' },
      'ACC.3': { value: '2024-05-01', by: 'anna', at: '2025-10-01T09:00:00.000Z' },
      'LOG.2': { value: 'ibland', by: 'anna', at: '2025-10-01T09:00:00.000Z' },
      'LOG.3': { value: 4, by: 'anna', at: '2025-10-01T09:00:00.000Z' },
    },
    history: [{ question: 'ACC.1', value: 'ja', by: 'bo', at: '2025-09-01T09:00:00.000Z' }],
  };
  writeJson(join(dir, ANSWERS), answers);
  writeJson(join(dir, IMPORT_JSON), { year: 2025, service: 'webb', answers: { 'ACC.2': { value: 'delvis', comment: 'x' }, 'LOG.1': { value: 'ja' } } });
  writeFileSync(join(dir, IMPORT_CSV), 'service;question;value;comment\nwebb;ACC.2;delvis;"a; b"\nwebb;LOG.3;3;\n');
  for (const f of [ANSWERS, CHECKLIST, RULES, IMPORT_JSON, IMPORT_CSV]) originals.set(f, readFileSync(join(dir, f), 'utf8'));
  ws = resolveWorkspace(dir);
  catalog = loadCatalog(ws.catalog);
});
afterAll(() => removeDir(dir));

/** Every path to a value in a JSON document. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

const weird = fc.oneof(
  fc.constantFrom<Json>('', ' ', '__proto__', 'constructor', 'ja', 'JA', 'nej', 'ej_tillamplig', '2025-02-30', '2025-13-01', '../../x', 'a/b', '=CMD()', '\u0000', 'å'.repeat(300), -1, 0, 1e309 as never, 3.5, 99999, true, false, null, [], {}),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Mutation = { kind: 'set'; pick: number; value: Json } | { kind: 'delete'; pick: number } | { kind: 'rename'; pick: number; key: string } | { kind: 'text'; at: number; insert: string; cut: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: weird }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'okand', 'x y', '') }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), insert: fc.constantFrom('', ',', '}', '"', '\\', '\uFFFD', '{"a":', '\n'), cut: fc.nat({ max: 5 }) }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'text') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.insert + text.slice(at + m.cut);
  }
  if (text.trimStart().startsWith('service;')) {
    // CSV: mutate a cell instead.
    const lines = text.split('\n');
    const row = 1 + (m.pick % (lines.length - 1));
    const cells = (lines[row] ?? '').split(';');
    const value = m.kind === 'set' ? (typeof m.value === 'string' ? m.value : JSON.stringify(m.value)) : m.kind === 'rename' ? m.key : '';
    cells[m.pick % Math.max(1, cells.length)] = value;
    lines[row] = cells.join(';');
    return lines.join('\n');
  }
  const doc = JSON.parse(text) as Json;
  const all = paths(doc).filter((p) => p.length > 0);
  const path = all[m.pick % all.length]!;
  const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k as string]!, doc) as Record<string, Json> | Json[];
  const last = path[path.length - 1]!;
  if (m.kind === 'set') (parent as Record<string, Json>)[last as string] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last as string];
  } else if (!Array.isArray(parent)) {
    // Serialised by hand so that a key like __proto__ really is a key, as it would be in a file.
    return serialize(doc, path, m.key);
  }
  return JSON.stringify(doc, null, 2);
}

/** JSON text of a document with the key at `path` renamed. */
function serialize(value: Json, path: (string | number)[], key: string, at: (string | number)[] = []): string {
  if (Array.isArray(value)) return `[${value.map((v, i) => serialize(v, path, key, [...at, i])).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const here = at.length === path.length - 1 && at.every((k, i) => k === path[i]);
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(here && k === path[path.length - 1] ? key : k)}:${serialize(v, path, key, [...at, k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The loader behind each file: it either accepts, or refuses with problems that name the file. */
function load(file: string): void {
  const path = join(dir, file);
  if (file === ANSWERS) readAnswerFile(ws, catalog, 2025, 'webb');
  else if (file === CHECKLIST || file === RULES) loadCatalog(ws.catalog);
  else {
    const { rows, text } = readImportFile(path, file, 2025);
    planImport(rows, text, file, catalog, { ...readRegister(ws), snapshot: false }, { year: 2025 });
  }
}

describe('fuzz: mutated files are accepted or refused cleanly, never crash', () => {
  it.each([ANSWERS, CHECKLIST, RULES, IMPORT_JSON, IMPORT_CSV])('%s: 1000 seeded mutations through the loader', (file) => {
    let refused = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const original = originals.get(file)!;
        let text: string;
        try {
          text = mutate(original, m);
        } catch {
          return; // the mutation itself did not apply to this document
        }
        writeFileSync(join(dir, file), text);
        try {
          load(file);
        } catch (err) {
          if (!(err instanceof InvalidInputError)) throw err;
          refused++;
          for (const p of err.problems) {
            expect(p.message.length).toBeGreaterThan(0);
            expect(p.file).toBeTruthy();
          }
        } finally {
          writeFileSync(join(dir, file), original);
        }
      }),
      { numRuns: 1000, seed: 42 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  it('a sample through the real CLI: exit 0 or 2, no stack trace, no file changed', async () => {
    const samples = fc.sample(fc.tuple(fc.constantFrom(ANSWERS, RULES, CHECKLIST), mutation), { numRuns: 24, seed: 7 });
    for (const [file, m] of samples) {
      let text: string;
      try {
        text = mutate(originals.get(file)!, m);
      } catch {
        continue;
      }
      writeFileSync(join(dir, file), text);
      try {
        const before = snapshot(dir);
        const r = await run(['--dir', dir, 'validate']);
        expect([0, 2], r.stderr).toContain(r.code);
        expect(r.stderr).not.toMatch(/oväntat fel|\n\s+at /);
        const s = await run(['--dir', dir, 'score', '--year', '2025']);
        expect([0, 2]).toContain(s.code);
        expect(snapshot(dir)).toEqual(before);
      } finally {
        writeFileSync(join(dir, file), originals.get(file)!);
      }
    }
  });
});
