import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/load.js';
import { checklistsFor } from '../src/store/answers.js';
import { ROOT, copyExampleWorkspace, removeDir, run } from './helpers.js';

/**
 * Issue 14: the cybersäkerhetslag as the organisation checklist `csl`, applying from review year
 * 2026 (appliesFrom). Finished years keep their figures; 2026 asks, scores and acts on it.
 */

const NOW = '2026-11-16T10:00:00.000Z';
const env = { EFTERLEV_NOW: NOW };
type Action = { id: string; rule: string; severity: string; service: string; checklist: string; control: string };

describe('appliesFrom in the catalogue', () => {
  const catalog = loadCatalog({ checklistsDir: join(ROOT, 'checklists'), rulesDir: join(ROOT, 'rules') });

  it('csl is an organisation checklist applying from 2026, with Swedish and English texts', () => {
    const csl = catalog.checklists.find((c) => c.id === 'csl')!;
    expect(csl).toMatchObject({ scope: 'organisation', version: '2026.1', appliesFrom: 2026 });
    for (const k of csl.controls) {
      expect(k.name.en.length).toBeGreaterThan(0);
      for (const q of k.questions) expect(q.text.en.length * q.text.sv.length).toBeGreaterThan(0);
    }
    expect(catalog.rulesByChecklist.get('csl')!.length).toBeGreaterThanOrEqual(40);
  });

  it('picks the year’s checklists in one place: dso alone before 2026, dso then csl from 2026; services unaffected', () => {
    // Other checklists applying from 2026 may sit beside csl; dso stays first, and alone before.
    expect(checklistsFor(catalog, 'organisation', 2025).map((c) => c.id)).toEqual(['dso']);
    expect(checklistsFor(catalog, 'organisation', 2026).map((c) => c.id)).toEqual(expect.arrayContaining(['dso', 'csl']));
    expect(checklistsFor(catalog, 'organisation', 2026)[0]!.id).toBe('dso');
    expect(checklistsFor(catalog, 'organisation', 2027).map((c) => c.id)).toContain('csl');
    expect(checklistsFor(catalog, 'organisation', 2026)).toBe(checklistsFor(catalog, 'organisation', 2027));
    expect(checklistsFor(catalog, 'telefoni', 2025)).toBe(checklistsFor(catalog, 'telefoni', 2026));
  });
});

describe('efterlev with the csl checklist', () => {
  let ws: string;
  let without: string;
  const cli = (dir: string, ...args: string[]) => run(['--dir', dir, ...args], { env });
  const actions = async (dir: string, year: number): Promise<Action[]> => {
    const r = await cli(dir, 'actions', '--year', String(year), '--json');
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { actions: Action[] }).actions;
  };
  const orgRules = async (dir: string) => (await actions(dir, 2026)).filter((a) => a.service === 'organisation').map((a) => a.rule);

  beforeAll(() => {
    ws = copyExampleWorkspace();
    // The same workspace with its own catalogue: the bundled one without csl, as before issue 14.
    without = copyExampleWorkspace();
    cpSync(join(ROOT, 'checklists'), join(without, 'checklists'), { recursive: true });
    cpSync(join(ROOT, 'rules'), join(without, 'rules'), { recursive: true });
    rmSync(join(without, 'checklists', 'csl.json'));
    rmSync(join(without, 'checklists', 'mappings', 'csl-checklist.json'));
    rmSync(join(without, 'rules', 'csl'), { recursive: true });
  });
  afterAll(() => {
    removeDir(ws);
    removeDir(without);
  });

  it.each([
    [['overview', '--year', '2025']],
    [['score', '--year', '2025']],
    [['score', '--year', '2025', '--json']],
    [['actions', '--year', '2025', '--json']],
    [['compare', '2024', '2025']],
    [['coverage', '--year', '2025', '--framework', 'csl']],
    [['report', '--year', '2025']],
    [['export', '--year', '2025', '--format', 'csv']],
    [['export', '--year', '2025', '--format', 'oscal-ar']],
  ])('%j for 2025 is what it was without csl, and never mentions it', async (args) => {
    const now = await cli(ws, ...args);
    const before = await cli(without, ...args);
    expect(now.code, now.stderr).toBe(0);
    expect(now.stdout).toBe(before.stdout);
    // The csl framework (checklists/frameworks) was there before; the checklist's controls never are.
    expect(now.stdout).not.toMatch(/CSL\d|"checklist": ?"csl"|Säkerhetsåtgärder: riskanalys|Incidentrapportering till CSIRT-enheten/);
  });

  it('refuses a csl answer for 2025, naming the year it applies from', async () => {
    const r = await cli(ws, 'answer', '--year', '2025', '--service', 'organisation', 'CSL1.1=ja');
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toContain("'CSL1.1' hör till checklistan csl, som gäller från granskningsåret 2026 (inte 2025)");
  });

  it('asks csl for 2026: answers through the CLI give graded gaps with the law behind them', async () => {
    const a = await cli(ws, 'answer', '--year', '2026', '--service', 'organisation', 'CSL1.1=nej', 'CSL2.1=delvis', 'CSL3.1=ja', 'CSL5.4=nej', 'CSL6.1=ja', 'CSL7.1=nej', '--comment', 'Granskning 2026');
    expect(a.code, a.stderr).toBe(0);
    const list = await actions(ws, 2026);
    const bySev = Object.fromEntries(list.filter((x) => x.checklist === 'csl').map((x) => [x.rule, x.severity]));
    expect(bySev).toMatchObject({
      'CSL1-anmalan-saknas': 'stor',
      'CSL2-ledningsutbildning-ofullstandig': 'mellan',
      'CSL5-mfa-saknas': 'stor',
      'CSL7-samordning-saknas': 'mellan',
    });
    // Silent where the answer is good, and the weaker rule steps aside for the stronger.
    expect(Object.keys(bySev)).not.toContain('CSL3-riskanalys-saknas');
    expect(Object.keys(bySev)).not.toContain('CSL6-rapporteringsrutin-saknas');
    expect(Object.keys(bySev)).not.toContain('CSL1-andringsrutin-saknas');
    const anm = list.find((x) => x.rule === 'CSL1-anmalan-saknas')!;
    expect(anm).toMatchObject({ service: 'organisation', control: 'CSL1', id: 'organisation:CSL1-anmalan-saknas' });

    const score = await cli(ws, 'score', '--year', '2026');
    expect(score.stdout).toContain('Cybersäkerhetslagen');
    const report = await cli(ws, 'report', '--year', '2026');
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('Anmälan till den gemensamma kontaktpunkten');
    expect(report.stdout).toContain('Dataskyddsorganisation');

    const fixed = await cli(ws, 'answer', '--year', '2026', '--service', 'organisation', 'CSL1.1=ja', '--evidence', 'Kvittens dnr KS 2026/12');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(await orgRules(ws)).not.toContain('CSL1-anmalan-saknas');
  });

  it('reads the incident register: the CSIRT reporting chain of a significant incident', async () => {
    const add = await cli(ws, 'incident', 'add', '--service', 'visma-recruit', '--kind', 'betydande', '--title', 'Utpressningsvirus hos driftleverantören',
      '--occurred', '2026-09-04', '--detected', '2026-09-04 18:00', '--early-warning', '2026-09-06 09:00', '--notification', '2026-09-06 12:00', '--status', 'åtgärdad', '--resolved', '2026-09-08');
    expect(add.code, add.stderr).toBe(0);
    const id = /incident (\d{4}-\d+)/.exec(add.stdout)![1]!;
    let rules = await orgRules(ws);
    // Early warning after 39 hours, notification in time: the 24-hour rule alone, and the final report is due.
    expect(rules).toContain('CSL6-tidig-varning-sen');
    expect(rules).not.toContain('CSL6-incidentanmalan-sen');
    expect(rules).not.toContain('CSL6-rapportering-sen');
    expect(rules).toContain('CSL6-slutrapport-saknas');
    // A significant incident and no coordination with IMY: the stronger coordination rule.
    expect(rules).toContain('CSL7-samordning-saknas-efter-incident');
    expect(rules).not.toContain('CSL7-samordning-saknas');

    expect((await cli(ws, 'incident', 'set', id, '--early-warning', '2026-09-05 08:00', '--final-report', '2026-10-01')).code).toBe(0);
    rules = await orgRules(ws);
    expect(rules).not.toContain('CSL6-tidig-varning-sen');
    expect(rules).not.toContain('CSL6-slutrapport-saknas');
    expect(rules).toContain('CSL7-samordning-saknas-efter-incident');

    // The supplier clause, read together with a late early warning.
    expect((await cli(ws, 'answer', '--year', '2026', '--service', 'organisation', 'CSL4.3=nej')).code).toBe(0);
    rules = await orgRules(ws);
    expect(rules).toContain('CSL4-leverantorsunderrattelse-saknas');
    expect(rules).not.toContain('CSL4-leverantorsunderrattelse-saknas-efter-sen-varning');
    expect((await cli(ws, 'incident', 'set', id, '--early-warning', '2026-09-06 09:00', '--notification', '2026-09-08 09:00')).code).toBe(0);
    rules = await orgRules(ws);
    expect(rules).toContain('CSL6-rapportering-sen');
    expect(rules).not.toContain('CSL6-tidig-varning-sen');
    expect(rules).toContain('CSL4-leverantorsunderrattelse-saknas-efter-sen-varning');
    expect(rules).not.toContain('CSL4-leverantorsunderrattelse-saknas');
  });

  it('the workspace stays valid, and 2026 shows csl in the overview', async () => {
    expect((await cli(ws, 'validate')).code).toBe(0);
    const o = await cli(ws, 'overview', '--year', '2026');
    expect(o.code, o.stderr).toBe(0);
    expect(o.stdout).toContain('Cybersäkerhetslagen');
  });
});
