import { afterAll, describe, expect, it } from 'vitest';
import { check, loadScenarios, runScenario, seedHasQuote, type Check, type Version } from './scenarios/run.js';

/**
 * The seeds' real events as scenarios, run through the real CLI with each catalogue version.
 * 2026.1 (the bundled catalogue) must find every expected gap with its severity and none of the
 * absent ones. 2025.1 (frozen in test/fixtures/catalog-2025.1) is measured, not required: the counts
 * below record how much of the real cases the old catalogue caught, so the comparison stays honest.
 */
const MEASURED_2025 = { stor: 8, all: 18 };

const scenarios = loadScenarios();
const results = new Map<string, Partial<Record<Version, Check[]>>>();

describe('scenarios from the seeds', () => {
  it('has at least ten scenarios, each quoting its seed', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    const seeds = process.env['EFTERLEV_SEEDS'];
    if (seeds === undefined) return;
    for (const { file, scenario } of scenarios) expect(seedHasQuote(seeds, scenario.seed), `${file}: the quote is not in ${scenario.seed.file}`).not.toBe(false);
  });

  for (const { file, scenario } of scenarios) {
    it(`${file}: ${scenario.name}`, async () => {
      const entry: Partial<Record<Version, Check[]>> = {};
      results.set(file, entry);
      if (scenario.answers['2025.1'] !== undefined) entry['2025.1'] = check(scenario, '2025.1', await runScenario(scenario, '2025.1')).checks;
      const { checks, unwanted } = check(scenario, '2026.1', await runScenario(scenario, '2026.1'));
      entry['2026.1'] = checks;
      const missed = checks.filter((c) => !c.caught).map((c) => `${c.id} ${c.service}:${c.rule} väntad ${c.severity}, fick ${c.found ?? 'ingen'}`);
      expect(missed, `2026.1 missar: ${missed.join('; ')}`).toEqual([]);
      expect(unwanted.map((g) => `${g.service}:${g.rule} (${g.severity})`), 'regler som inte ska slå till').toEqual([]);
    });
  }

  it('records how many expected gaps each catalogue version catches', () => {
    const tally = (version: Version, onlyStor: boolean) => {
      let caught = 0;
      let total = 0;
      for (const r of results.values()) {
        for (const c of r[version] ?? []) {
          if (onlyStor && c.severity !== 'stor') continue;
          total++;
          if (c.caught) caught++;
        }
      }
      return { caught, total };
    };
    const lines: string[] = [];
    for (const [file, r] of results) {
      const cell = (v: Version) => {
        const cs = r[v] ?? [];
        return `${cs.filter((c) => c.caught).length}/${cs.length}`;
      };
      lines.push(`  ${file.replace(/\.json$/, '').padEnd(40)} 2025.1 ${cell('2025.1').padStart(5)}   2026.1 ${cell('2026.1').padStart(5)}`);
    }
    if (process.env['EFTERLEV_SCENARIO_DETAILS'] !== undefined) {
      for (const [file, r] of results) {
        for (const v of ['2025.1', '2026.1'] as const) {
          for (const c of r[v] ?? []) lines.push(`    ${file.replace(/\.json$/, '')} ${v} ${c.id} ${c.severity.padEnd(6)} ${c.caught ? 'fångad' : c.rule === null ? 'kan inte uttryckas' : c.found === null ? 'slår inte till' : `fel allvarlighet (${c.found})`}: ${c.rule ?? '–'} — ${c.what}`);
        }
      }
    }
    const old = tally('2025.1', true);
    const now = tally('2026.1', true);
    const oldAll = tally('2025.1', false);
    const nowAll = tally('2026.1', false);
    console.log(
      [
        'Scenarier (förväntade brister som hittas med rätt allvarlighet):',
        ...lines,
        `Katalog 2025.1: ${old.caught} av ${old.total} förväntade stora brister; 2026.1: ${now.caught} av ${now.total}`,
        `Alla förväntade brister: 2025.1 ${oldAll.caught} av ${oldAll.total}; 2026.1 ${nowAll.caught} av ${nowAll.total}`,
      ].join('\n'),
    );
    if (results.size < scenarios.length) return; // a filtered run: nothing to compare with
    expect(now.caught).toBe(now.total);
    expect({ stor: old.caught, all: oldAll.caught }).toEqual(MEASURED_2025);
  });
});

afterAll(() => results.clear());
