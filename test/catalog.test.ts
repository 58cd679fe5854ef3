import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from '../src/catalog/load.js';
import { jsonSchemas } from '../src/catalog/json-schema.js';
import { appliesTo, type ServiceProfile } from '../src/catalog/profile.js';
import { Assessor } from '../src/engine/assess.js';
import { ruleExampleProblems } from '../src/engine/examples.js';
import { InvalidInputError, type Problem } from '../src/errors.js';
import { ROOT, removeDir, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

const bundled = (): Catalog => loadCatalog({ checklistsDir: join(ROOT, 'checklists'), rulesDir: join(ROOT, 'rules') });

describe('the bundled catalogue', () => {
  const catalog = bundled();

  it('has the DSO control points KP1–KP12 and KP13 (the Cybersecurity Act) with their names, scope organisation', () => {
    const dso = catalog.checklists.find((c) => c.id === 'dso')!;
    expect(dso.scope).toBe('organisation');
    expect(dso.controls.map((c) => `${c.id} ${c.name.sv}`)).toEqual([
      'KP1 Dataskyddsorganisation',
      'KP2 Personuppgiftsincidenter',
      'KP3 Biträdesavtal och andra överenskommelser',
      'KP4 Personuppgiftsregister',
      'KP5 Övergripande strategi för dataskydd',
      'KP6 Utbildning',
      'KP7 Integritetspolicy',
      'KP8 Mejl och dokumenthantering',
      'KP9 Konsekvensbedömning/samråd',
      'KP10 IT-projekt och upphandling',
      'KP11 IT-system och digitala verktyg',
      'KP12 Hantering av registrerades rättigheter',
      'KP13 Cybersäkerhetslagen: anmälan, ledning och rapportering',
    ]);
  });

  it('has the Cybersecurity Act checklist csl, scope organisation, from review year 2026', () => {
    const csl = catalog.checklists.find((c) => c.id === 'csl')!;
    expect(csl).toMatchObject({ scope: 'organisation', appliesFrom: 2026 });
    expect(csl.controls.map((c) => `${c.id} ${c.name.sv}`)).toEqual([
      'CSL1 Anmälan till den gemensamma kontaktpunkten',
      'CSL2 Ledningens ansvar och utbildning',
      'CSL3 Säkerhetsåtgärder: riskanalys, incidenter och kontinuitet',
      'CSL4 Säkerhetsåtgärder: leveranskedja och systemförvaltning',
      'CSL5 Säkerhetsåtgärder: cyberhygien, åtkomst och kommunikation',
      'CSL6 Incidentrapportering till CSIRT-enheten',
      'CSL7 Samordning med personuppgiftsincidenter',
    ]);
    // The ten points of 2 kap. 3 § andra stycket, each cited by one question.
    const cited = csl.controls.flatMap((k) => k.questions.flatMap((q) => q.references)).join('\n');
    for (let point = 1; point <= 10; point++) expect(cited).toContain(`Cybersäkerhetslagen (2025:1506) 2 kap. 3 § andra stycket ${point}`);
    // Management approval is NIS 2 art. 20.1, not Swedish law: not a legal requirement.
    expect(csl.controls.find((k) => k.id === 'CSL2')!.questions.find((q) => q.id === 'CSL2.3')).toMatchObject({ legal: false });
    expect(catalog.rulesByChecklist.get('csl')).toHaveLength(51);
    // Organisation-level checklists that always applied come first: dso's tables keep their place.
    const ids = catalog.checklists.map((c) => c.id);
    expect(ids[0]).toBe('dso');
    expect(ids.indexOf('csl')).toBeLessThan(ids.indexOf('itsak'));
  });

  it('has the ten IT-security control areas, scope service', () => {
    const itsak = catalog.checklists.find((c) => c.id === 'itsak')!;
    expect(itsak.scope).toBe('service');
    expect(itsak.controls.map((c) => c.name.sv).sort()).toEqual(
      ['Avtal', 'Behörigheter', 'Dokumentation', 'Förvaltning och drift', 'Gallring', 'Incidenthantering', 'Informationsklassning', 'Kontinuitetshantering', 'Loggning', 'Utveckling'].sort(),
    );
  });

  it('has the regional audit of IT operations (itdrift), scope organisation, reviewed from 2026', () => {
    const itdrift = catalog.checklists.find((c) => c.id === 'itdrift')!;
    expect(itdrift.scope).toBe('organisation');
    expect(itdrift.appliesFrom).toBe(2026);
    expect(itdrift.controls.map((c) => `${c.id} ${c.name.sv}`)).toEqual([
      'STY Styrdokument för IT-driften',
      'KAR Kartläggning av störningar och konsekvenser för verksamheten',
      'RAP Rapportering till nämnd och styrelse',
      'RES Resurser och kompetens',
      'RIS Riskanalys för IT-driften',
      'PRO Processer för IT-tjänstehantering',
      'SLA Servicenivåer i driftavtalen',
      'UPF Uppföljning av servicenivåer',
    ]);
    const questions = itdrift.controls.flatMap((c) => c.questions);
    expect(questions).toHaveLength(36);
    expect(catalog.rulesByChecklist.get('itdrift')).toHaveLength(46);
    // Guidance and the audit, not statute: no itdrift question is a legal requirement.
    expect(questions.filter((q) => q.legal)).toEqual([]);
    for (const q of questions) expect(q.references.some((r) => r.startsWith('Revisionsrapport IT-drift') || r.startsWith('ISO')), q.id).toBe(true);
  });

  it('has at least four questions per control and two rules per control', () => {
    for (const checklist of catalog.checklists) {
      for (const control of checklist.controls) {
        expect(control.questions.length, `${control.id} questions`).toBeGreaterThanOrEqual(4);
        const rules = catalog.rulesByChecklist.get(checklist.id)!.filter((r) => r.control === control.id);
        expect(rules.length, `${control.id} rules`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('fires a rule in every control when its most important question is answered nej', async () => {
    const assessor = new Assessor(catalog);
    const everything: ServiceProfile = {
      personalData: true,
      sensitiveData: true,
      thirdCountry: true,
      hasSupplier: true,
      classification: { K: 4, R: 4, T: 4, S: 4, max: 4 },
      known: { personalData: true, sensitiveData: true, thirdCountry: true, hasSupplier: true, classification: true },
    };
    for (const checklist of catalog.checklists) {
      for (const control of checklist.controls) {
        const key = [...control.questions].filter((q) => q.type === 'status').sort((a, b) => b.weight - a.weight)[0]!;
        expect(appliesTo(key, everything)).toBe(true);
        const result = await assessor.assess(
          { service: 'x', profile: everything, year: 2025, answers: { [key.id]: { value: 'nej', at: '2025-10-01T00:00:00Z' } }, previous: {} },
          [checklist],
        );
        const gaps = result.checklists[0]!.controls.find((k) => k.control === control.id)!.gaps;
        expect(gaps.length, `${key.id} = nej fires no rule`).toBeGreaterThan(0);
      }
    }
  });

  it('uses the engine for service metadata, dates and last year', () => {
    const leaves = JSON.stringify([...catalog.rulesByChecklist.values()].flat().map((r) => r.rule.conditions));
    for (const needle of ['"$.sensitiveData"', '"$.thirdCountry"', '"$.classification.T"', '"dateBefore"', '"reviewDate"', '"fact":"previous"']) {
      expect(leaves, needle).toContain(needle);
    }
  });

  it('runs every rule example as its examples say', async () => {
    expect(await ruleExampleProblems(catalog)).toEqual([]);
  });

  it('names the JSON Schema in every catalogue and rule file', () => {
    for (const c of catalog.checklists) {
      expect(JSON.parse(readFileSync(join(ROOT, 'checklists', `${c.id}.json`), 'utf8')).$schema).toBe('../schemas/checklist.schema.json');
    }
    for (const r of [...catalog.rulesByChecklist.values()].flat()) {
      expect(JSON.parse(readFileSync(join(ROOT, r.file), 'utf8')).$schema).toBe('../../schemas/rules.schema.json');
    }
  });
});

describe('JSON Schema files', () => {
  it('are in step with the zod schemas (npm run schemas writes them)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')), name).toEqual(schema);
    }
  });
});

describe('catalogue cross-checks', () => {
  let dir: string;
  afterEach(() => removeDir(dir));

  function problemsOf(edit: Parameters<typeof writeMiniCatalog>[1]): Problem[] {
    dir = tempDir();
    writeMiniCatalog(dir, edit);
    try {
      loadCatalog({ checklistsDir: join(dir, 'checklists'), rulesDir: join(dir, 'rules') });
      return [];
    } catch (err) {
      if (err instanceof InvalidInputError) return err.problems;
      throw err;
    }
  }

  it('accepts the fixture as it is', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it('refuses a rule naming an unknown question, with file, pointer and line', () => {
    const [p, ...rest] = problemsOf((c) => {
      c.rules.ACC.rules[0]!.conditions.all[0]!.params = { question: 'ACC.99' };
    });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: expect.stringMatching(/rules\/mini\/ACC\.json$/), pointer: '/rules/0/conditions/all/0/params/question' });
    expect(p!.message).toContain("okänd fråga 'ACC.99'");
    expect(p!.line).toBeGreaterThan(1);
  });

  it('refuses duplicate question and control ids', () => {
    const problems = problemsOf((c) => {
      c.mini.controls[1]!.questions[0]!.id = 'ACC.1';
      c.mini.controls[2]!.id = 'ACC';
    });
    expect(problems.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/controls/2/id']));
    expect(problems.map((p) => p.message).join('\n')).toMatch(/ska börja med kontrollens id|finns redan/);
  });

  it('refuses an unknown fact or operator', () => {
    const problems = problemsOf((c) => {
      (c.rules.ACC.rules[0]!.conditions.all[0] as Record<string, unknown>).fact = 'svar';
      (c.rules.LOG.rules[2]!.conditions.any![0] as Record<string, unknown>).operator = 'storreAn';
    });
    expect(problems.map((p) => p.pointer)).toEqual(['/rules/0/conditions/all/0/fact', '/rules/2/conditions/any/0/operator']);
    expect(problems[0]!.message).toContain('answer');
  });

  it('refuses a value the question does not allow', () => {
    const problems = problemsOf((c) => {
      c.rules.ACC.rules[0]!.conditions.all[0]!.value = 'Nej';
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('"Nej" är inte ett tillåtet svar på ACC.1');
  });

  it('refuses an operator that does not fit the question type, and an unknown service path', () => {
    const problems = problemsOf((c) => {
      c.rules.ACC.rules[0]!.conditions.all[0]!.operator = 'lessThan';
      (c.rules.LOG.rules[0]!.conditions.all![0] as Record<string, unknown>).path = '$..[?(@.x)]';
    });
    expect(problems.map((p) => p.pointer)).toEqual(['/rules/0/conditions/all/0/operator', '/rules/0/conditions/all/0/path']);
  });

  it('refuses a rule file that does not match its control', () => {
    const problems = problemsOf((c) => {
      c.rules.ACC.control = 'LOG';
    });
    expect(problems[0]).toMatchObject({ pointer: '/control', message: 'filen ska heta LOG.json efter kontrollen den gäller' });
  });

  it('refuses unknown keys and __proto__', () => {
    const problems = problemsOf((c) => {
      (c.mini.controls[0]!.questions[0] as Record<string, unknown>)['wieght'] = 2;
    });
    expect(problems[0]).toMatchObject({ pointer: '/controls/0/questions/0', message: "okänd nyckel 'wieght'" });

    removeDir(dir);
    dir = tempDir();
    writeMiniCatalog(dir);
    const file = join(dir, 'checklists', 'mini.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version": "1"', '"version": "1", "__proto__": { "polluted": true }'));
    expect(() => loadCatalog({ checklistsDir: join(dir, 'checklists'), rulesDir: join(dir, 'rules') })).toThrow(/nyckeln '__proto__' är inte tillåten/);
  });

  it('names the line and column of broken JSON', () => {
    dir = tempDir();
    writeMiniCatalog(dir);
    const file = join(dir, 'rules', 'mini', 'LOG.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"control": "LOG",', '"control": "LOG"'));
    try {
      loadCatalog({ checklistsDir: join(dir, 'checklists'), rulesDir: join(dir, 'rules') });
      expect.unreachable();
    } catch (err) {
      expect((err as InvalidInputError).problems).toEqual([{ file: expect.stringMatching(/LOG\.json$/), line: 4, column: 3, message: 'ogiltig JSON: komma väntades' }]);
    }
  });

  it('reports a rule example that does not behave as it says', async () => {
    dir = tempDir();
    writeMiniCatalog(dir, (c) => {
      c.rules.ACC.rules[0]!.examples.fires = [{ answers: { 'ACC.1': 'ja' } }];
    });
    const catalog = loadCatalog({ checklistsDir: join(dir, 'checklists'), rulesDir: join(dir, 'rules') });
    const problems = await ruleExampleProblems(catalog);
    expect(problems).toEqual([
      expect.objectContaining({ pointer: '/rules/0/examples/fires/0', message: "regeln 'ACC-nej' slår inte till i exemplet" }),
    ]);
  });
});
