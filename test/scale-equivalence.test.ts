import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateWorkspace } from '../src/bench/generate.js';
import { loadCatalog, type Catalog } from '../src/catalog/load.js';
import { appliesTo, type ServiceProfile } from '../src/catalog/profile.js';
import type { Checklist } from '../src/catalog/schema.js';
import type { AnswerValue } from '../src/catalog/values.js';
import { registerSaysApplies } from '../src/engine/answer-gaps.js';
import { questionPoints, scoreWithChange, summarize, type ServiceResult } from '../src/engine/assess.js';
import { answerPoints, meanScore, statusOf, weightedScore, type Weighted } from '../src/engine/score.js';
import { buildActions, compareActions, sortActions, splitAccepted } from '../src/plan/actions.js';
import { assessYear, openReview } from '../src/review.js';
import { resolveWorkspace } from '../src/store/workspace.js';
import { copyExampleWorkspace, removeDir, ROOT, run, tempDir } from './helpers.js';

// The city-scale paths (issue 15) compute the same figures as the plain definitions they replace.

const catalog: Catalog = loadCatalog(resolveWorkspace(ROOT).catalog);

/** scoreAnswers as it was: every control re-scored from the answers. */
function plainScores(checklist: Checklist, profile: ServiceProfile, answers: Readonly<Record<string, AnswerValue>>): { controls: Map<string, number | null>; total: number | null } {
  const controls = new Map<string, number | null>();
  const all: Weighted[] = [];
  for (const control of checklist.controls) {
    const questions = control.questions.filter((q) => appliesTo(q, profile));
    if (questions.length === 0) continue;
    const scored: Weighted[] = [];
    for (const q of questions) {
      const value = answers[q.id];
      const points = answerPoints(q, value, value === 'ej_tillamplig' && registerSaysApplies(q, profile));
      if (points !== undefined) scored.push({ weight: q.weight, points });
    }
    controls.set(control.id, weightedScore(scored));
    all.push(...scored);
  }
  return { controls, total: weightedScore(all) };
}

/** summarize as it was: lists of scores and severities per checklist and control. */
function plainTotals(results: readonly ServiceResult[]) {
  const byChecklist = new Map<string, ServiceResult['checklists']>();
  const byControl = new Map<string, ServiceResult['checklists'][number]['controls']>();
  for (const r of results) {
    for (const c of r.checklists) {
      byChecklist.set(c.checklist, [...(byChecklist.get(c.checklist) ?? []), c]);
      for (const k of c.controls) byControl.set(`${c.checklist}/${k.control}`, [...(byControl.get(`${c.checklist}/${k.control}`) ?? []), k]);
    }
  }
  return {
    checklists: [...byChecklist].map(([checklist, list]) => {
      const score = meanScore(list.map((c) => c.score));
      const severities = list.flatMap((c) => c.controls.flatMap((k) => k.gaps.map((g) => g.severity)));
      const answered = list.reduce((n, c) => n + c.review.answered, 0);
      const legalUnanswered = list.reduce((n, c) => n + c.legalUnanswered, 0);
      return { checklist, score, status: statusOf(score, severities, { answered, legalUnanswered }), assessed: list.filter((c) => c.score !== null).length, gaps: severities.length };
    }),
    controls: [...byControl].map(([key, list]) => {
      const score = meanScore(list.map((k) => k.score));
      const severities = list.flatMap((k) => k.gaps.map((g) => g.severity));
      const answered = list.reduce((n, k) => n + k.answered, 0);
      const legalUnanswered = list.reduce((n, k) => n + k.legalUnanswered, 0);
      return { key, score, status: statusOf(score, severities, { answered, legalUnanswered }), assessed: list.filter((k) => k.score !== null).length, services: list.length, gaps: severities.length };
    }),
  };
}

const level = fc.integer({ min: 0, max: 4 });
const profileArb: fc.Arbitrary<ServiceProfile> = fc
  .record({ pd: fc.boolean(), sd: fc.boolean(), tc: fc.boolean(), hs: fc.boolean(), K: level, R: level, T: level, S: level, known: fc.record({ personalData: fc.boolean(), sensitiveData: fc.boolean(), thirdCountry: fc.boolean(), hasSupplier: fc.boolean(), classification: fc.boolean() }) })
  .map((p) => ({ personalData: p.pd, sensitiveData: p.sd, thirdCountry: p.tc, hasSupplier: p.hs, classification: { K: p.K, R: p.R, T: p.T, S: p.S, max: Math.max(p.K, p.R, p.T, p.S) }, known: p.known }));

describe('scoring a fix with one answer changed', () => {
  for (const checklist of catalog.checklists) {
    const questions = checklist.controls.flatMap((k) => k.questions.map((q) => ({ q, control: k.id })));
    const valueOf = (q: (typeof questions)[number]['q']): fc.Arbitrary<AnswerValue> =>
      q.type === 'status' ? fc.constantFrom('ja', 'delvis', 'nej', 'ej_tillamplig') : q.type === 'choice' ? fc.constantFrom(...q.options.map((o) => o.value)) : q.type === 'number' ? fc.integer({ min: 0, max: 20 }) : fc.constant('2025-01-01');
    const answersArb = fc.record(Object.fromEntries(questions.map(({ q }) => [q.id, valueOf(q)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, AnswerValue>>;

    it(`gives the control's and the checklist's scores of a full re-score (${checklist.id})`, () => {
      fc.assert(
        fc.property(profileArb, answersArb, fc.nat(questions.length - 1), fc.nat(3), (profile, answers, at, pick) => {
          const { q, control } = questions[at]!;
          const options = q.type === 'status' ? ['ja', 'delvis', 'nej', 'ej_tillamplig'] : q.type === 'choice' ? q.options.map((o) => o.value) : [3];
          const value = options[pick % options.length]!;
          const fast = scoreWithChange(questionPoints(checklist, profile, answers), profile, control, q.id, value);
          const plain = plainScores(checklist, profile, { ...answers, [q.id]: value });
          expect(fast).toEqual({ control: plain.controls.get(control) ?? null, total: plain.total });
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('a city-sized year, small', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('efterlev-scale-');
    generateWorkspace(dir, catalog, 120, [2024, 2025], 7);
  });
  afterAll(() => removeDir(dir));

  it('has the totals of the plain per-list definitions', async () => {
    const review = await openReview(resolveWorkspace(dir));
    for (const year of [2024, 2025]) {
      const results = (await assessYear(review, year)).map((a) => a.result);
      const totals = summarize(results);
      const plain = plainTotals(results);
      expect(totals.checklists.map(({ checklist, score, status, assessed, gaps }) => ({ checklist, score, status, assessed, gaps }))).toEqual(plain.checklists);
      expect(totals.controls.map((c) => ({ key: `${c.checklist}/${c.control}`, score: c.score, status: c.status, assessed: c.assessed, services: c.services, gaps: c.gaps }))).toEqual(plain.controls);
      expect(totals.review.services).toBe(results.length);
    }
  });

  it('exports a workbook of thousands of rows, every action in it in the order of the JSON, through the waits for the zip stream', async () => {
    const json = await run(['--dir', dir, 'actions', '--year', '2025', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const ids = (JSON.parse(json.stdout) as { actions: { id: string }[] }).actions.map((a) => a.id);
    // The writer waits for the compressor every 200 rows: this workbook passes many of those waits.
    expect(ids.length).toBeGreaterThan(2000);
    const r = await run(['--dir', dir, 'export', '--year', '2025', '--format', 'xlsx', '--out', join(dir, 'hp.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'hp.xlsx'));
    const sheet = book.worksheets[0]!;
    const listed: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) listed.push(String(row.getCell(1).value));
    });
    expect(listed).toEqual(ids);
  });

  it('sorts the handlingsplan as localeCompare orders services and rules', async () => {
    const plan = await buildActions(await openReview(resolveWorkspace(dir)), 2025, {});
    expect(plan.actions.length).toBeGreaterThan(1000);
    const plain = [...plan.actions].sort((a, b) => compareActions(a, b));
    expect(sortActions(plan.actions).map((a) => a.id)).toEqual(plain.map((a) => a.id));
    const byEffect = [...plan.actions].sort((a, b) => compareActions(a, b, true));
    expect(sortActions(plan.actions, true).map((a) => a.id)).toEqual(byEffect.map((a) => a.id));
  });
  it('reads each action\'s checklist, control, finding, action, reference and severity from its rule as the results that found the gap have them', async () => {
    const review = await openReview(resolveWorkspace(dir));
    const plan = await buildActions(review, 2025, {});
    const found: { id: string; checklist: string; control: string; rule: string; severity: string; finding: unknown; action: unknown; reference: string }[] = [];
    for (const a of plan.assessed) {
      for (const c of a.result.checklists) {
        for (const k of c.controls) {
          for (const g of k.gaps) {
            const p = g.rule.rule.event.params;
            found.push({ id: `${a.service.id}:${g.rule.rule.name}`, checklist: c.checklist, control: k.control, rule: g.rule.rule.name, severity: g.severity, finding: p.finding, action: p.action, reference: p.reference });
          }
        }
      }
    }
    const made = plan.actions.map(({ id, checklist, control, rule, severity, finding, action, reference }) => ({ id, checklist, control, rule, severity, finding, action, reference }));
    expect(made).toEqual(found);
    // A roll-up's copy names the service otherwise, and its id follows; the rest is the action's.
    const copy = plan.actions[0]!.onService(`kommun/${plan.actions[0]!.service}`);
    expect(copy.id).toBe(`kommun/${plan.actions[0]!.id}`);
    expect({ ...copy, service: plan.actions[0]!.service }).toEqual({ ...plan.actions[0]! });
  });
});

describe('the overview keeping only its first actions', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyExampleWorkspace();
  });
  afterAll(() => removeDir(dir));

  it('keeps what sorting every action and taking the first open ones gives, accepted risks left out', async () => {
    const all = await buildActions(await openReview(resolveWorkspace(dir)), 2025, {}, { effects: false });
    expect(all.actions.some((a) => a.status === 'accepterad_risk')).toBe(true);
    for (const top of [0, 1, 5, 12, all.actions.length + 3]) {
      const kept = await buildActions(await openReview(resolveWorkspace(dir)), 2025, {}, { effects: false, top });
      expect(kept.actions.map((a) => a.id)).toEqual(splitAccepted(sortActions(all.actions)).open.slice(0, top).map((a) => a.id));
      expect(kept.actions).toEqual(splitAccepted(sortActions(all.actions)).open.slice(0, top));
    }
  });
});
