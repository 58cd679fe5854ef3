import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExampleWorkspace, removeDir, ROOT, run, tempDir, writeJson } from './helpers.js';
import { loadCatalog } from '../src/catalog/load.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';
import { combined, resultOf } from '../src/coverage/coverage.js';

/** Issue 14: framework coverage, a hand-made case per relation type. */

let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args]);
const lt = (s: string) => ({ sv: s, en: s });

function writeFramework(mappings: object[], overlaps: object[] = []): void {
  writeJson(join(ws, 'checklists', 'frameworks', 'demo.json'), {
    id: 'demo',
    name: lt('Demoramverk'),
    version: '1',
    source: 'Handgjort testfall',
    requirements: ['R1', 'R2', 'R3', 'R4', 'R5'].map((id) => ({ id, title: lt(`Krav ${id}`) })),
  });
  writeJson(join(ws, 'checklists', 'mappings', 'demo.json'), { framework: 'demo', mappings });
  if (overlaps.length > 0) writeJson(join(ws, 'checklists', 'mappings', 'overlap.json'), { overlaps });
}

const MAPPINGS = [
  { question: 'ACC.1', requirement: 'R1', relation: 'equal' },
  { question: 'ACC.2', requirement: 'R2', relation: 'subset' },
  { question: 'LOG.1', requirement: 'R3', relation: 'superset' },
  { question: 'LOG.2', requirement: 'R4', relation: 'intersect' },
];

type Json = { requirements: { id: string; result: string; services: { service: string; result: string }[] }[]; counts: Record<string, number> };
const coverage = async (...extra: string[]): Promise<Json> => {
  const r = await cli('coverage', '--year', '2025', '--framework', 'demo', '--json', ...extra);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
};
const result = (c: Json, id: string) => c.requirements.find((r) => r.id === id)?.result;

beforeEach(async () => {
  ws = tempDir();
  writeMiniCatalog(ws);
  await cli('init', '--name', 'Testkommunen');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T2S2');
  await cli('service', 'add', 'intern', '--name', 'Intern wiki', '--personal-data', 'nej', '--classification', 'K1R1T1S1');
});
afterEach(() => removeDir(ws));

describe('coverage per relation type', () => {
  it('equal and superset can show a requirement met; subset and intersect only in part; unmapped is ej täckt', async () => {
    writeFramework(MAPPINGS);
    await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=ja', 'ACC.2=ja', 'LOG.1=ja', 'LOG.2=alltid', '--evidence', 'Dnr 1');
    const c = await coverage('--service', 'webb');
    expect(result(c, 'R1')).toBe('uppfyllt'); // equal, ja
    expect(result(c, 'R2')).toBe('delvis'); // subset: ja shows only part of the requirement
    expect(result(c, 'R3')).toBe('uppfyllt'); // superset, ja
    expect(result(c, 'R4')).toBe('delvis'); // intersect: best answer, still only an overlap
    expect(result(c, 'R5')).toBe('ej_tackt');
    await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=nej', 'LOG.1=delvis');
    const after = await coverage('--service', 'webb');
    expect(result(after, 'R1')).toBe('ej_uppfyllt');
    expect(result(after, 'R3')).toBe('delvis');
  });

  it('a requirement is ej bedömt until a mapped question is answered, and met across services only when met for each', async () => {
    writeFramework(MAPPINGS);
    expect(result(await coverage(), 'R1')).toBe('ej_bedomt');
    await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=ja', '--evidence', 'Dnr 1');
    const c = await coverage();
    expect(c.requirements.find((r) => r.id === 'R1')?.services).toEqual([
      { service: 'intern', result: 'ej_bedomt' },
      { service: 'webb', result: 'uppfyllt' },
    ]);
    expect(result(c, 'R1')).toBe('delvis');
    await cli('answer', '--year', '2025', '--service', 'intern', 'ACC.1=ja', '--evidence', 'Dnr 2');
    expect(result(await coverage(), 'R1')).toBe('uppfyllt');
  });

  it('an answer given once counts for both overlapping questions', async () => {
    writeFramework(MAPPINGS, [{ questions: ['ORG.1', 'ACC.1'], relation: 'equal' }]);
    await cli('answer', '--year', '2025', '--service', 'organisation', 'ORG.1=ja');
    const c = await coverage('--service', 'organisation');
    expect(result(c, 'R1')).toBe('uppfyllt');
  });

  it("the organisation's answer counts in every service's row: an overlap caps nothing, a nej from the organisation still counts", async () => {
    // ORG.1 (organisation scope) overlaps ACC.1 (service scope) only in part; R1 is ACC.1's, R5 only ORG.2's.
    writeFramework([...MAPPINGS, { question: 'ORG.2', requirement: 'R5', relation: 'equal' }], [{ questions: ['ORG.1', 'ACC.1'], relation: 'intersect' }]);
    await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=ja', '--evidence', 'Dnr 1');
    await cli('answer', '--year', '2025', '--service', 'intern', 'ACC.1=ja', '--evidence', 'Dnr 2');
    const before = await coverage();
    expect(result(before, 'R1')).toBe('uppfyllt'); // the organisation has not answered: its overlap adds nothing yet
    expect(result(before, 'R5')).toBe('ej_bedomt');
    await cli('answer', '--year', '2025', '--service', 'organisation', 'ORG.1=ja', 'ORG.2=ja');
    const c = await coverage();
    // Partial evidence from the organisation does not cap the services' full evidence at delvis ...
    expect(c.requirements.find((r) => r.id === 'R1')?.services).toEqual([
      { service: 'intern', result: 'uppfyllt' },
      { service: 'webb', result: 'uppfyllt' },
    ]);
    expect(result(c, 'R1')).toBe('uppfyllt');
    // ... and a requirement only the organisation's questions reach has the organisation as its one row.
    expect(c.requirements.find((r) => r.id === 'R5')?.services).toEqual([{ service: 'organisation', result: 'uppfyllt' }]);
    expect(result(c, 'R5')).toBe('uppfyllt');
    await cli('answer', '--year', '2025', '--service', 'organisation', 'ORG.1=nej');
    const after = await coverage();
    expect(after.requirements.find((r) => r.id === 'R1')?.services.map((s) => s.result)).toEqual(['delvis', 'delvis']);
    expect(result(after, 'R1')).toBe('delvis');
  });

  it('validate checks every mapping reference, naming file and place', async () => {
    writeFramework([...MAPPINGS, { question: 'ACC.9', requirement: 'R1', relation: 'equal' }, { question: 'ACC.1', requirement: 'R9', relation: 'equal' }]);
    const r = await cli('validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/checklists\/mappings\/demo\.json#\/mappings\/4\/question \(rad \d+\): okänd fråga 'ACC\.9'/);
    expect(r.stderr).toMatch(/checklists\/mappings\/demo\.json#\/mappings\/5\/requirement \(rad \d+\): kravet 'R9' finns inte i demo/);
    expect((await cli('coverage', '--year', '2025', '--framework', 'okänt')).code).toBe(2);
  });
});

describe('the bundled mappings', () => {
  const dir = join(ROOT, 'checklists', 'mappings');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;

  it('load without a problem: every question and requirement exists, every requirement at most once per question', () => {
    const catalog = loadCatalog({ checklistsDir: join(ROOT, 'checklists'), rulesDir: join(ROOT, 'rules') }); // throws on any bad reference
    expect(files).toEqual(expect.arrayContaining(['csl.json', 'gdpr.json', 'iso27001.json', 'overlap.json']));
    for (const f of files.filter((x) => x !== 'overlap.json')) {
      const file = read(f) as { framework: string; mappings: { question: string; requirement: string }[] };
      const framework = catalog.frameworks.get(file.framework);
      expect(framework, f).toBeDefined();
      const ids = new Set(framework?.file.requirements.map((r) => r.id));
      const seen = new Set<string>();
      for (const m of file.mappings) {
        expect(catalog.questions.has(m.question), `${f}: ${m.question}`).toBe(true);
        expect(ids.has(m.requirement), `${f}: ${m.requirement}`).toBe(true);
        const key = `${m.question} → ${m.requirement}`;
        expect(seen.has(key), `${f}: ${key} twice`).toBe(false);
        seen.add(key);
      }
    }
    const overlaps = (read('overlap.json') as { overlaps: { questions: [string, string] }[] }).overlaps;
    const pairs = new Set<string>();
    for (const { questions: [a, b] } of overlaps) {
      // An overlap joins two checklists (here the organisation's and a service's): within one checklist it would be a duplicate question.
      expect(catalog.questions.get(a)?.checklist.id, `${a} ${b}`).not.toBe(catalog.questions.get(b)?.checklist.id);
      expect(pairs.has(`${a} ${b}`), `${a} ${b} twice`).toBe(false);
      pairs.add(`${a} ${b}`);
    }
    // After the overlaps have lent their mappings, still one mapping per question and requirement.
    for (const [id, framework] of catalog.frameworks) {
      const keys = framework.mappings.map((m) => `${m.question} → ${m.requirement}`);
      expect(new Set(keys).size, id).toBe(keys.length);
    }
  });

  it('the example year 2025: the cybersäkerhetslag requirements KP13 answers are covered, no longer all ej täckt', async () => {
    const dir = copyExampleWorkspace();
    try {
      const r = await run(['--dir', dir, 'coverage', '--year', '2025', '--framework', 'csl', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const c = JSON.parse(r.stdout) as { requirements: (Json['requirements'][number] & { evidence: { service: string; question: string; value?: string }[] })[]; counts: Json['counts'] };
      const byKp13 = c.requirements.filter((q) => q.evidence.some((e) => e.question.startsWith('KP13.')));
      expect(byKp13.map((q) => q.id)).toEqual(['2 kap. 2 §', '2 kap. 3 § 1', '2 kap. 3 § 2', '2 kap. 3 § 3', '2 kap. 4 §', '2 kap. 5 §', '2 kap. 6 §', '2 kap. 8 §', '2 kap. 9 §']);
      for (const q of byKp13) expect(q.result, q.id).not.toBe('ej_tackt');
      // KP13 is answered ej tillämplig for 2025 (the law applies from 2026-01-15): shown as evidence, not as a result.
      expect(c.requirements.find((q) => q.id === '2 kap. 2 §')).toMatchObject({ result: 'ej_bedomt', evidence: [{ service: 'organisation', question: 'KP13.1', value: 'ej_tillamplig' }] });
      // What the services' answers show stands beside it.
      expect(result(c, '2 kap. 3 § 2')).toBe('delvis');
      expect(c.counts.ej_tackt).toBe(1); // 2 kap. 7 §, a report on the authority's request: no question asks it
      expect(result(c, '2 kap. 7 §')).toBe('ej_tackt');
    } finally {
      removeDir(dir);
    }
  });
});

describe('the result rules', () => {
  it('derive uppfyllt, delvis, ej uppfyllt and ej bedömt from answer points and relations', () => {
    expect(resultOf([{ relation: 'equal', points: 1 }])).toBe('uppfyllt');
    expect(resultOf([{ relation: 'subset', points: 1 }, { relation: 'subset', points: 1 }])).toBe('delvis');
    expect(resultOf([{ relation: 'superset', points: 1 }, { relation: 'subset', points: 0 }])).toBe('delvis');
    expect(resultOf([{ relation: 'equal', points: 0 }, { relation: 'intersect', points: 0 }])).toBe('ej_uppfyllt');
    expect(resultOf([{ relation: 'equal', points: undefined }])).toBe('ej_bedomt');
    expect(combined(['uppfyllt', 'uppfyllt'])).toBe('uppfyllt');
    expect(combined(['ej_uppfyllt', 'ej_bedomt'])).toBe('ej_uppfyllt');
    expect(combined([])).toBe('ej_bedomt');
  });
});

describe('efterlev coverage in the terminal', () => {
  it('takes the latest year without --year, says so, and fits 80 columns with the words whole', async () => {
    const dir = copyExampleWorkspace();
    try {
      const r = await run(['--dir', dir, 'coverage', '--framework', 'csl'], { env: { COLUMNS: '80' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('(år 2025, senaste i arbetsytan)');
      expect(r.stdout).toContain('Cybersäkerhetslagen 2025');
      const plain = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
      for (const line of plain.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
      // The framework's source line wraps rather than running past the edge.
      expect(plain.replace(/\s+/g, ' ')).toContain('cybersäkerhetsförordningen (2025:1507); i kraft 2026-01-15');
    } finally {
      removeDir(dir);
    }
  });
});
