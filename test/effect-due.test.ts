import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, run, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

/**
 * Issue 13: the effect of fixing a gap is computed with the answer that closes it (for a number
 * or a date, the nearest value that makes the rule false), "–" when no single answer does; and
 * a suggested due date follows priority.
 */

let ws: string;
// Every answer is saved on 2025-10-15: the review date, and the limit of "12 months before" it is 2024-10-15.
const env = { EFTERLEV_NOW: '2025-10-15T10:00:00.000Z' };
const cli = (...args: string[]) => run(['--dir', ws, ...args], { env });
type JsonAction = { id: string; priority: number; service: string; due: string; effect: { control: number; service: number } };
const actions = async (...args: string[]): Promise<JsonAction[]> => {
  const r = await cli('actions', '--year', '2025', '--json', ...args);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { actions: JsonAction[] }).actions;
};

beforeAll(async () => {
  ws = tempDir();
  writeMiniCatalog(ws, ({ rules }) => {
    // Fires while either answer is weak: with both weak, no single answer closes it.
    rules.ACC.rules.push({
      name: 'ACC-eller-LOG',
      conditions: { any: [{ fact: 'answer', params: { question: 'ACC.1' }, operator: 'equal', value: 'nej' }, { fact: 'answer', params: { question: 'LOG.1' }, operator: 'in', value: ['nej', 'delvis'] }] },
      event: { type: 'gap', params: { severity: 'liten', finding: { sv: 'Brist', en: 'Gap' }, action: { sv: 'Åtgärd', en: 'Action' }, reference: 'GDPR art. 32', deadlineMonths: 12 } },
      examples: { fires: [{ answers: { 'ACC.1': 'nej' } }], passes: [{ answers: { 'ACC.1': 'ja', 'LOG.1': 'ja' } }] },
    } as never);
  });
  await cli('init', '--name', 'Testkommunen');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--owner', 'Anna Ek', '--supplier', 'Lev AB', '--sensitive', '--classification', 'K3R2T2S2');
  const r = await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=nej', 'ACC.2=ja', 'ACC.3=2023-05-01', 'LOG.1=delvis', 'LOG.2=ibland', 'LOG.3=5', '--reviewer', 'r');
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => removeDir(ws));

describe('the effect of a fix', () => {
  it('is computed with the answer that closes the gap, and says which', async () => {
    const list = await actions();
    const byId = new Map(list.map((a) => [a.id, a]));
    expect([...byId.keys()].sort()).toEqual(['webb:ACC-eller-LOG', 'webb:ACC-granskning-gammal', 'webb:ACC-nej', 'webb:LOG-granskas-inte-alltid', 'webb:LOG-kanslig-utan-granskning', 'webb:LOG-manga-incidenter']);
    // ACC: ACC.1 (w3) nej, ACC.2 (w1) ja → 25; ACC.1 = ja → 100. LOG: LOG.1 (w2) delvis, LOG.2 (w1) ibland → 50.
    // The service: 2.5 of 7 → 35.7; with ACC.1 = ja 5.5 of 7 → 78.6.
    expect(byId.get('webb:ACC-nej')!.effect).toEqual({ control: 75, service: 42.9 });
    expect(byId.get('webb:LOG-kanslig-utan-granskning')!.effect).toEqual({ control: 33.3, service: 14.3 }); // LOG.1 = ja: (2 + 0.5) / 3
    expect(byId.get('webb:LOG-granskas-inte-alltid')!.effect).toEqual({ control: 16.7, service: 7.2 }); // LOG.2 = alltid: (1 + 1) / 3
    // Number and date questions score nothing: closing those gaps gains no points, and says so.
    expect(byId.get('webb:LOG-manga-incidenter')!.effect).toEqual({ control: 0, service: 0 });
    expect(byId.get('webb:ACC-granskning-gammal')!.effect).toEqual({ control: 0, service: 0 });
    expect(byId.get('webb:ACC-eller-LOG')!.effect).toEqual({ control: 0, service: 0 });

    for (const width of ['80', '160']) {
      const out = (await run(['--dir', ws, 'actions', '--year', '2025'], { env: { ...env, COLUMNS: width } })).stdout.replace(/\s+/g, ' ');
      if (width === '80') {
        // Blocks: the effect in words, with the answer it is computed with.
        expect(out).toContain('Effekt: kontrollen +75,0, tjänsten +42,9 (med ACC.1 = Ja)');
        expect(out).toContain('Effekt: kontrollen 0,0, tjänsten 0,0 (med LOG.3 = 2)'); // LOG.3 >= 3: the nearest value below
        expect(out).toContain('Effekt: kontrollen 0,0, tjänsten 0,0 (med ACC.3 = 2024-10-15)'); // before 12 months before the review date
        expect(out).toContain('Effekt: kontrollen +16,7, tjänsten +7,2 (med LOG.2 = Alltid)');
        expect(out).toContain('Effekt: – (inget enskilt svar stänger bristen)');
      } else {
        // The table: the answer in the action's cell, – in the effect column.
        expect(out).toContain('│ Prio │');
        expect(out).toContain('Effekt med LOG.3 = 2');
        expect(out).toContain('Effekt: inget enskilt svar stänger bristen');
        expect(out).toMatch(/│ –\s+│/);
      }
    }
  });

  it('explains in words why each gap was found', async () => {
    const out = (await run(['--dir', ws, 'actions', '--year', '2025', '--explain'], { env: { ...env, COLUMNS: '80' } })).stdout.replace(/\s+/g, ' ');
    expect(out).toContain('LOG.3 är 3 eller mer ✓ (svaret: 5)');
    expect(out).toContain('ACC.3 är äldre än 12 månader före granskningsdagen ✓ (svaret: 2023-05-01; gränsen 2024-10-15)');
    expect(out).toContain('minst en av: ✓ ACC.1 är Nej ✓ (svaret: Nej) LOG.1 är Nej eller Delvis ✓ (svaret: Delvis)');
    expect(out).toContain('tjänsten behandlar känsliga personuppgifter ✓');
    expect(out).not.toMatch(/greaterThan|dateBefore|equal "/);
    const en = (await run(['--dir', ws, '--lang', 'en', 'actions', '--year', '2025', '--explain'], { env: { ...env, COLUMNS: '80' } })).stdout.replace(/\s+/g, ' ');
    expect(en).toContain('at least one of: ✓ ACC.1 is No ✓ (answer: No) LOG.1 is No or Partly ✓ (answer: Partly)');
    expect(en).toContain('ACC.3 is more than 12 months before the review date ✓ (answer: 2023-05-01; limit 2024-10-15)');
  });
});

describe('a suggested due date', () => {
  it('follows priority: never later for a higher priority on the same service, at most 1, 3, 6, 12 months', async () => {
    const list = await actions();
    const months = (due: string) => (Number(due.slice(0, 4)) - 2025) * 12 + Number(due.slice(5, 7)) - 10;
    const cap: Record<number, number> = { 1: 1, 2: 3, 3: 6, 4: 12 };
    for (const a of list) {
      expect(a.due.slice(8), a.id).toBe('15');
      expect(months(a.due), a.id).toBeLessThanOrEqual(cap[a.priority]!);
      for (const b of list) if (a.service === b.service && a.priority < b.priority) expect(a.due <= b.due, `${a.id} (P${a.priority}) ${a.due} vs ${b.id} (P${b.priority}) ${b.due}`).toBe(true);
    }
    const p1 = list.filter((a) => a.priority === 1);
    expect(p1.length).toBeGreaterThan(0);
    for (const a of p1) expect(a.due).toBe('2025-11-15');
    // The rule's own shorter deadline stands: LOG-granskas-inte-alltid (liten, 6 months) is P4 here.
    expect(list.find((a) => a.id === 'webb:LOG-granskas-inte-alltid')).toMatchObject({ priority: 4, due: '2026-04-15' });
  });

  it('gives way to the follow-up date set in the plan', async () => {
    expect((await cli('plan', 'set', 'webb:ACC-nej', '--year', '2025', '--due', '2026-06-30')).code).toBe(0);
    expect((await actions()).find((a) => a.id === 'webb:ACC-nej')!.due).toBe('2026-06-30');
  });
});
