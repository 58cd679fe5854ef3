import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { removeDir, run, tempDir, writeJson } from './helpers.js';
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

  it('validate checks every mapping reference, naming file and place', async () => {
    writeFramework([...MAPPINGS, { question: 'ACC.9', requirement: 'R1', relation: 'equal' }, { question: 'ACC.1', requirement: 'R9', relation: 'equal' }]);
    const r = await cli('validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/checklists\/mappings\/demo\.json#\/mappings\/4\/question \(rad \d+\): okänd fråga 'ACC\.9'/);
    expect(r.stderr).toMatch(/checklists\/mappings\/demo\.json#\/mappings\/5\/requirement \(rad \d+\): kravet 'R9' finns inte i demo/);
    expect((await cli('coverage', '--year', '2025', '--framework', 'okänt')).code).toBe(2);
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
