import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { resavedCsv } from './csv-edit.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args]);
type JsonAction = { id: string; priority: number; why: string; status: string; due: string; owner: string | null; recurring: boolean; firstSeen: number; reopened: boolean; effect: { control: number; service: number }; note: string | null };
const actions = async (...args: string[]): Promise<JsonAction[]> => JSON.parse((await cli('actions', '--year', '2025', '--json', ...args)).stdout).actions;

beforeAll(async () => {
  ws = tempDir();
  writeMiniCatalog(ws);
  await cli('init', '--name', 'Testkommunen');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--owner', 'Anna Ek', '--supplier', 'Lev AB', '--sensitive', '--classification', 'K3R2T2S2');
  await cli('service', 'add', 'intern', '--name', 'Intern wiki', '--classification', 'K1R1T1S1');
  await cli('answer', '--year', '2024', '--service', 'webb', 'ACC.1=nej', 'ACC.2=nej', 'LOG.1=nej', '--reviewer', 'r');
  await cli('answer', '--year', '2024', '--service', 'intern', 'LOG.3=5', '--reviewer', 'r');
  await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=nej', 'ACC.2=nej', 'LOG.1=delvis', 'LOG.2=ibland', '--reviewer', 'r');
  await cli('answer', '--year', '2025', '--service', 'intern', 'ACC.1=nej', 'LOG.3=4', '--reviewer', 'r');
});
afterAll(() => removeDir(ws));

describe('efterlev actions', () => {
  it('gives every gap a prioritised action with a stable id, why, owner, due date and effect', async () => {
    const list = await actions();
    expect(list.map((a) => [a.id, a.priority, a.why])).toEqual([
      ['webb:ACC-nej', 1, 'stor · lagkrav · K3 · återkommande sedan 2024'],
      ['webb:LOG-kanslig-utan-granskning', 1, 'stor · K3 · återkommande sedan 2024'],
      ['intern:ACC-nej', 2, 'stor · lagkrav'],
      ['intern:LOG-manga-incidenter', 2, 'mellan · återkommande sedan 2024'],
      ['webb:ACC-aterkommande', 4, 'liten · K3'],
      ['webb:LOG-granskas-inte-alltid', 4, 'liten · K3'],
    ]);
    const acc = list[0]!;
    expect(acc).toMatchObject({ owner: 'Anna Ek', status: 'ej_påbörjad', recurring: true, firstSeen: 2024, reopened: false });
    // Review date: the answers' day, at most 31 December of the year. ACC-nej's rule gives 3 months,
    // but it is priority 1: at most one month.
    const answeredOn = readJson<{ answers: Record<string, { at: string }> }>(join(ws, 'answers', '2025', 'webb.json')).answers['ACC.1']!.at.slice(0, 10);
    const due = new Date(`${answeredOn < '2025-12-31' ? answeredOn : '2025-12-31'}T00:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + 1);
    expect(acc.due).toBe(due.toISOString().slice(0, 10));
  });

  it('computes the effect of a fix by re-scoring', async () => {
    const list = await actions('--service', 'webb');
    // ACC: ACC.1 (w3) nej, ACC.2 (w1) nej, ACC.4 (w1) unanswered (left out) → 0; ACC.1 = ja → 3/4 = 75.
    expect(list.find((a) => a.id === 'webb:ACC-nej')?.effect.control).toBe(75);
    // LOG: LOG.1 (w2) delvis 0.5, LOG.2 (w1) ibland 0.5 → 50; LOG.2 = alltid → 66.7.
    expect(list.find((a) => a.id === 'webb:LOG-granskas-inte-alltid')?.effect.control).toBe(16.7);
    expect(list.find((a) => a.id === 'webb:LOG-granskas-inte-alltid')?.effect.service).toBeGreaterThan(0);
  });

  it('filters and sorts on request', async () => {
    expect((await actions('--priority', '1')).map((a) => a.id)).toEqual(['webb:ACC-nej', 'webb:LOG-kanslig-utan-granskning']);
    expect(await actions('--top', '2')).toHaveLength(2);
    const byEffect = await actions('--priority', '1', '--sort', 'effect');
    expect(byEffect[0]!.effect.service).toBeGreaterThanOrEqual(byEffect[1]!.effect.service);
    const table = await cli('actions', '--year', '2025', '--top', '3');
    expect(table.stdout).toContain('Handlingsplan 2025: 3 åtgärder');
    expect(table.stdout).toContain('webb:ACC-nej');
    expect((await cli('actions', '--year', '2025', '--top', 'x')).code).toBe(2);
  });

  it('explains each gap with the conditions json-rules-engine evaluated', async () => {
    const list = JSON.parse((await cli('actions', '--year', '2025', '--service', 'webb', '--explain', '--json')).stdout).actions as (JsonAction & { explanation: unknown[] })[];
    expect(list.find((a) => a.id === 'webb:ACC-nej')?.explanation).toEqual([
      { fact: 'answer', params: { question: 'ACC.1' }, operator: 'equal', value: 'nej', factValue: 'nej', result: true },
    ]);
    expect(list.find((a) => a.id === 'webb:LOG-kanslig-utan-granskning')?.explanation).toEqual([
      { fact: 'service', path: '$.sensitiveData', operator: 'equal', value: true, factValue: true, result: true },
      { fact: 'answer', params: { question: 'LOG.1' }, operator: 'in', value: ['nej', 'delvis'], factValue: 'delvis', result: true },
    ]);
    // In words, each action as a block at 80 columns (wrapped at words: read with the line breaks as spaces).
    const blocks = (await run(['--dir', ws, 'actions', '--year', '2025', '--service', 'webb', '--explain'], { env: { COLUMNS: '80' } })).stdout.replace(/\s+/g, ' ');
    expect(blocks).toContain('LOG.1 är Nej eller Delvis ✓ (svaret: Delvis)');
    expect(blocks).toContain('tjänsten behandlar känsliga personuppgifter ✓');
  });

  it('raises the DSO focus control points from the workspace setting', async () => {
    await cli('answer', '--year', '2025', '--service', 'organisation', 'ORG.1=nej');
    const registerPath = join(ws, 'answers', 'services.json');
    const register = readFileSync(registerPath, 'utf8');
    writeFileSync(registerPath, register.replace('"name": "Testkommunen"', '"name": "Testkommunen",\n    "focusControls": ["ACC"]'));
    try {
      const list = await actions('--service', 'intern');
      expect(list.find((a) => a.id === 'intern:ACC-nej')?.why).toBe('stor · lagkrav');
      expect((await cli('validate')).code).toBe(0);
    } finally {
      writeFileSync(registerPath, register);
    }
  });
});

describe('efterlev plan', () => {
  it('sets status, owner and due date, keeping the earlier follow-up in the history', async () => {
    expect((await cli('plan', 'set', 'webb:ACC-nej', '--year', '2025', '--status', 'pagar', '--owner', 'Bo Ek', '--due', '2026-02-28')).code).toBe(0);
    expect((await cli('plan', 'set', 'webb:ACC-nej', '--year', '2025', '--note', 'Beställt hos leverantören')).code).toBe(0);
    const a = (await actions()).find((x) => x.id === 'webb:ACC-nej')!;
    expect(a).toMatchObject({ status: 'pågår', owner: 'Bo Ek', due: '2026-02-28', note: 'Beställt hos leverantören' });
    const plan = readJson<{ history: unknown[] }>(join(ws, 'answers', 'plan', '2025.json'));
    expect(plan.history).toHaveLength(1);
    expect(statSync(join(ws, 'answers', 'plan', '2025.json')).mode & 0o777).toBe(0o600);
  });

  it.each([
    [['nope:x'], "Ingen åtgärd 'nope:x' 2025"],
    [['webb:ACC-nej', '--status', 'kanske'], "Ogiltig status 'kanske'"],
    [['webb:ACC-nej', '--due', '2026-02-30'], "Ogiltigt datum '2026-02-30'"],
    [['webb:ACC-nej', '--status', 'accepterad_risk'], 'behöver --motivation och --accepted-by'],
  ])('refuses plan set %j', async (args, message) => {
    const before = snapshot(ws);
    const r = await cli('plan', 'set', ...args, '--year', '2025');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(snapshot(ws)).toEqual(before);
  });

  it('refuses a broken plan file in every command that reads it', async () => {
    const path = join(ws, 'answers', 'plan', '2025.json');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.replace('"status": "pågår"', '"status": "påbörjad"'));
    try {
      const before = snapshot(ws);
      for (const args of [['validate'], ['actions', '--year', '2025'], ['export', '--year', '2025', '--format', 'md']]) {
        const r = await cli(...args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(/plan\/2025\.json#\/actions\/webb:ACC-nej\/status \(rad \d+\): ogiltigt värde/);
      }
      expect(snapshot(ws)).toEqual(before);
    } finally {
      writeFileSync(path, good);
    }
  });

  it('lists accepted risks apart, with motivation and who accepted', async () => {
    await cli('plan', 'set', 'intern:LOG-manga-incidenter', '--year', '2025', '--status', 'accepterad_risk', '--motivation', 'Systemet avvecklas 2026', '--accepted-by', 'Förvaltningschefen');
    const table = await cli('actions', '--year', '2025');
    expect(table.stdout).toContain('Accepterade risker: 1');
    expect(table.stdout).toContain('Systemet avvecklas 2026 (Förvaltningschefen');
    const list = await actions('--top', '1');
    expect(list.map((a) => a.status)).toEqual(['pågår', 'accepterad_risk']);
  });

  it('flags an action marked klar last year whose gap is found again as reopened', async () => {
    await cli('plan', 'set', 'webb:LOG-kanslig-utan-granskning', '--year', '2024', '--status', 'klar');
    const list = await actions();
    expect(list.find((a) => a.id === 'webb:LOG-kanslig-utan-granskning')?.reopened).toBe(true);
    expect((await cli('actions', '--year', '2025')).stdout).toContain('återöppnad');
  });
});

describe('efterlev export and the round trip through the spreadsheet', () => {
  const tricky = 'Se "avtal"; rad två\n=HYPERLINK("http://x")';

  it('writes CSV as Swedish Excel opens it, with no cell that starts a formula', async () => {
    await cli('plan', 'set', 'webb:ACC-aterkommande', '--year', '2025', '--note', tricky, '--owner', '@ops');
    const out = join(ws, 'hp.csv');
    const r = await cli('export', '--year', '2025', '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const raw = readFileSync(out, 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(raw.split('\r\n')[0]).toMatch(/^\ufeff"KONFIDENTIELLT – handlingsplan 2025 för Testkommunen/);
    // Every text field quoted, so a comma in it never splits it; integers bare; a decimal with its comma, quoted.
    const acc = raw.split('\r\n').find((l) => l.startsWith('"webb:ACC-nej"'))!;
    expect(acc).toMatch(/^"webb:ACC-nej";1;"stor · lagkrav · K3 · återkommande sedan 2024";"webb";"Webbportalen";/);
    expect(raw).toContain(';"16,7";');
    expect(raw).toContain(';"ja";2024;"nej";');
    const rows: string[][] = parse(raw, { bom: true, delimiter: ';', relax_column_count: true });
    const header = rows[1]!;
    expect(header.slice(0, 3)).toEqual(['Id', 'Prioritet', 'Varför']);
    const json = await actions();
    const body = rows.slice(2, 2 + json.length);
    expect(body.map((r) => r[0])).toEqual(json.map((a) => a.id));
    expect(body.map((r) => Number(r[1]))).toEqual(json.map((a) => a.priority));
    const noted = body.find((r) => r[0] === 'webb:ACC-aterkommande')!;
    expect(noted[header.indexOf('Anteckning')]).toBe(tricky);
    expect(noted[header.indexOf('Ansvarig')]).toBe("'@ops");
    for (const row of rows) for (const c of row) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.some((r) => r[0] === 'Checklista' && r[3] === 'Bedömda tjänster' && r[5] === 'Åtgärder')).toBe(true);
  });

  it('refuses to overwrite without --force', async () => {
    const out = join(ws, 'hp.csv');
    const before = readFileSync(out);
    const r = await cli('export', '--year', '2025', '--format', 'csv', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('finns redan');
    expect(readFileSync(out)).toEqual(before);
    expect((await cli('export', '--year', '2025', '--format', 'csv', '--out', out, '--force')).code).toBe(0);
  });

  it('writes XLSX with a frozen bold header, filter, real dates, and reads back as actions --json', async () => {
    const out = join(ws, 'hp.xlsx');
    expect((await cli('export', '--year', '2025', '--format', 'xlsx', '--out', out)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Handlingsplan')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^KONFIDENTIELLT/);
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    const json = await actions();
    const ids = json.map((_, i) => String(sheet.getRow(3 + i).getCell(1).value));
    expect(ids).toEqual(json.map((a) => a.id));
    const dueColumn = (sheet.getRow(2).values as string[]).indexOf('Klart senast');
    const due = sheet.getRow(3).getCell(dueColumn).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe(json[0]!.due);
    expect(book.getWorksheet('Sammanfattning')).toBeTruthy();
  });

  it('reads status, owner, due date and note back from the edited XLSX (plan import)', async () => {
    const out = join(ws, 'hp.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Handlingsplan')!;
    const header = sheet.getRow(2).values as string[];
    const col = (name: string) => header.indexOf(name);
    for (let r = 3; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(1).value === 'intern:ACC-nej') {
        row.getCell(col('Status')).value = 'Klar';
        row.getCell(col('Ansvarig')).value = 'Kim Lund';
        row.getCell(col('Klart senast')).value = new Date('2025-12-15T00:00:00Z');
        row.getCell(col('Anteckning')).value = 'Åtgärdat i december';
      }
    }
    await book.xlsx.writeFile(out);
    const dry = await cli('plan', 'import', out, '--year', '2025', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1 åtgärder skulle ändras');
    const r = await cli('plan', 'import', out, '--year', '2025');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('intern:ACC-nej: ej_påbörjad → klar, Kim Lund, 2025-12-15');
    const a = (await actions()).find((x) => x.id === 'intern:ACC-nej')!;
    expect(a).toMatchObject({ status: 'klar', owner: 'Kim Lund', due: '2025-12-15', note: 'Åtgärdat i december' });
    const again = await cli('plan', 'import', out, '--year', '2025');
    expect(again.stdout).toContain('0 åtgärder ändrade');
  });

  it('reads the edited CSV back too, and keeps the neutralised text as it was', async () => {
    const out = join(ws, 'hp2.csv');
    await cli('export', '--year', '2025', '--format', 'csv', '--out', out);
    const text = resavedCsv(readFileSync(out, 'utf8')).replace(/(webb:LOG-granskas-inte-alltid;[^\r]*?)Ej påbörjad/, '$1Pågår');
    writeFileSync(out, text);
    const r = await cli('plan', 'import', out, '--year', '2025');
    expect(r.code).toBe(0);
    const list = await actions();
    expect(list.find((x) => x.id === 'webb:LOG-granskas-inte-alltid')?.status).toBe('pågår');
    expect(list.find((x) => x.id === 'webb:ACC-aterkommande')).toMatchObject({ note: tricky, owner: '@ops' });
  });

  it('stores a line break Excel wrote as CR LF in an edited CSV cell as LF', async () => {
    const out = join(ws, 'hp4.csv');
    await cli('export', '--year', '2025', '--format', 'csv', '--out', out);
    writeFileSync(out, readFileSync(out, 'utf8').replace('rad två\n', 'rad två\r\n'));
    expect(readFileSync(out, 'utf8')).toContain('rad två\r\n');
    const r = await cli('plan', 'import', out, '--year', '2025');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await actions()).find((x) => x.id === 'webb:ACC-aterkommande')?.note).toBe(tricky);
  });

  it.each([
    ['an unknown id', (t: string) => t.replace('intern:ACC-nej;', 'intern:OKAND;'), "kolumn 1 (Id)): okänd åtgärd 'intern:OKAND'"],
    ['a control character in a note', (t: string) => t.replace('Se ""avtal""', 'Se ""avtal""\u001b]0;x\u0007'), 'kolumn 22 (Anteckning)): innehåller ett styrtecken (U+001B) på plats 11'],
    ['a lone CR in an owner', (t: string) => t.replace(";'@ops;", ';"\'@o\rps";'), 'kolumn 14 (Ansvarig)): innehåller ett styrtecken (U+000D) på plats 4'],
    ['an invalid status', (t: string) => t.replace(/(webb:ACC-nej;[^\r]*?)Pågår/, '$1Kanske'), "kolumn 16 (Status)): ogiltig status 'Kanske'"],
    ['an invalid date', (t: string) => t.replace(/(webb:ACC-nej;[^\r]*?)2026-02-28/, '$12026-13-01'), "kolumn 15 (Klart senast)): ogiltigt datum '2026-13-01'"],
  ])('refuses a plan import with %s, naming the row and column, changing nothing', async (_name, edit, message) => {
    await cli('plan', 'set', 'webb:ACC-aterkommande', '--year', '2025', '--owner', '@ops');
    const out = join(ws, 'hp3.csv');
    await cli('export', '--year', '2025', '--format', 'csv', '--out', out, '--force');
    const exported = resavedCsv(readFileSync(out, 'utf8'));
    expect(edit(exported), 'the edit must change the exported file').not.toBe(exported);
    writeFileSync(out, edit(exported));
    const before = snapshot(join(ws, 'answers'));
    const r = await cli('plan', 'import', out, '--year', '2025');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`hp3\\.csv \\(rad \\d+, ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('writes Markdown and JSON', async () => {
    const md = await cli('export', '--year', '2025', '--format', 'md');
    expect(md.stdout.split('\n')[0]).toMatch(/^\*\*KONFIDENTIELLT/);
    expect(md.stdout).toContain('| P1 | webb:ACC-nej |');
    expect(md.stdout).toContain('## Sammanfattning per kontroll');
    const json = JSON.parse((await cli('export', '--year', '2025', '--format', 'json')).stdout);
    expect(json.confidential).toMatch(/^KONFIDENTIELLT/);
    expect(json.actions.map((a: JsonAction) => a.id)).toEqual((await actions()).map((a) => a.id));
    expect((await cli('export', '--year', '2025', '--format', 'xlsx')).code).toBe(2);
  });
});
