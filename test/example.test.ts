import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalAnswerFile } from '../src/store/answers.js';
import { canonicalRegister } from '../src/store/register.js';
import { canonicalPlan } from '../src/plan/store.js';
import { PlanFile } from '../src/plan/schema.js';
import { AnswerFile, ServiceRegister } from '../src/store/schema.js';
import { ROOT, run } from './helpers.js';

const years = readdirSync(join(ROOT, 'answers')).filter((d) => /^\d{4}$/.test(d));
const planFiles = readdirSync(join(ROOT, 'answers', 'plan'));

describe('the example organisation', () => {
  it('validates', async () => {
    const r = await run(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('has at least six services and the organisation answered for 2024 and 2025', () => {
    expect(years).toEqual(expect.arrayContaining(['2024', '2025']));
    const register = ServiceRegister.parse(JSON.parse(readFileSync(join(ROOT, 'answers', 'services.json'), 'utf8')));
    expect(register.services.length).toBeGreaterThanOrEqual(6);
    for (const year of ['2024', '2025']) {
      const files = readdirSync(join(ROOT, 'answers', year));
      expect(files).toContain('organisation.json');
      // Every service the year was judged by (its register snapshot) has its answers; services
      // registered later (KPA Pension, Adato in 2026) are not in those years.
      const judgedBy = JSON.parse(readFileSync(join(ROOT, 'answers', 'register', `${year}.json`), 'utf8')) as { services: { id: string }[] };
      expect(judgedBy.services.length).toBeGreaterThanOrEqual(6);
      for (const s of judgedBy.services) expect(files, `${year}/${s.id}`).toContain(`${s.id}.json`);
    }
  });

  it('keeps every file in the canonical form the store writes (pretty, stable key order)', () => {
    const registerText = readFileSync(join(ROOT, 'answers', 'services.json'), 'utf8');
    expect(canonicalRegister(ServiceRegister.parse(JSON.parse(registerText)))).toBe(registerText);
    for (const year of years) {
      for (const name of readdirSync(join(ROOT, 'answers', year))) {
        const text = readFileSync(join(ROOT, 'answers', year, name), 'utf8');
        expect(canonicalAnswerFile(AnswerFile.parse(JSON.parse(text))), `${year}/${name}`).toBe(text);
      }
    }
    for (const name of planFiles) {
      const text = readFileSync(join(ROOT, 'answers', 'plan', name), 'utf8');
      expect(canonicalPlan(PlanFile.parse(JSON.parse(text))), `plan/${name}`).toBe(text);
    }
  });

  it('npm start shows the overview of the latest year', async () => {
    const r = await run([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Efterlevnadskontroll 2025');
    expect(r.stdout).toContain('Dataskyddsombudets kontrollpunkter');
    expect(r.stdout).toContain('IT-säkerhetens kontrollområden');
    expect(r.stdout).toContain('Sedan 2024');
    expect(r.stdout).toContain('Avvikelse – stor');
    expect(r.stdout).toContain('KP1 Dataskyddsorganisation');
    expect(r.stdout).toContain('Åtgärda först');
    expect(r.stdout.match(/^  P[1-4]  /gm)).toHaveLength(5);
    const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(100);
  });

  it('shows gaps and changes between the years in the overview JSON', async () => {
    const r = await run(['--json']);
    const o = JSON.parse(r.stdout);
    expect(o.year).toBe(2025);
    expect(o.previousYear).toBe(2024);
    expect(o.topActions).toHaveLength(5);
    expect(o.topActions[0].priority).toBe(1);
    expect(o.totals.every((t: { delta: number | null }) => typeof t.delta === 'number')).toBe(true);
  });

  it('has stor gaps on at least three services in 2025 and some resolved since 2024', async () => {
    const gapsOf = async (year: string) => {
      const out = JSON.parse((await run(['score', '--year', year, '--json'])).stdout);
      return new Set<string>(
        out.services.flatMap((s: { service: string; checklists: { controls: { gaps: { rule: string; severity: string }[] }[] }[] }) =>
          s.checklists.flatMap((c) => c.controls.flatMap((k) => k.gaps.map((g) => `${s.service}/${g.rule}/${g.severity}`))),
        ),
      );
    };
    const [before, after] = [await gapsOf('2024'), await gapsOf('2025')];
    const storServices = new Set([...after].filter((g) => g.endsWith('/stor')).map((g) => g.split('/')[0]));
    expect(storServices.size).toBeGreaterThanOrEqual(3);
    expect([...before].some((g) => !after.has(g))).toBe(true);
  });
});
