import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readJson, removeDir, run, snapshot, tempDir, writeJson } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

/**
 * Issue 12: a catalogue moves to a new version. Answers of the old version carry forward through
 * the migration (renamed, split, merged, removed questions; renamed rules keep their follow-ups),
 * and compare across the change stays meaningful.
 */

let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args], { env: { EFTERLEV_NOW: '2026-03-02T09:00:00.000Z' } });
type Stored = { catalog?: Record<string, string>; answers: Record<string, { value: unknown; comment?: string }>; history: { question: string; value: unknown }[] };
const stored = (year: number) => readJson<Stored>(join(ws, 'answers', String(year), 'webb.json'));

/** Version 2 of the mini catalogue: ACC.2 renamed ACC.5; LOG.1 split into LOG.1 and LOG.4; KON.1 removed; ACC-nej renamed ACC-ej-behorighet. */
function writeVersion2(migration: object = MIGRATION, also: (c: { mini: { controls: { questions: { id: string; max?: number }[] }[] } }) => void = () => {}): void {
  writeMiniCatalog(ws, ({ mini, rules }) => {
    also({ mini });
    mini.version = '2';
    const acc = mini.controls[0]!;
    const acc2 = acc.questions.find((q) => q.id === 'ACC.2')!;
    acc2.id = 'ACC.5';
    const log = mini.controls[1]!;
    log.questions.push({ ...log.questions[0]!, id: 'LOG.4', text: { sv: 'Fråga LOG.4?', en: 'Question LOG.4?' } });
    mini.controls = mini.controls.filter((c) => c.id !== 'KON');
    const accRules = rules.ACC.rules;
    accRules[0]!.name = 'ACC-ej-behorighet';
    const recurring = accRules.find((r) => r.name === 'ACC-aterkommande')!;
    recurring.conditions = JSON.parse(JSON.stringify(recurring.conditions).replaceAll('ACC.2', 'ACC.5'));
    recurring.examples = JSON.parse(JSON.stringify(recurring.examples).replaceAll('ACC.2', 'ACC.5'));
  });
  writeJson(join(ws, 'checklists', 'migrations', 'mini.json'), migration);
}

const MIGRATION = {
  checklist: 'mini',
  from: '1',
  to: '2',
  questions: [
    { from: 'ACC.1', to: 'ACC.1' },
    { from: 'ACC.2', to: 'ACC.5', note: 'nytt nummer' },
    { from: 'ACC.3', to: 'ACC.3' },
    { from: 'ACC.4', to: 'ACC.4' },
    { from: 'LOG.1', to: ['LOG.1', 'LOG.4'] },
    { from: 'LOG.2', to: 'LOG.2' },
    { from: 'LOG.3', to: 'LOG.3' },
    { from: 'KON.1', to: null, note: 'ingår i LOG' },
  ],
  rules: [{ from: 'ACC-nej', to: 'ACC-ej-behorighet' }],
};

beforeEach(async () => {
  ws = tempDir();
  writeMiniCatalog(ws);
  await cli('init', '--name', 'Testkommunen');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T3S2');
  await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=nej', 'ACC.2=nej', 'ACC.4=ja', 'LOG.1=delvis', 'KON.1=ja', '--comment', 'Före versionsbytet');
  await cli('plan', 'set', 'webb:ACC-nej', '--year', '2025', '--status', 'pågår', '--owner', 'Anna Ek');
});
afterEach(() => removeDir(ws));

describe('a catalogue version change', () => {
  it('reads last year through the migration: renamed, split and removed questions, renamed rules keep their follow-up', async () => {
    writeVersion2();
    const files = snapshot(join(ws, 'answers'));
    const shown = JSON.parse((await cli('show', '--year', '2025', '--service', 'webb', '--json')).stdout) as Stored;
    expect(Object.keys(shown.answers).sort()).toEqual(['ACC.1', 'ACC.4', 'ACC.5', 'LOG.1', 'LOG.4']);
    expect(shown.answers['LOG.4']).toMatchObject({ value: 'delvis', comment: 'Före versionsbytet' });
    // The removed question's answer is not lost: it is in the history.
    expect(shown.history).toEqual(expect.arrayContaining([expect.objectContaining({ question: 'KON.1', value: 'ja' })]));
    const actions = JSON.parse((await cli('actions', '--year', '2025', '--json')).stdout) as { actions: { id: string; status: string; owner: string }[] };
    expect(actions.actions.find((a) => a.id === 'webb:ACC-ej-behorighet')).toMatchObject({ status: 'pågår', owner: 'Anna Ek' });
    // Reading changes no file.
    expect(snapshot(join(ws, 'answers'))).toEqual(files);
  });

  it('carries last year forward into the new version and compares across the change', async () => {
    writeVersion2();
    const r = await cli('answer', '--year', '2026', '--service', 'webb', 'ACC.1=nej', 'ACC.5=nej', 'LOG.1=ja');
    expect(r.code, r.stderr).toBe(0);
    expect(stored(2026).catalog).toEqual({ mini: '2' });
    const actions = JSON.parse((await cli('actions', '--year', '2026', '--json')).stdout) as { actions: { id: string; recurring: boolean; firstSeen: number }[] };
    // The renamed rule's gap is the same action, found since 2025.
    expect(actions.actions.find((a) => a.id === 'webb:ACC-ej-behorighet')).toMatchObject({ recurring: true, firstSeen: 2025 });
    // ACC.5 = nej this year and, as ACC.2, last year: the rule on the previous answer reads across the rename.
    expect(actions.actions.some((a) => a.id === 'webb:ACC-aterkommande')).toBe(true);
    const compare = JSON.parse((await cli('compare', '2025', '2026', '--json')).stdout) as { persistentGaps: string[]; controls: { control: string; from: number | null; to: number | null }[] };
    expect(compare.persistentGaps).toContain('webb:ACC-ej-behorighet');
    // LOG.1 = delvis was split over LOG.1 and LOG.4 (50); this year LOG.1 = ja, LOG.4 not answered yet (100).
    expect(compare.controls.find((c) => c.control === 'LOG')).toMatchObject({ from: 50, to: 100 });
  });

  it('migrate rewrites the files in the new version, and nothing is lost', async () => {
    writeVersion2();
    const dry = await cli('migrate', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('answers/2025/webb.json: mini 1 → mini 2');
    expect(stored(2025).catalog).toEqual({ mini: '1' });
    const r = await cli('migrate');
    expect(r.code, r.stderr).toBe(0);
    const file = stored(2025);
    expect(file.catalog).toEqual({ mini: '2' });
    expect(Object.keys(file.answers).sort()).toEqual(['ACC.1', 'ACC.4', 'ACC.5', 'LOG.1', 'LOG.4']);
    expect(file.history).toEqual(expect.arrayContaining([expect.objectContaining({ question: 'KON.1' })]));
    expect(Object.keys(readJson<{ actions: object }>(join(ws, 'answers', 'plan', '2025.json')).actions)).toEqual(['webb:ACC-ej-behorighet']);
    expect((await cli('migrate')).stdout).toContain('Alla filer står redan i katalogens nuvarande version.');
    expect((await cli('validate')).code).toBe(0);
  });

  it('validate names a migration that points to a question the new version lacks', async () => {
    writeVersion2({ ...MIGRATION, questions: MIGRATION.questions.map((q) => (q.from === 'ACC.2' ? { from: 'ACC.2', to: 'ACC.9' } : q)) });
    const r = await cli('validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/checklists\/migrations\/mini\.json#\/questions\/1\/to \(rad \d+\): frågan 'ACC\.9' finns inte i mini 2/);
  });

  it('refuses a migration that would put a value where the new question does not take it, changing nothing', async () => {
    expect((await cli('answer', '--year', '2025', '--service', 'webb', 'LOG.3=4')).code).toBe(0);
    writeVersion2({
      ...MIGRATION,
      questions: MIGRATION.questions.filter((q) => q.from !== 'LOG.2').map((q) => (q.from === 'LOG.3' ? { from: 'LOG.3', to: 'LOG.2' } : q)),
    });
    const before = snapshot(join(ws, 'answers'));
    const r = await cli('score', '--year', '2025');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers\/2025\/webb\.json#\/answers\/LOG\.3: LOG\.3 kan inte flyttas till LOG\.2 i 2: .*rätta flyttningen i .*checklists\/migrations\/mini\.json/);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('refuses a question that keeps its id but no longer takes last year\'s value, changing nothing', async () => {
    expect((await cli('answer', '--year', '2025', '--service', 'webb', 'LOG.3=4')).code).toBe(0);
    writeVersion2(MIGRATION, ({ mini }) => {
      mini.controls[1]!.questions.find((q) => q.id === 'LOG.3')!.max = 3;
    });
    const before = snapshot(join(ws, 'answers'));
    const r = await cli('score', '--year', '2025');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers\/2025\/webb\.json#\/answers\/LOG\.3: LOG\.3 kan inte flyttas till LOG\.3 i 2: .*rätta flyttningen i .*checklists\/migrations\/mini\.json/);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });
});
