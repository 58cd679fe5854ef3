import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from '../src/catalog/load.js';
import { EMPTY_PROFILE, profileOf, type ServiceProfile } from '../src/catalog/profile.js';
import { Assessor, reviewDateOf, summarize, type AssessmentInput } from '../src/engine/assess.js';
import { monthsBefore } from '../src/engine/dates.js';
import { removeDir, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

let dir: string;
let catalog: Catalog;
let assessor: Assessor;

beforeAll(() => {
  dir = tempDir();
  writeMiniCatalog(dir);
  catalog = loadCatalog({ checklistsDir: join(dir, 'checklists'), rulesDir: join(dir, 'rules') });
  assessor = new Assessor(catalog);
});
afterAll(() => removeDir(dir));

const profile = (over: Parameters<typeof profileOf>[0] = {}): ServiceProfile =>
  profileOf({ personalData: true, classification: { K: 2, R: 2, T: 2, S: 2 }, ...over }, EMPTY_PROFILE);

/** Answers by question; ACC.1, the legal requirement, names its evidence unless the test says otherwise. */
function input(answers: Record<string, string | number>, over: Partial<AssessmentInput> = {}, evidence: Record<string, string> = { 'ACC.1': 'Dnr 2025-1' }): AssessmentInput {
  return {
    service: 'tjanst',
    profile: profile(),
    year: 2025,
    answers: Object.fromEntries(Object.entries(answers).map(([k, value]) => [k, { value, at: '2025-10-01T10:00:00.000Z', ...(evidence[k] ? { evidence: evidence[k] } : {}) }])),
    previous: {},
    ...over,
  };
}

async function assess(i: AssessmentInput) {
  const mini = catalog.checklists.find((c) => c.id === 'mini')!;
  const [result] = (await assessor.assess(i, [mini])).checklists;
  return result!;
}

describe('scoring a service', () => {
  it('gives 100 and no gaps when every scored question is ja or the best option', async () => {
    const r = await assess(input({ 'ACC.1': 'ja', 'ACC.2': 'ja', 'ACC.3': '2025-06-01', 'ACC.4': 'ja', 'LOG.1': 'ja', 'LOG.2': 'alltid', 'LOG.3': 0 }));
    expect(r.score).toBe(100);
    expect(r.status).toBe('enligt_plan');
    expect(r.controls.map((c) => [c.control, c.score, c.status, c.gaps.length])).toEqual([
      ['ACC', 100, 'enligt_plan', 0],
      ['LOG', 100, 'enligt_plan', 0],
    ]);
  });

  it('makes every control red when everything is nej', async () => {
    const r = await assess(input({ 'ACC.1': 'nej', 'ACC.2': 'nej', 'ACC.4': 'nej', 'LOG.1': 'nej', 'LOG.2': 'aldrig' }));
    expect(r.controls.every((c) => c.status === 'stor' && c.score === 0)).toBe(true);
    expect(r.status).toBe('stor');
  });

  it('weights answers and counts delvis as half', async () => {
    // ACC: ACC.1 (w3) delvis 0.5, ACC.2 (w1) ja 1, ACC.4 (w1) nej 0 → (1.5 + 1 + 0) / 5 = 50
    const r = await assess(input({ 'ACC.1': 'delvis', 'ACC.2': 'ja', 'ACC.4': 'nej' }));
    expect(r.controls.find((c) => c.control === 'ACC')?.score).toBe(50);
  });

  it('leaves ej_tillamplig out of the score but counts it as answered', async () => {
    const r = await assess(input({ 'ACC.1': 'ja', 'ACC.2': 'ej_tillamplig', 'ACC.4': 'ja' }));
    const acc = r.controls.find((c) => c.control === 'ACC')!;
    expect(acc.score).toBe(100);
    expect(acc.answered).toBe(3);
    expect(acc.total).toBe(4);
  });

  it('leaves unanswered questions out: the score is over what is answered, coverage beside it', async () => {
    const r = await assess(input({ 'ACC.1': 'ja' }));
    const acc = r.controls.find((c) => c.control === 'ACC')!;
    expect(acc.score).toBe(100);
    expect([acc.answered, acc.total]).toEqual([1, 4]);
    expect(acc.status).toBe('enligt_plan');
    const log = r.controls.find((c) => c.control === 'LOG')!;
    expect(log.score).toBeNull();
    expect(log.answered).toBe(0);
    expect(log.status).toBe('ej_bedomd');
    expect(r.review).toEqual({ state: 'pågår', answered: 1, applicable: 7 });
  });

  it('is never green while a legal requirement is unanswered', async () => {
    const r = await assess(input({ 'ACC.2': 'ja', 'ACC.4': 'ja' }));
    const acc = r.controls.find((c) => c.control === 'ACC')!;
    expect(acc.score).toBe(100);
    expect(acc.legalUnanswered).toBe(1);
    expect(acc.status).toBe('mellan');
  });

  it('gives null score when nothing in a control can be scored', async () => {
    const r = await assess(input({ 'LOG.1': 'ej_tillamplig', 'LOG.2': 'alltid' }));
    expect(r.controls.find((c) => c.control === 'LOG')?.score).toBe(100);
    const r2 = await assess(input({ 'ACC.1': 'ej_tillamplig', 'ACC.2': 'ej_tillamplig' }, { profile: profile({ personalData: false }) }));
    const acc = r2.controls.find((c) => c.control === 'ACC')!;
    expect(acc.score).toBeNull();
    expect(acc.status).toBe('enligt_plan');
  });

  it('ej tillämplig where the register says the question applies is a gap and counts as nej', async () => {
    const r = await assess(input({ 'ACC.1': 'ja', 'ACC.2': 'ja', 'ACC.4': 'ej_tillamplig' }));
    const acc = r.controls.find((c) => c.control === 'ACC')!;
    expect(acc.score).toBe(80); // (3 + 1 + 0) / 5: never raised by calling it not applicable
    expect(acc.gaps.map((g) => [g.rule.rule.name, g.severity])).toEqual([['ACC.4-ej-tillamplig-mot-registret', 'mellan']]);
    expect(acc.status).toBe('mellan');
  });

  it('a legal requirement answered ja without evidence is a small gap: underlag saknas', async () => {
    const r = await assess(input({ 'ACC.1': 'ja', 'ACC.2': 'ja', 'ACC.4': 'ja' }, {}, {}));
    const acc = r.controls.find((c) => c.control === 'ACC')!;
    expect(acc.gaps.map((g) => [g.rule.rule.name, g.severity])).toEqual([['ACC.1-underlag-saknas', 'liten']]);
    expect(acc.status).toBe('mellan');
  });

  it('skips questions that do not apply to the service, and controls with none that apply', async () => {
    const noPersonal = await assess(input({ 'ACC.1': 'ja', 'ACC.2': 'ja', 'ACC.4': 'nej' }, { profile: profile({ personalData: false }) }));
    const acc = noPersonal.controls.find((c) => c.control === 'ACC')!;
    expect(acc.total).toBe(3);
    expect(acc.score).toBe(100);
    expect(noPersonal.controls.some((c) => c.control === 'KON')).toBe(false);

    const highAvailability = await assess(input({}, { profile: profile({ classification: { K: 2, R: 2, T: 3, S: 2 } }) }));
    expect(highAvailability.controls.find((c) => c.control === 'KON')?.total).toBe(1);
  });
});

describe('rules in the engine', () => {
  it('turns a stor gap into a red control whatever the score', async () => {
    const r = await assess(
      input({ 'LOG.1': 'delvis', 'LOG.2': 'alltid' }, { profile: profile({ sensitiveData: true }) }),
    );
    const log = r.controls.find((c) => c.control === 'LOG')!;
    expect(log.score).toBeCloseTo(66.7);
    expect(log.gaps.map((g) => [g.rule.rule.name, g.severity])).toEqual([['LOG-kanslig-utan-granskning', 'stor']]);
    expect(log.status).toBe('stor');
  });

  it('keeps a control with a liten gap from green', async () => {
    const r = await assess(input({ 'ACC.1': 'ja', 'ACC.2': 'nej', 'ACC.4': 'ja' }, { previous: { 'ACC.2': { value: 'nej' } } }));
    const acc = r.controls.find((c) => c.control === 'ACC')!;
    expect(acc.score).toBe(80);
    expect(acc.gaps.map((g) => g.rule.rule.name)).toEqual(['ACC-aterkommande']);
    expect(acc.status).toBe('mellan');
  });

  it('compares dates with the review date through the custom operator', async () => {
    const old = await assess(input({ 'ACC.3': '2024-09-30' }));
    expect(old.controls.find((c) => c.control === 'ACC')?.gaps.map((g) => g.rule.rule.name)).toContain('ACC-granskning-gammal');
    const recent = await assess(input({ 'ACC.3': '2024-10-01' }));
    expect(recent.controls.find((c) => c.control === 'ACC')?.gaps.map((g) => g.rule.rule.name)).not.toContain('ACC-granskning-gammal');
  });

  it('does not fire on a question that does not apply to the service', async () => {
    const r = await assess(input({ 'LOG.3': 5 }));
    expect(r.controls.find((c) => c.control === 'LOG')?.gaps.map((g) => g.rule.rule.name)).toEqual(['LOG-manga-incidenter']);
  });

  it('does not fire a negated condition on a missing answer', async () => {
    const missing = await assess(input({ 'LOG.1': 'ja' }));
    expect(missing.controls.find((c) => c.control === 'LOG')?.gaps).toEqual([]);
    const answered = await assess(input({ 'LOG.1': 'ja', 'LOG.2': 'ibland' }));
    expect(answered.controls.find((c) => c.control === 'LOG')?.gaps.map((g) => g.rule.rule.name)).toEqual(['LOG-granskas-inte-alltid']);
  });

  it('gives the same results when runs are started together', async () => {
    const inputs = Array.from({ length: 20 }, (_, i) => input({ 'ACC.1': i % 2 === 0 ? 'nej' : 'ja', 'LOG.3': i }));
    const parallel = await Promise.all(inputs.map((i) => assess(i)));
    const serial = [];
    for (const i of inputs) serial.push(await assess(i));
    expect(parallel.map((r) => r.controls.map((c) => c.gaps.map((g) => g.rule.rule.name)))).toEqual(
      serial.map((r) => r.controls.map((c) => c.gaps.map((g) => g.rule.rule.name))),
    );
  });
});

describe('dates', () => {
  it('counts months back, clamping to the end of shorter months', () => {
    expect(monthsBefore('2025-10-01', 12)).toBe('2024-10-01');
    expect(monthsBefore('2025-03-31', 1)).toBe('2025-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2025-01-15', 0)).toBe('2025-01-15');
  });

  it('takes the latest answer of the year as the review date, else 31 December', () => {
    expect(reviewDateOf(2025, {})).toBe('2025-12-31');
    expect(reviewDateOf(2025, { a: { value: 'ja', at: '2025-09-01T08:00:00Z' }, b: { value: 'ja', at: '2025-10-14T08:00:00Z' } })).toBe('2025-10-14');
    expect(reviewDateOf(2025, { a: { value: 'ja', at: '2026-02-01T08:00:00Z' } })).toBe('2025-12-31');
  });
});

describe('organisation totals', () => {
  it('averages the services and keeps the worst gaps', async () => {
    const mini = catalog.checklists.find((c) => c.id === 'mini')!;
    const good = await assessor.assess(input({ 'ACC.1': 'ja', 'ACC.2': 'ja', 'ACC.4': 'ja', 'LOG.1': 'ja', 'LOG.2': 'alltid' }), [mini]);
    const bad = await assessor.assess(input({ 'ACC.1': 'nej', 'ACC.2': 'ja', 'ACC.4': 'ja', 'LOG.1': 'ja', 'LOG.2': 'alltid' }), [mini]);
    const [total] = summarize([good, bad]).checklists;
    expect(total?.assessed).toBe(2);
    expect(total?.review).toEqual({ services: 2, klar: 0, pågår: 2, ej_påbörjad: 0 });
    expect(total?.score).toBe(Math.round(((100 + bad.checklists[0]!.score!) / 2) * 10) / 10);
    expect(total?.status).toBe('stor');
  });
});
