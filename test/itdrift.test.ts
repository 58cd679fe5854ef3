import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, copyExampleWorkspace, readJson, removeDir, run } from './helpers.js';

/**
 * Issue 14: the regional audit of IT operations as the organisation checklist `itdrift`, answered
 * for 2026 (its first review year) through the real CLI in a copy of the example workspace.
 */

const NOW = '2026-11-16T10:00:00.000Z';
const env = { EFTERLEV_NOW: NOW };
type Action = { rule: string; severity: string; service: string; checklist: string };

const ITDRIFT_RULES = readdirSync(join(ROOT, 'rules', 'itdrift'))
  .flatMap((f) => readJson<{ rules: { name: string }[] }>(join(ROOT, 'rules', 'itdrift', f)).rules.map((r) => r.name))
  .sort();

const QUESTIONS = readJson<{ controls: { questions: { id: string; type: string }[] }[] }>(join(ROOT, 'checklists', 'itdrift.json')).controls.flatMap((c) => c.questions);
const STATUS = QUESTIONS.filter((q) => q.type === 'status').map((q) => q.id);
const all = (value: string): Record<string, string> => Object.fromEntries(STATUS.map((id) => [id, value]));

/** Answers the organisation's itdrift questions for 2026 in a fresh copy and returns the itdrift gaps, rule → severity. */
async function gapsFor(answers: Record<string, string | number>): Promise<Record<string, string>> {
  const ws = copyExampleWorkspace();
  try {
    const cli = (...args: string[]) => run(['--dir', ws, ...args], { cwd: ws, env });
    const a = await cli('answer', '--year', '2026', '--service', 'organisation', ...Object.entries(answers).map(([q, v]) => `${q}=${v}`));
    expect(a.code, a.stderr).toBe(0);
    const r = await cli('actions', '--year', '2026', '--json');
    expect(r.code, r.stderr).toBe(0);
    const actions = (JSON.parse(r.stdout) as { actions: Action[] }).actions.filter((x) => x.checklist === 'itdrift');
    expect(actions.every((x) => x.service === 'organisation')).toBe(true);
    return Object.fromEntries(actions.map((x) => [x.rule, x.severity]).sort(([x], [y]) => x!.localeCompare(y!)));
  } finally {
    removeDir(ws);
  }
}

const fired = new Set<string>();
const CASES: { name: string; answers: Record<string, string | number>; gaps: Record<string, string> }[] = [
  {
    name: "the audit's finding: no documented risk analysis, disruptions reported to the management team but not to the board",
    answers: { 'RIS.1': 'nej', 'RAP.1': 'nej', 'RAP.2': 'ja' },
    gaps: { 'RIS-riskanalys-och-namndrapportering-saknas': 'stor' },
  },
  { name: 'no risk analysis, but the board is informed', answers: { 'RIS.1': 'nej', 'RAP.1': 'ja' }, gaps: { 'RIS-riskanalys-saknas': 'mellan' } },
  {
    name: 'a current risk analysis, the board not informed',
    answers: { 'RIS.1': 'ja', 'RIS.4': '2026-09-01', 'RAP.1': 'nej', 'RAP.2': 'ja' },
    gaps: { 'RAP-namndrapportering-saknas': 'mellan' },
  },
  { name: 'nobody in management is informed', answers: { 'RIS.1': 'ja', 'RAP.1': 'nej', 'RAP.2': 'nej' }, gaps: { 'RAP-ingen-rapportering': 'stor' } },
  {
    name: 'everything nej, five major incidents: the combined findings stand in for the single ones',
    answers: { ...all('nej'), 'KAR.4': 5 },
    gaps: {
      'KAR-manga-storningar-utan-kartlaggning': 'stor',
      'KAR-prioritering-utan-underlag': 'mellan',
      'KAR-verksamhetspaverkan-kartlaggs-ej': 'mellan',
      'PRO-andringshantering-saknas': 'mellan',
      'PRO-aterkommande-storningar-utan-problemhantering': 'stor',
      'PRO-incidenthantering-saknas': 'stor',
      'PRO-it-kontinuitet-saknas': 'mellan',
      'PRO-processer-ej-verifierade': 'liten',
      'RAP-internkontroll-saknas': 'liten',
      'RES-kompetensforsorjning-saknas': 'liten',
      'RES-personberoende-ohanterat': 'mellan',
      'RES-resurser-och-nyckelroller-saknas': 'stor',
      'RIS-forandringar-utan-riskbedomning': 'mellan',
      'RIS-riskanalys-och-namndrapportering-saknas': 'stor',
      'SLA-tider-saknas': 'stor',
      'SLA-tillganglighet-ej-avtalad': 'mellan',
      'SLA-verksamhetens-behov-saknas': 'liten',
      'STY-styrdokument-foljs-ej': 'mellan',
      'STY-styrdokument-och-storningsrutiner-saknas': 'stor',
      'STY-styrmodell-ej-inford': 'liten',
      'UPF-avvikelser-atgardas-ej': 'mellan',
      'UPF-samverkansforum-saknas': 'mellan',
      'UPF-upplevd-kvalitet-mats-ej': 'liten',
      'UPF-uppfoljning-saknas': 'mellan',
    },
  },
  {
    name: 'everything delvis',
    answers: all('delvis'),
    gaps: {
      'KAR-verksamhetspaverkan-ofullstandig': 'liten',
      'PRO-incidenthantering-ofullstandig': 'mellan',
      'RAP-namndrapportering-ofullstandig': 'liten',
      'RIS-riskanalys-ofullstandig': 'liten',
      'SLA-tider-ofullstandiga': 'mellan',
      'STY-styrdokument-ofullstandiga': 'liten',
      'UPF-uppfoljning-oregelbunden': 'liten',
    },
  },
  {
    name: 'everything ja with current dates and no major incidents: no gap',
    answers: { ...all('ja'), 'KAR.4': 0, 'STY.5': '2025-02-11', 'RAP.4': '2026-10-20', 'RIS.4': '2026-03-30', 'UPF.5': '2026-10-28' },
    gaps: {},
  },
  {
    name: 'ja, but the dates say otherwise',
    answers: { 'STY.1': 'ja', 'STY.5': '2022-01-10', 'RAP.1': 'ja', 'RAP.4': '2025-06-01', 'RIS.1': 'ja', 'RIS.4': '2025-05-01', 'UPF.1': 'ja', 'UPF.5': '2026-06-30' },
    gaps: { 'RAP-namndrapportering-inaktuell': 'liten', 'RIS-riskanalys-inaktuell': 'liten', 'STY-styrdokument-inaktuellt': 'liten', 'UPF-uppfoljning-inaktuell': 'liten' },
  },
  {
    name: 'single gaps where the combination does not hold',
    answers: { 'STY.1': 'nej', 'STY.2': 'ja', 'RES.1': 'nej', 'RES.2': 'ja', 'KAR.1': 'nej', 'KAR.4': 1, 'PRO.2': 'nej', 'SLA.1': 'ja', 'SLA.2': 'nej', 'RIS.1': 'ja', 'RIS.2': 'nej' },
    gaps: {
      'KAR-storningar-kartlaggs-ej': 'mellan',
      'PRO-problemhantering-saknas': 'mellan',
      'RES-resurser-otillrackliga': 'mellan',
      'RIS-atgarder-foljs-ej-upp': 'mellan',
      'SLA-eskalering-utan-tider': 'mellan',
      'STY-styrdokument-saknas': 'mellan',
    },
  },
  {
    name: 'the other single gaps',
    answers: { 'STY.1': 'ja', 'STY.2': 'nej', 'RES.1': 'ja', 'RES.2': 'nej' },
    gaps: { 'RES-nyckelroller-obemannade': 'mellan', 'STY-storningsrutiner-saknas': 'mellan' },
  },
];

describe('the itdrift checklist through the CLI (2026)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const gaps = await gapsFor(c.answers);
      expect(gaps).toEqual(c.gaps);
      for (const rule of Object.keys(gaps)) fired.add(rule);
    });
  }

  it('fires every itdrift rule in some case above and none when all is well', () => {
    if (fired.size === 0) return; // a filtered run
    expect([...fired].sort()).toEqual(ITDRIFT_RULES);
  });
});

describe('appliesFrom: itdrift is reviewed from 2026', () => {
  let ws: string;
  beforeAll(() => (ws = copyExampleWorkspace()));
  afterAll(() => removeDir(ws));
  const cli = (...args: string[]) => run(['--dir', ws, ...args], { cwd: ws, env });

  it('is not in the finished years 2024 and 2025, and is in 2026', async () => {
    for (const year of ['2024', '2025']) {
      const score = JSON.parse((await cli('score', '--year', year, '--json')).stdout) as { services: { service: string; checklists: { checklist: string }[] }[] };
      const org = score.services.find((s) => s.service === 'organisation')!;
      expect(org.checklists.map((c) => c.checklist), year).toEqual(['dso']);
      const actions = JSON.parse((await cli('actions', '--year', year, '--json')).stdout) as { actions: Action[] };
      expect(actions.actions.filter((a) => a.checklist === 'itdrift'), year).toEqual([]);
    }
    expect((await cli('answer', '--year', '2026', '--service', 'organisation', 'RIS.1=nej')).code).toBe(0);
    const score = JSON.parse((await cli('score', '--year', '2026', '--json')).stdout) as { services: { service: string; checklists: { checklist: string }[] }[] };
    expect(score.services.find((s) => s.service === 'organisation')!.checklists.map((c) => c.checklist)).toEqual(expect.arrayContaining(['dso', 'itdrift']));
  });

  it('gives ISO/IEC 27001 evidence (checklists/mappings/itdrift-iso27001.json) from 2026 only', async () => {
    type Coverage = { requirements: { id: string; result: string; evidence: { question: string }[] }[] };
    const coverage = async (year: string) => JSON.parse((await cli('coverage', '--year', year, '--framework', 'iso27001', '--json')).stdout) as Coverage;
    const itdrift = new Set(QUESTIONS.map((q) => q.id));
    const fromItdrift = (c: Coverage) => c.requirements.flatMap((r) => r.evidence.filter((e) => itdrift.has(e.question)).map((e) => `${r.id} ${e.question}`));
    expect(fromItdrift(await coverage('2025'))).toEqual([]);
    expect((await coverage('2025')).requirements.find((r) => r.id === 'A.5.30')!.result).not.toBe('ej_bedomt');
    await cli('answer', '--year', '2026', '--service', 'organisation', 'PRO.4=ja', 'UPF.1=nej');
    const now = await coverage('2026');
    expect(fromItdrift(now)).toEqual(expect.arrayContaining(['A.5.30 PRO.4', 'A.5.22 UPF.1']));
  });
});
