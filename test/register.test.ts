import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { copyExampleWorkspace, readJson, removeDir, run, snapshot, tempDir } from './helpers.js';

/** Issue 10: the register as a real organisation keeps it, and history that does not move. */

let ws: string;
let files: string;
const cli = (args: string[], env: Record<string, string> = {}) => run(['--dir', ws, ...args], { env });
const json = async (args: string[], env: Record<string, string> = {}) => {
  const r = await cli([...args, '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
type Register = { services: { id: string; name: string; classification: unknown; personalData: unknown; retired?: unknown }[]; history: { service: string; before: unknown; by: string }[] };
const register = () => readJson<Register>(join(ws, 'answers', 'services.json'));

beforeEach(() => {
  ws = copyExampleWorkspace();
  files = tempDir('efterlev-register-');
});
afterEach(() => {
  removeDir(ws);
  removeDir(files);
});

describe('history does not move', () => {
  it('reclassifying a service today leaves every past year byte-identical in score and actions', async () => {
    const before = { s24: await json(['score', '--year', '2024']), s25: await json(['score', '--year', '2025']), a25: await json(['actions', '--year', '2025']) };
    const r = await cli(['service', 'set', 'office365', '--classification', 'K4R4T4S4', '--third-country', 'ja', '--reviewer', 'anna']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('klassning: K3R2T3S2 → K4R4T4S4');
    expect(await json(['score', '--year', '2024'])).toBe(before.s24);
    expect(await json(['score', '--year', '2025'])).toBe(before.s25);
    expect(await json(['actions', '--year', '2025'])).toBe(before.a25);
    // Today's register has the change, with the earlier values in its history.
    const now = register();
    expect(now.services.find((s) => s.id === 'office365')?.classification).toEqual({ K: 4, R: 4, T: 4, S: 4 });
    expect(now.history.at(-1)).toMatchObject({ service: 'office365', by: 'anna', before: expect.objectContaining({ classification: { K: 3, R: 2, T: 3, S: 2 } }) });
    const shown = await cli(['service', 'show', 'office365']);
    expect(shown.stdout).toMatch(/anna: .*klassning: K3R2T3S2 → K4R4T4S4/);
  });

  it('while a year is under way, its snapshot follows the register', async () => {
    const env = { EFTERLEV_NOW: '2025-11-10T09:00:00.000Z' };
    const before = await json(['score', '--year', '2025', '--service', 'office365'], env);
    expect((await cli(['service', 'set', 'office365', '--classification', 'K4R4T4S4'], env)).code).toBe(0);
    expect(await json(['score', '--year', '2025', '--service', 'office365'], env)).not.toBe(before);
    expect(readJson<{ services: { id: string; classification: unknown }[] }>(join(ws, 'answers', 'register', '2025.json')).services.find((s) => s.id === 'office365')?.classification).toEqual({ K: 4, R: 4, T: 4, S: 4 });
    expect(readJson<{ services: { id: string; classification: unknown }[] }>(join(ws, 'answers', 'register', '2024.json')).services.find((s) => s.id === 'office365')?.classification).toEqual({ K: 3, R: 2, T: 3, S: 2 });
  });

  it('registering a new service does not change the finished year', async () => {
    const before = await json(['overview', '--year', '2025']);
    expect((await cli(['service', 'add', 'skolplattform', '--name', 'Skolplattformen'])).code).toBe(0);
    expect(await json(['overview', '--year', '2025'])).toBe(before);
    expect(JSON.parse(await json(['service', 'list'])).services.map((s: { id: string }) => s.id)).toContain('skolplattform');
  });

  it('a legacy workspace without snapshots freezes its years before the first register change', async () => {
    removeDir(join(ws, 'answers', 'register'));
    const before = await json(['score', '--year', '2025']);
    expect((await cli(['service', 'set', 'telefoni', '--classification', 'K1R1T1S1'])).code).toBe(0);
    expect(await json(['score', '--year', '2025'])).toBe(before);
    expect(readJson<{ year: number }>(join(ws, 'answers', 'register', '2024.json')).year).toBe(2024);
  });

  it('a retired service leaves the coming years but keeps its past ones', async () => {
    const env = { EFTERLEV_NOW: '2026-02-01T09:00:00.000Z' };
    const r = await cli(['service', 'retire', 'telefoni', '--reason', 'Ersatt av Teams-telefoni'], env);
    expect(r.code, r.stderr).toBe(0);
    const list = await cli(['service', 'list'], env);
    expect(list.stdout).not.toContain('telefoni');
    expect((await cli(['service', 'list', '--all'], env)).stdout).toContain('telefoni (avvecklad)');
    const answer = await cli(['answer', '--year', '2026', '--service', 'telefoni', 'LOG.1=ja'], env);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain("Tjänsten 'telefoni' är avvecklad");
    expect((await cli(['answer', '--year', '2026', '--service', 'office365', 'LOG.1=ja'], env)).code).toBe(0);
    const y2026 = JSON.parse(await json(['score', '--year', '2026'], env)) as { services: { service: string }[] };
    expect(y2026.services.map((s) => s.service)).not.toContain('telefoni');
    const y2025 = JSON.parse(await json(['score', '--year', '2025'], env)) as { services: { service: string }[] };
    expect(y2025.services.map((s) => s.service)).toContain('telefoni');
    const compare = JSON.parse(await json(['compare', '2025', '2026'], env)) as { services: Record<string, string[]> };
    expect(compare.services['removed']).toEqual(['telefoni']);
    expect(compare.services['pending']).not.toContain('telefoni');
  });
});

describe('unknown is a state, not no', () => {
  it('asks what depends on an unknown field, treats it conservatively and reports it as a gap', async () => {
    const add = await cli(['service', 'add', 'skolplattform', '--name', 'Skolplattformen', '--supplier', 'okänt']);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('Okänt än så länge: personuppgifter, känsliga personuppgifter, tredjelandsöverföring, leverantör, informationsklassning');
    expect(register().services.find((s) => s.id === 'skolplattform')).toMatchObject({ personalData: 'okänt', classification: null });
    const known = await cli(['service', 'add', 'intranat', '--name', 'Intranätet', '--personal-data', 'nej', '--supplier', 'ingen', '--classification', 'K1R1T1S1']);
    expect(known.code).toBe(0);
    const score = JSON.parse(await json(['score', '--year', '2026', '--service', 'skolplattform'])) as { services: { checklists: { controls: { control: string; total: number }[] }[] }[] };
    const knownScore = JSON.parse(await json(['score', '--year', '2026', '--service', 'intranat'])) as typeof score;
    const total = (s: typeof score) => s.services[0]!.checklists[0]!.controls.reduce((n, k) => n + k.total, 0);
    // Questions that apply only with personal data or a supplier are asked while it is unknown.
    expect(total(score)).toBeGreaterThan(total(knownScore));
    const actions = JSON.parse(await json(['actions', '--year', '2026', '--service', 'skolplattform'])) as { actions: { rule: string; why: string; priority: number }[] };
    const rules = actions.actions.map((a) => a.rule);
    expect(rules).toEqual(expect.arrayContaining(['KLA-register-ej-klassad', 'KLA-register-personuppgifter-okant', 'KLA-register-leverantor-okant']));
    expect(actions.actions.find((a) => a.rule === 'KLA-register-ej-klassad')?.why).toContain('ej klassad');
  });

  it('accepts KLASSA level 0 and refuses 5', async () => {
    expect((await cli(['service', 'add', 'oppen', '--name', 'Öppna data', '--personal-data', 'nej', '--classification', 'K0R1T1S1'])).code).toBe(0);
    const bad = await cli(['service', 'add', 'fel', '--name', 'Fel', '--classification', 'K5R1T1S1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('nivå 0–4');
  });
});

describe('service import from a system inventory', () => {
  const sheet = (rows: string[]) => {
    const path = join(files, 'systemforteckning.csv');
    writeFileSync(path, '\ufeff' + rows.join('\r\n') + '\r\n');
    return path;
  };
  const good = [
    'Namn;Ansvarig;Verksamhetsområde;Leverantör;Personuppgifter;Känsliga;Tredjeland;Klassning',
    'Skolplattformen;Eva Ljung;Utbildning;EduCloud AB;ja;nej;okänt;K3R2T2S2',
    'Bygglovssystemet;Per Holm;Samhällsbyggnad;;ja;nej;nej;',
    'Microsoft 365;Johan Berg, tjänsteägare Digital arbetsplats;IT;Microsoft Ireland;ja;ja;ja;K3R3T3S2',
    ';;;;;;;',
    'Växelns röstbrevlåda;Ola Nyström;IT;Telia;nej;nej;nej;K1R1T2S1',
  ];

  it('shows new and changed services first, writes nothing on --dry-run, then imports all at once', async () => {
    const before = snapshot(join(ws, 'answers'));
    const dry = await cli(['service', 'import', sheet(good), '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('ny: skolplattformen Skolplattformen');
    expect(dry.stdout).toContain('ny: bygglovssystemet Bygglovssystemet');
    expect(dry.stdout).toContain('ny: vaxelns-rostbrevlada Växelns röstbrevlåda');
    expect(dry.stdout).toMatch(/ändrad: office365: .*område: Kommunikation → IT/);
    expect(dry.stdout).toContain('3 nya, 1 ändrade, 0 oförändrade (provkörning: ingenting skrevs)');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);

    const real = await cli(['service', 'import', sheet(good), '--reviewer', 'registrator']);
    expect(real.code, real.stderr).toBe(0);
    const services = register().services;
    expect(services.find((s) => s.id === 'skolplattformen')).toMatchObject({ personalData: true, sensitiveData: false, thirdCountry: 'okänt', classification: { K: 3, R: 2, T: 2, S: 2 } });
    expect(services.find((s) => s.id === 'bygglovssystemet')).toMatchObject({ supplier: 'okänt', classification: null });
    // The same sheet again changes nothing: ids derived from names are stable.
    const again = await cli(['service', 'import', sheet(good)]);
    expect(again.stdout).toContain('0 nya, 0 ändrade, 4 oförändrade');
  });

  /** The same inventory as an Excel workbook, as a registrar keeps it. */
  const workbook = async (rows: readonly string[], edit?: (sheet: ExcelJS.Worksheet) => void) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Systemförteckning');
    for (const r of rows) sheet.addRow(r.split(';'));
    edit?.(sheet);
    const path = join(files, 'systemforteckning.xlsx');
    await book.xlsx.writeFile(path);
    return path;
  };

  it('reads the inventory from an Excel workbook as from CSV, and refuses a formula naming its row and column', async () => {
    const path = await workbook(good);
    const dry = await cli(['service', 'import', path, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('3 nya, 1 ändrade, 0 oförändrade (provkörning: ingenting skrevs)');
    const real = await cli(['service', 'import', path]);
    expect(real.code, real.stderr).toBe(0);
    expect(register().services.find((s) => s.id === 'skolplattformen')).toMatchObject({ classification: { K: 3, R: 2, T: 2, S: 2 } });

    const formula = await workbook(good.slice(0, 3), (sheet) => {
      sheet.getCell('B3').value = { formula: 'A2&"x"', result: 'Skolplattformenx' };
    });
    const before = snapshot(join(ws, 'answers'));
    const refused = await cli(['service', 'import', formula]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/systemforteckning\.xlsx \(rad 3\): kolumn 2: cellen är en formel/);
    expect(refused.stderr).not.toContain('plan import');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('reads K, R, T and S in columns of their own, and English headers', async () => {
    const r = await cli(['service', 'import', sheet(['id,name,owner,personal data,sensitive,third country,K,R,T,S', 'gis,GIS-portalen,Ann Berg,no,no,no,1,2,2,1'])]);
    expect(r.code, r.stderr).toBe(0);
    expect(register().services.find((s) => s.id === 'gis')).toMatchObject({ personalData: false, classification: { K: 1, R: 2, T: 2, S: 1 } });
  });

  it('refuses the whole file when a row is bad, naming each row, and changes nothing', async () => {
    const before = snapshot(join(ws, 'answers'));
    const r = await cli(['service', 'import', sheet([...good.slice(0, 2), 'Ekonomisystemet;A;Ekonomi;X;kanske;nej;nej;K3R2T2S2', 'Lönesystemet;B;HR;Y;ja;nej;nej;K9R1T1S1', 'Skolplattformen;C;;;ja;nej;nej;K1R1T1S1'])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingenting har ändrats');
    expect(r.stderr).toMatch(/systemforteckning\.csv \(rad 3\): ekonomisystemet: personuppgifter: 'kanske' är varken ja, nej eller okänt/);
    expect(r.stderr).toMatch(/\(rad 4\): lonesystemet: klassning: Ogiltig klassning 'K9R1T1S1'/);
    expect(r.stderr).toMatch(/\(rad 5\): namnet 'Skolplattformen' finns redan på rad 2/);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('never writes a half register when a command is killed: the register and its snapshots move together', async () => {
    // Open year with a snapshot, so a register change writes two files.
    const env = { EFTERLEV_NOW: '2025-11-10T09:00:00.000Z' };
    const killed = await cli(['service', 'import', sheet(good)], { ...env, EFTERLEV_TEST_STOP_AT: 'kill-after-first-rename' });
    expect(killed.code).toBe(null);
    const next = await cli(['service', 'list', '--json'], env);
    expect(next.code, next.stderr).toBe(0);
    const ids = JSON.parse(next.stdout).services.map((s: { id: string }) => s.id);
    const snap = readJson<{ services: { id: string }[] }>(join(ws, 'answers', 'register', '2025.json')).services.map((s) => s.id);
    expect(ids).toContain('skolplattformen');
    expect(snap).toContain('skolplattformen');
    expect(readFileSync(join(ws, 'answers', 'services.json'), 'utf8')).not.toContain('"history": []');
  });
});
