import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT, copyExampleWorkspace, readJson, removeDir, run, writeJson } from './helpers.js';

/**
 * Issue 10: a review season half done. 2026 has two services finished, one half answered, the
 * organisation part answered and seven services not started (the example register has ten
 * services since KPA Pension and Adato were registered in 2026). Every command must give the same
 * figure for the same thing, and never count what has not been reviewed yet.
 */

let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args]);
type AnswerFile = { service: string; year: number; catalog?: Record<string, string>; answers: Record<string, unknown>; history: unknown[] };
const NOT_STARTED = ['adato', 'digitala-navet', 'formansportalen', 'kpa-pension', 'telefoni', 'utbildningsportalen', 'visma-recruit'];

function copyYear(service: string, keep?: number): void {
  const file = readJson<AnswerFile>(join(ws, 'answers', '2025', `${service}.json`));
  const entries = Object.entries(file.answers);
  writeJson(join(ws, 'answers', '2026', `${service}.json`), { service, year: 2026, catalog: file.catalog, answers: Object.fromEntries(keep === undefined ? entries : entries.slice(0, keep)), history: [] });
}

interface Totals {
  review: { services: number; klar: number; pågår: number; ej_påbörjad: number };
  checklists: { checklist: string; score: number | null; assessed: number; review: { services: number; klar: number; pågår: number; ej_påbörjad: number } }[];
}
const sv = (n: number | null) => (n === null ? '–' : n.toFixed(1).replace('.', ','));

beforeAll(() => {
  ws = copyExampleWorkspace();
  copyYear('office365');
  copyYear('personec-p');
  copyYear('ubw-agresso', 20);
  copyYear('organisation', 30);
});
afterAll(() => removeDir(ws));

describe('in the middle of a review season', () => {
  it('overview, score, report, export and compare give the same figures', async () => {
    const overview = JSON.parse((await cli('overview', '--year', '2026', '--json')).stdout) as { totals: (Totals['checklists'][number] & { delta: number | null; deltaOver: number })[]; review: Totals['review'] };
    const score = JSON.parse((await cli('score', '--year', '2026', '--json')).stdout) as { totals: Totals; services: { service: string; checklists: { checklist: string; score: number | null; status: string }[] }[] };
    const itsak = overview.totals.find((t) => t.checklist === 'itsak')!;
    const dso = overview.totals.find((t) => t.checklist === 'dso')!;

    // Never 0 and red for what nobody has answered: the seven services not started have no score.
    for (const id of NOT_STARTED) {
      const s = score.services.find((x) => x.service === id)!;
      expect(s.checklists[0]).toMatchObject({ score: null, status: 'ej_bedomd' });
    }
    // The total is the mean over the three services assessed, and says so.
    const assessedScores = score.services.filter((s) => ['office365', 'personec-p', 'ubw-agresso'].includes(s.service)).map((s) => s.checklists[0]!.score!);
    expect(itsak.score).toBe(Math.round((assessedScores.reduce((a, b) => a + b, 0) / 3) * 10) / 10);
    expect(itsak.assessed).toBe(3);
    expect(itsak.review).toEqual({ services: 10, klar: 2, pågår: 1, ej_påbörjad: 7 });
    expect(score.totals.checklists).toEqual(expect.arrayContaining([expect.objectContaining({ checklist: 'itsak', score: itsak.score, assessed: 3 }), expect.objectContaining({ checklist: 'dso', score: dso.score })]));
    // The change since 2025 is over the three services assessed both years, not over ten.
    expect(itsak.deltaOver).toBe(3);

    const overviewText = (await cli('overview', '--year', '2026')).stdout;
    expect(overviewText).toContain('Granskning 2026: 2 av 10 tjänster klara, 1 pågår, 7 ej påbörjade');
    // 30 answers copied and counts the incident register answers; of the dso questions and, since
    // csl and itdrift apply from 2026, theirs.
    expect(overviewText).toMatch(/organisationen: pågår \(3\d av \d+\)/);

    const report = (await cli('report', '--year', '2026')).stdout;
    expect(report).toContain('IT-tjänsterna 2 av 10 tjänster klara, 1 pågår, 7 ej påbörjade');
    expect(report).toMatch(new RegExp(`\\| IT-säkerhetens kontrollområden \\| ${sv(itsak.score)} \\|[^\\n]*\\| 3 av 10 \\|`));
    expect(report).toMatch(new RegExp(`\\| Dataskyddsombudets kontrollpunkter \\| ${sv(dso.score)} \\|`));

    // The export's summary sheet and the report's area table: the same mean per area.
    const out = join(ws, 'hp.csv');
    expect((await cli('export', '--year', '2026', '--format', 'csv', '--out', out)).code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
    const summary = rows.slice(rows.findIndex((r) => r[0] === 'Checklista' && r[1] === 'Kontroll') + 1);
    const areaRows = summary.filter((r) => r[0] === 'IT-säkerhetens kontrollområden');
    expect(areaRows.length).toBe(10);
    for (const r of areaRows) {
      // The mean rests on at most the three services assessed, of those the area applies to.
      expect(r[3]).toMatch(/^[0-3] av ([1-9]|10)$/);
      expect(report).toContain(`| ${r[1]} | ${r[2] === '' ? '–' : sv(Number(r[2]!.replace(',', '.')))} |`);
    }

    const compare = JSON.parse((await cli('compare', '2025', '2026', '--json')).stdout) as {
      services: Record<string, string[]>;
      resolvedGaps: string[];
      notYetAssessedGaps: string[];
      totals: { checklist: string; services: number }[];
    };
    // Pending: in both years' registers, not yet assessed; KPA Pension and Adato were not in 2025's.
    expect(compare.services['pending']!.sort()).toEqual(NOT_STARTED.filter((id) => id !== 'adato' && id !== 'kpa-pension'));
    expect(compare.services['removed']).toEqual([]);
    for (const id of NOT_STARTED) expect(compare.resolvedGaps.some((g) => g.startsWith(`${id}:`))).toBe(false);
    expect(compare.notYetAssessedGaps.some((g) => g.startsWith('visma-recruit:'))).toBe(true);
    expect(compare.totals.find((t) => t.checklist === 'itsak')?.services).toBe(3);
    const compareText = (await cli('compare', '2025', '2026')).stdout;
    expect(compareText).toContain('Ej granskade ännu 2026: ');
    expect(compareText).not.toContain('Borttagna ur registret');
  });

  it('a year with no answers at all says so instead of printing tables of zeros', async () => {
    const r = await cli('overview', '--year', '2027');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Inga svar för 2027 ännu');
    expect(r.stdout).not.toContain('0,0');
  });

  it('the finished 2025 overview is still there once 2026 has started', async () => {
    const r = await cli('overview', '--year', '2025');
    expect(r.stdout).toContain('Efterlevnadskontroll 2025');
    expect(r.stdout).toContain('Sedan 2024');
    const latest = await cli();
    expect(latest.stdout).toContain('Efterlevnadskontroll 2026');
  });

  it('an unanswered legal requirement keeps a control from green', async () => {
    const file = readJson<AnswerFile>(join(ws, 'answers', '2026', 'office365.json'));
    const answers = file.answers as Record<string, { value: string; evidence?: string }>;
    // Remove one legal answer from a control that was green.
    const score = JSON.parse((await cli('score', '--year', '2026', '--service', 'office365', '--json')).stdout);
    const green = score.services[0].checklists[0].controls.find((k: { status: string }) => k.status === 'enligt_plan');
    expect(green).toBeDefined();
    const itsak = readJson<{ controls: { id: string; questions: { id: string; legal: boolean }[] }[] }>(join(ROOT, 'checklists', 'itsak.json'));
    const legal = itsak.controls.find((c) => c.id === green.control)!.questions.find((q) => q.legal && answers[q.id] !== undefined);
    if (legal === undefined) return; // no legal question in that control: nothing to check here
    delete answers[legal.id];
    writeFileSync(join(ws, 'answers', '2026', 'office365.json'), JSON.stringify(file, null, 2) + '\n');
    const after = JSON.parse((await cli('score', '--year', '2026', '--service', 'office365', '--json')).stdout);
    const k = after.services[0].checklists[0].controls.find((x: { control: string }) => x.control === green.control);
    expect(k.legalUnanswered).toBe(1);
    expect(k.status).not.toBe('enligt_plan');
  });
});
