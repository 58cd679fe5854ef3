import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from '../src/catalog/load.js';
import type { Question } from '../src/catalog/schema.js';
import { CompiledRules } from '../src/engine/compile.js';
import type { RuleInput } from '../src/engine/input.js';
import { ReferenceRules } from '../src/engine/reference.js';
import { ROOT, removeDir, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

const day = fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function valueOf(q: Question): fc.Arbitrary<string | number> {
  switch (q.type) {
    case 'status':
      return fc.constantFrom('ja', 'delvis', 'nej', 'ej_tillamplig');
    case 'choice':
      return fc.constantFrom(...q.options.map((o) => o.value));
    case 'number':
      return fc.integer({ min: q.min ?? 0, max: Math.min(q.max ?? 20, 20) });
    case 'date':
      return day;
    case 'text':
      return fc.constant('fritext');
  }
}

/** Answers to any subset of the checklist's questions: most answered, some missing. */
function answersFor(questions: readonly Question[]): fc.Arbitrary<Record<string, string | number>> {
  return fc.record(Object.fromEntries(questions.map((q) => [q.id, valueOf(q)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string | number>>;
}

const level = fc.integer({ min: 0, max: 4 });
const profile = fc.record({ personalData: fc.boolean(), sensitiveData: fc.boolean(), thirdCountry: fc.boolean(), hasSupplier: fc.boolean(), K: level, R: level, T: level, S: level, known: fc.record({ personalData: fc.boolean(), sensitiveData: fc.boolean(), thirdCountry: fc.boolean(), hasSupplier: fc.boolean(), classification: fc.boolean() }) }).map((p) => ({
  personalData: p.personalData,
  sensitiveData: p.sensitiveData,
  thirdCountry: p.thirdCountry,
  hasSupplier: p.hasSupplier,
  classification: { K: p.K, R: p.R, T: p.T, S: p.S, max: Math.max(p.K, p.R, p.T, p.S) },
  known: p.known,
}));

const count = fc.integer({ min: 0, max: 8 });
const incidentFacts = fc.record({
  covered: fc.boolean(),
  count: fc.record({ major_incident: count, personuppgiftsincident: count, informationssakerhetsincident: count, betydande_incident: count }),
  maxImyDelayHours: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  lateImyWithoutReason: count,
  breachesWithoutDecision: count,
  lateEarlyWarnings: count,
  lateNotifications: count,
  missingFinalReports: count,
});

async function assertSameGaps(catalog: Catalog, runs: number, seed: number): Promise<number> {
  let fired = 0;
  for (const checklist of catalog.checklists) {
    const rules = catalog.rulesByChecklist.get(checklist.id) ?? [];
    const compiled = new CompiledRules(rules);
    const reference = new ReferenceRules(rules);
    const questions = checklist.controls.flatMap((c) => c.questions);
    const input: fc.Arbitrary<RuleInput> = fc.record({
      answers: answersFor(questions),
      previous: answersFor(questions),
      service: profile,
      year: fc.constant(2025),
      reviewDate: day,
      incidents: incidentFacts,
    });
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const expected = await reference.firedRules(i);
        const actual = compiled.firedRules(i);
        fired += actual.size;
        expect([...actual].sort()).toEqual([...expected].sort());
      }),
      { numRuns: runs, seed },
    );
  }
  return fired;
}

describe('the compiled rules and json-rules-engine', () => {
  it('find the same gaps for every bundled rule over thousands of generated answer sets', async () => {
    const catalog = loadCatalog({ checklistsDir: join(ROOT, 'checklists'), rulesDir: join(ROOT, 'rules') });
    const fired = await assertSameGaps(catalog, 2500, 20251122);
    expect(fired).toBeGreaterThan(1000); // the generated answers do make rules fire
  });

  it('agree on the test catalogue too (negated operators, missing answers, dates)', async () => {
    const dir = tempDir();
    try {
      writeMiniCatalog(dir);
      const catalog = loadCatalog({ checklistsDir: join(dir, 'checklists'), rulesDir: join(dir, 'rules') });
      expect(await assertSameGaps(catalog, 2000, 7)).toBeGreaterThan(100);
    } finally {
      removeDir(dir);
    }
  });
});
