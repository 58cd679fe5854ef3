import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

// `efterlev show --year Y --json` of one year imported into the next with --from-year: the
// answers move in bulk, the year in the file is checked against --from-year, and counts over a
// period (perPeriod, or answered from the incident register) are left behind, named.

let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args]);
type Stored = { answers: Record<string, { value: unknown; comment?: string; evidence?: string; by: string }> };
const stored = (year: number, service: string) => readJson<Stored>(join(ws, 'answers', String(year), `${service}.json`));
const file = (name: string, content: string) => {
  const path = join(ws, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(async () => {
  ws = tempDir();
  writeMiniCatalog(ws, ({ mini }) => {
    const log = mini.controls[1]!.questions as Record<string, unknown>[];
    // LOG.3: incidents in the last 12 months (perPeriod); LOG.4: counted from the incident register.
    Object.assign(log[2]!, { text: { sv: 'Antal incidenter de senaste 12 månaderna?', en: 'Incidents in the last 12 months?' }, perPeriod: true });
    log.push({ ...log[2]!, id: 'LOG.4', perPeriod: undefined, text: { sv: 'Antal allvarliga incidenter?', en: 'Major incidents?' }, fromIncidents: 'major_incident' });
  });
  await cli('init');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T2S2');
  await cli('service', 'add', 'intern', '--name', 'Intern wiki', '--classification', 'K1R1T1S1');
  const answer = await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=delvis', 'LOG.1=ja', 'LOG.3=4', 'LOG.4=2', '--comment', 'Granskat, se protokoll', '--evidence', 'Dnr 2025-7', '--reviewer', 'anna');
  expect(answer.code, answer.stderr).toBe(0);
  expect((await cli('answer', '--year', '2025', '--service', 'intern', 'LOG.3=1', '--reviewer', 'anna')).code).toBe(0);
});
afterAll(() => removeDir(ws));

describe('import --from-year: show --json of one year into the next', () => {
  it('refuses last year’s file without --from-year, and says how to move it', async () => {
    const json = file('webb-2025.json', (await cli('show', '--year', '2025', '--service', 'webb', '--json')).stdout);
    const before = snapshot(join(ws, 'answers'));
    const r = await cli('import', '--year', '2026', json);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('#/year (rad 2): året 2025 stämmer inte med --year 2026. Flytta svaren från 2025 till 2026 med --from-year 2025');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('checks the year in the file against --from-year', async () => {
    const json = file('webb-2025.json', (await cli('show', '--year', '2025', '--service', 'webb', '--json')).stdout);
    const r = await cli('import', '--year', '2026', '--from-year', '2024', json);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('#/year (rad 2): året 2025 stämmer inte med --from-year 2024');
    expect(existsSync(join(ws, 'answers', '2026'))).toBe(false);
  });

  it('moves the answers with comment and evidence, and leaves the counts over a period behind, naming them', async () => {
    const list = JSON.parse((await cli('show', '--year', '2025', '--service', 'webb', '--json')).stdout);
    const intern = JSON.parse((await cli('show', '--year', '2025', '--service', 'intern', '--json')).stdout);
    const json = file('alla-2025.json', JSON.stringify([list, intern], null, 2));
    const before = snapshot(join(ws, 'answers'));

    const dry = await cli('import', '--year', '2026', '--from-year', '2025', json, '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('3 svar flyttas inte från 2025 till 2026, eftersom de är antal för perioden (förra periodens antal är inte årets): webb: LOG.3, LOG.4; intern: LOG.3');
    expect(dry.stdout).toContain('webb: 2 nya, 0 ändrade, 0 oförändrade');
    expect(dry.stdout).not.toMatch(/^intern: \d/m);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);

    const r = await cli('--json', 'import', '--year', '2026', '--from-year', '2025', json, '--reviewer', 'bo');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      year: 2026,
      dryRun: false,
      fromYear: 2025,
      skipped: [
        { service: 'webb', question: 'LOG.3' },
        { service: 'webb', question: 'LOG.4' },
        { service: 'intern', question: 'LOG.3' },
      ],
      services: [{ service: 'webb', added: [{ question: 'ACC.1', value: 'delvis' }, { question: 'LOG.1', value: 'ja' }], changed: [], unchanged: 0 }],
    });
    const moved = stored(2026, 'webb').answers;
    expect(Object.keys(moved).sort()).toEqual(['ACC.1', 'LOG.1']);
    expect(moved['ACC.1']).toMatchObject({ value: 'delvis', comment: 'Granskat, se protokoll', evidence: 'Dnr 2025-7', by: 'bo' });
    expect(existsSync(join(ws, 'answers', '2026', 'intern.json'))).toBe(false);
    // Last year's answers are as they were.
    expect(stored(2025, 'webb').answers['LOG.3']?.value).toBe(4);
  });

  it('says so when every answer in the file is a count over a period', async () => {
    const intern = file('intern-2025.json', (await cli('show', '--year', '2025', '--service', 'intern', '--json')).stdout);
    const r = await cli('import', '--year', '2026', '--from-year', '2025', intern);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('alla 1 svar är antal för perioden, som inte flyttas från 2025 till 2026: inget att importera');
  });

  it('keeps counts when --from-year is the year itself: nothing moves between years', async () => {
    const json = file('webb-2025.json', (await cli('show', '--year', '2025', '--service', 'webb', '--json')).stdout);
    const r = await cli('--json', 'import', '--year', '2025', '--from-year', '2025', json, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ fromYear: 2025, skipped: [], services: [{ service: 'webb', unchanged: 4 }] });
  });

  it('refuses --from-year for a CSV file, which says no year', async () => {
    const csv = file('svar.csv', 'service;question;value\nwebb;LOG.1;nej\n');
    const before = snapshot(join(ws, 'answers'));
    const r = await cli('import', '--year', '2026', '--from-year', '2025', csv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from-year flyttar svar ur JSON som show --json skriver');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });
});
