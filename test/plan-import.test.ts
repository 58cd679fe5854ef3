import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { copyExampleWorkspace, readJson, removeDir, run, snapshot } from './helpers.js';
import { editZipEntry, readZip, writeZip } from './zip.js';
import { resavedCsv } from './csv-edit.js';

// `efterlev plan import` reading back a handlingsplan that someone edited in Excel or LibreOffice,
// through the built CLI on a copy of the example workspace. Every refusal is exit 2, names the file
// and the place, and leaves every file of the workspace as it was.

/** Has a follow-up with owner 'Sara Ek' (not the service's owner) and a note. */
const STORED = 'formansportalen:AVT-pubavtal-brist-aterkommande';
/** Has a follow-up with its own due date and a note. */
const DUE = 'personec-p:LOG-kanslig-utan-loggranskning';
/** No follow-up: owner and due date are the suggested ones. */
const PLAIN = 'telefoni:DRI-manga-allvarliga-incidenter';

type PlanFile = { actions: Record<string, Record<string, string>>; history: { action: string; entry: Record<string, string> }[] };
type JsonAction = { id: string; owner: string | null; due: string; status: string; note: string | null };

let ws: string;
beforeEach(() => {
  ws = copyExampleWorkspace();
});
afterEach(() => removeDir(ws));

const cli = (args: string[], env?: Record<string, string>) => run(args, { cwd: ws, ...(env ? { env } : {}) });
const planImport = (file: string, ...args: string[]) => cli(['plan', 'import', file, '--year', '2025', ...args]);
const plan = () => readJson<PlanFile>(join(ws, 'answers', 'plan', '2025.json'));
const actions = async (): Promise<JsonAction[]> => JSON.parse((await cli(['actions', '--year', '2025', '--json'])).stdout).actions;

async function exportPlan(name: string, ...args: string[]): Promise<string> {
  const format = name.endsWith('.xlsx') ? 'xlsx' : 'csv';
  const r = await cli([...args, 'export', '--year', '2025', '--format', format, '--out', name, '--force']);
  expect(r.code, r.stderr).toBe(0);
  return join(ws, name);
}

/** Opens an exported workbook, lets the test edit the action sheet, and saves it (as `out` if given). */
async function editXlsx(path: string, edit: (sheet: ExcelJS.Worksheet, at: { col(header: string): number; row(id: string): number }) => void, out = path): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0]!;
  const header = sheet.getRow(2).values as unknown[];
  const rows = new Map<string, number>();
  sheet.eachRow((row, n) => rows.set(String(row.getCell(1).value), n));
  const found = (n: number | undefined, what: string): number => {
    if (n === undefined || n < 1) throw new Error(`not in the exported sheet: ${what}`);
    return n;
  };
  edit(sheet, { col: (h) => found(header.indexOf(h), h), row: (id) => found(rows.get(id), id) });
  await book.xlsx.writeFile(out);
}

/** The CSV's text lines as an editor numbers them (a quoted line break inside a cell starts a new line). */
const lineOf = (text: string, startsWith: string): number => text.split(/\r\n|\r|\n/).findIndex((l) => l.replace(/^\ufeff/, '').startsWith(startsWith)) + 1;

/** Runs plan import expecting a refusal: exit 2, the message, and not one workspace file changed. */
async function refused(file: string, message: string | RegExp, ...args: string[]): Promise<string> {
  const before = snapshot(ws);
  const r = await planImport(file, ...args);
  expect(r.stdout).toBe('');
  expect(r.code, r.stderr).toBe(2);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|\[object Object\]/);
  expect(snapshot(ws)).toEqual(before);
  return r.stderr;
}

describe('plan import: an XLSX file is read within bounds', () => {
  it('refuses a sheet with a cell in row 1 048 576 at once, without reading a million empty rows', async () => {
    const hp = await exportPlan('hp.xlsx');
    await editXlsx(hp, (sheet) => (sheet.getCell(1_048_576, 1).value = 'x'), join(ws, 'huge.xlsx'));
    // Before: 4.3 GB and a crash (exit 134). A small heap for the CLI is a loose bound on its memory.
    await refused('huge.xlsx', /huge\.xlsx \(rad 1048576\): .*högst 100\s000 rader/, '--dry-run');
    const before = snapshot(ws);
    const r = await run(['plan', 'import', 'huge.xlsx', '--year', '2025', '--dry-run'], { cwd: ws, env: { NODE_OPTIONS: '--max-old-space-size=128' } });
    expect(r.code, r.stderr).toBe(2);
    expect(snapshot(ws)).toEqual(before);
  });

  it('refuses content beyond 200 columns, naming row and column', async () => {
    const hp = await exportPlan('hp.xlsx');
    await editXlsx(hp, (sheet, at) => (sheet.getCell(at.row(PLAIN), 300).value = 'x'), join(ws, 'wide.xlsx'));
    const row = 3 + (await actions()).findIndex((a) => a.id === PLAIN);
    await refused('wide.xlsx', `wide.xlsx (rad ${row}, kolumn 300 (KN)): plan import läser högst 200 kolumner (till och med GR)`);
  });

  it('refuses a file over 10 MB before reading it', async () => {
    writeFileSync(join(ws, 'stor.xlsx'), randomBytes(11 * 1024 * 1024));
    await refused('stor.xlsx', 'stor.xlsx: filen är för stor (11 MB, högst 10 MB)');
  });

  it('refuses something that is not an XLSX file with a plain message', async () => {
    writeFileSync(join(ws, 'text.xlsx'), 'Id;Status\n');
    await refused('text.xlsx', 'text.xlsx: inte en XLSX-fil');
  });

  // 60 MB of one repeated row (rows without a number are numbered in order), packed to some 60 KB.
  const bombSheet = (): Buffer => {
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const rows = row.repeat(Math.ceil((60 * 1024 * 1024) / row.length));
    return Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  };
  const bomb = (declaredSize?: number): Buffer => {
    const parts = readZip(readFileSync(join(ws, 'hp.xlsx')));
    return writeZip(parts.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: bombSheet(), ...(declaredSize ? { declaredSize } : {}) } : e)));
  };

  it('refuses a zip bomb by the size its entries declare, before inflating them', async () => {
    await exportPlan('hp.xlsx');
    const zip = bomb();
    expect(zip.length).toBeLessThan(1024 * 1024);
    writeFileSync(join(ws, 'bomb.xlsx'), zip);
    await refused('bomb.xlsx', /bomb\.xlsx: XLSX-filen packas upp till 60(,\d)? MB \(högst 25 MB\)/);
  });

  it('refuses a zip bomb whose entry lies about its size, while inflating it', async () => {
    await exportPlan('hp.xlsx');
    writeFileSync(join(ws, 'lying.xlsx'), bomb(4000));
    await refused('lying.xlsx', "lying.xlsx: zip-posten xl/worksheets/sheet1.xml packas upp till mer än de 4000 byte den uppger");
  });

  it('reads a file with whole-column merges, data validations and column formats without expanding them', async () => {
    const hp = await exportPlan('hp.xlsx');
    // Each of these made exceljs build a million cells from a 16 KB file (1 GB, or a crash).
    const zip = editZipEntry(readFileSync(hp), 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(/<mergeCells count="\d+">/, (m) => `${m.replace(/\d+/, '2')}<mergeCell ref="W3:W1048576"/>`)
        .replace(/<dataValidations count="(\d+)">/, (_m, n) => `<dataValidations count="${Number(n) + 1}"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation>`)
        .replace('<cols>', '<cols><col min="30" max="100000000" width="9" customWidth="1"/>'),
    );
    const sheet = readZip(zip).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
    for (const part of ['<mergeCell ref="W3:W1048576"/>', 'sqref="A1:XFD1048576"', 'max="100000000"']) expect(sheet).toContain(part);
    writeFileSync(join(ws, 'formats.xlsx'), zip);
    const before = snapshot(join(ws, 'answers'));
    const r = await planImport('formats.xlsx', '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 åtgärder skulle ändras');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('stops a workbook that needs more memory than any handlingsplan, with a message, not a crash', async () => {
    const hp = await exportPlan('hp.xlsx');
    // A defined name over the whole sheet: exceljs lists every one of its 17 billion cells.
    const zip = editZipEntry(readFileSync(hp), 'xl/workbook.xml', (xml) =>
      xml.replace('<calcPr', '<definedNames><definedName name="allt">Handlingsplan!$A$1:$XFD$1048576</definedName></definedNames><calcPr'),
    );
    writeFileSync(join(ws, 'names.xlsx'), zip);
    await refused('names.xlsx', /names\.xlsx: XLSX-filen kräver mer minne än \d+ MB att läsa/);
  });
});

describe('plan import: formulas, errors and rich cells in XLSX', () => {
  let hp: string;
  let rowOf: (id: string) => number;
  beforeEach(async () => {
    hp = await exportPlan('hp.xlsx');
    const list = await actions();
    rowOf = (id) => 3 + list.findIndex((a) => a.id === id);
  });

  it.each([
    ['a note typed as -pågår, which Excel turns into a formula with an error', 'Anteckning', { formula: '-pågår', result: { error: '#NAME?' } }, 'cellen är en formel (=-pågår) som ger felet #NAME?'],
    ['a formula with no cached value (it would erase the note)', 'Anteckning', { formula: 'B3&C3' }, 'cellen är en formel (=B3&C3)'],
    ['a formula whose cached value says Klar', 'Status', { formula: 'IF(TRUE,"Klar")', result: 'Klar' }, 'cellen är en formel (=IF(TRUE,"Klar")) som visar \'Klar\''],
    ['an error value', 'Ansvarig', { error: '#N/A' }, 'cellen innehåller felvärdet #N/A'],
  ])('refuses %s, naming row and column', async (_name, header, value, message) => {
    await editXlsx(hp, (sheet, at) => (sheet.getCell(at.row(STORED), at.col(header)).value = value as ExcelJS.CellValue));
    const column = header === 'Anteckning' ? 22 : header === 'Status' ? 16 : 14;
    await refused('hp.xlsx', `hp.xlsx (rad ${rowOf(STORED)}, kolumn ${column} (${header})): ${message}`);
  });

  it('refuses a shared formula on every row it fills', async () => {
    await editXlsx(hp, (sheet, at) => {
      const c = at.col('Ansvarig');
      const first = at.row(PLAIN);
      const letter = sheet.getColumn(c).letter;
      sheet.getCell(first, c).value = { formula: 'D6', result: 'x', shareType: 'shared', ref: `${letter}${first}:${letter}${first + 1}` } as ExcelJS.CellValue;
      sheet.getCell(first + 1, c).value = { sharedFormula: `${letter}${first}`, result: 'y' } as ExcelJS.CellValue;
    });
    const stderr = await refused('hp.xlsx', `(rad ${rowOf(PLAIN)}, kolumn 14 (Ansvarig)): cellen är en formel`);
    expect(stderr).toContain(`(rad ${rowOf(PLAIN) + 1}, kolumn 14 (Ansvarig)): cellen är en formel`);
  });

  it('reads rich text and hyperlinks as their text and a date as the same day in any time zone', async () => {
    await editXlsx(hp, (sheet, at) => {
      const r = at.row(PLAIN);
      sheet.getCell(r, at.col('Anteckning')).value = { richText: [{ text: 'Växeln ', font: { bold: true } }, { text: 'upphandlas' }] };
      sheet.getCell(r, at.col('Ansvarig')).value = { text: 'Kim Lund', hyperlink: 'mailto:kim.lund@example.se' };
      sheet.getCell(r, at.col('Klart senast')).value = new Date('2026-02-27T00:00:00Z');
    });
    for (const TZ of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
      const dry = await cli(['plan', 'import', 'hp.xlsx', '--year', '2025', '--dry-run'], { TZ });
      expect(dry.stdout, TZ).toContain(`${PLAIN}: ej_påbörjad → ej_påbörjad, Kim Lund, 2026-02-27`);
    }
    const r = await cli(['plan', 'import', 'hp.xlsx', '--year', '2025'], { TZ: 'Pacific/Kiritimati' });
    expect(r.code, r.stderr).toBe(0);
    expect(plan().actions[PLAIN]).toMatchObject({ status: 'ej_påbörjad', owner: 'Kim Lund', due: '2026-02-27', note: 'Växeln upphandlas' });
  });
});

describe('plan import: blank rows', () => {
  it('reads every row of a CSV to the end: blank rows and ;;;; rows in the middle are skipped', async () => {
    const hp = await exportPlan('hp.csv');
    const lines = resavedCsv(readFileSync(hp, 'utf8')).split('\r\n');
    const at = lines.findIndex((l) => l.startsWith(PLAIN));
    lines.splice(at, 0, '', ';;;;;;;;;;;;;;;;;;;;;');
    writeFileSync(hp, lines.map((l) => (l.startsWith(PLAIN) ? l.replace(';Ej påbörjad;', ';Pågår;') : l)).join('\r\n'));
    const r = await planImport('hp.csv');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${PLAIN}: ej_påbörjad → pågår`);
    expect(r.stdout).toContain(`${(await actions()).length} rader lästa, 1 åtgärder ändrade`);
    expect(plan().actions[PLAIN]?.status).toBe('pågår');
  });

  it('reads every row of an XLSX to the end past an emptied row', async () => {
    const hp = await exportPlan('hp.xlsx');
    const list = await actions();
    const last = list.at(-2)!.id;
    await editXlsx(hp, (sheet, at) => {
      sheet.getRow(at.row(PLAIN)).eachCell((cell) => (cell.value = null));
      sheet.getCell(at.row(last), at.col('Status')).value = 'Klar';
    });
    const r = await planImport('hp.xlsx');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${last}: ej_påbörjad → klar`);
    expect(r.stdout).toContain(`${list.length - 1} rader lästa, 1 åtgärder ändrade`);
    expect(plan().actions[last]?.status).toBe('klar');
    expect(plan().actions[PLAIN]).toBeUndefined();
  });
});

describe('plan import: the columns it reads', () => {
  it.each(['Ansvarig', 'Klart senast', 'Anteckning', 'Status', 'Motivering (accepterad risk)', 'Accepterad av'])('refuses a CSV whose column %s was renamed', async (header) => {
    const hp = await exportPlan('hp.csv');
    const lines = resavedCsv(readFileSync(hp, 'utf8')).split('\r\n');
    lines[1] = lines[1]!.split(';').map((h) => (h === header ? `${h} (ändrad)` : h)).join(';');
    writeFileSync(hp, lines.join('\r\n'));
    await refused('hp.csv', `hp.csv (rad 2): kolumnen ${header} saknas i rubrikraden`);
  });

  it('refuses an XLSX whose columns Ansvarig and Anteckning were deleted, naming both', async () => {
    const hp = await exportPlan('hp.xlsx');
    await editXlsx(hp, (sheet, at) => {
      const note = at.col('Anteckning');
      const owner = at.col('Ansvarig');
      sheet.spliceColumns(note, 1);
      sheet.spliceColumns(owner, 1);
    });
    await refused('hp.xlsx', 'hp.xlsx (rad 2): kolumnerna Ansvarig och Anteckning saknas i rubrikraden');
  });

  it('refuses a file without the Id column', async () => {
    const hp = await exportPlan('hp.csv');
    writeFileSync(hp, resavedCsv(readFileSync(hp, 'utf8')).replace('\r\nId;', '\r\nÅtgärds-id;'));
    await refused('hp.csv', 'hp.csv: hittar ingen rubrikrad med kolumnen Id');
  });

  it('shows every value an emptied cell removes, in --dry-run and when it writes', async () => {
    const hp = await exportPlan('hp.xlsx');
    const note = plan().actions[STORED]!['note']!;
    await editXlsx(hp, (sheet, at) => {
      sheet.getCell(at.row(STORED), at.col('Ansvarig')).value = null;
      sheet.getCell(at.row(STORED), at.col('Anteckning')).value = '';
    });
    const before = snapshot(ws);
    const dry = await planImport('hp.xlsx', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Ansvarig tas bort: 'Sara Ek'");
    expect(dry.stdout).toContain(`Anteckning tas bort: '${note}'`);
    expect(dry.stdout).toContain('1 åtgärder skulle ändras');
    expect(snapshot(ws)).toEqual(before);
    const json = JSON.parse((await cli(['--json', 'plan', 'import', 'hp.xlsx', '--year', '2025', '--dry-run'])).stdout);
    expect(json.removed).toEqual([
      { id: STORED, line: expect.any(Number), column: 'Ansvarig', value: 'Sara Ek' },
      { id: STORED, line: expect.any(Number), column: 'Anteckning', value: note },
    ]);

    const r = await planImport('hp.xlsx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Ansvarig tas bort: 'Sara Ek'");
    const after = plan();
    expect(after.actions[STORED]).toMatchObject({ status: 'pågår' });
    expect(after.actions[STORED]!['owner']).toBeUndefined();
    expect(after.actions[STORED]!['note']).toBeUndefined();
    expect(after.history.at(-1)).toMatchObject({ action: STORED, entry: { owner: 'Sara Ek', note } });
  });
});

describe('plan import: an unedited export changes nothing', () => {
  beforeEach(async () => {
    // Follow-ups that the export shows just as a default would be shown, and notes that a round
    // trip could alter: the service's own owner and the suggested due date set explicitly, spaces
    // around a note, a note that starts like a formula, one that starts with an apostrophe.
    const suggested = (await actions()).find((a) => a.id === PLAIN)!;
    const set = (id: string, ...args: string[]) => cli(['plan', 'set', id, '--year', '2025', ...args, '--reviewer', 'test']);
    expect((await set(PLAIN, '--owner', suggested.owner!, '--due', suggested.due, '--note', '  Två rader\nmed blanksteg  ')).code).toBe(0);
    expect((await set(DUE, '--note', '=HYPERLINK("http://x")')).code).toBe(0);
    expect((await set('telefoni:BEH-granskning-inaktuell', '--note', "'=inte en formel", '--owner=-Drift')).code).toBe(0);
  });

  it.each([
    ['CSV', 'hp.csv', []],
    ['XLSX', 'hp.xlsx', []],
    ['CSV --lang en', 'hp-en.csv', ['--lang', 'en']],
    ['XLSX --lang en', 'hp-en.xlsx', ['--lang', 'en']],
  ])('%s: 0 changes, and answers/ stays byte-identical', async (_name, file, args) => {
    await exportPlan(file, ...args);
    const before = snapshot(join(ws, 'answers'));
    const dry = await planImport(file, '--dry-run');
    const rows = (await actions()).length;
    expect(dry.stdout).toContain(`${rows} rader lästa, 0 åtgärder skulle ändras`);
    const r = await planImport(file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${rows} rader lästa, 0 åtgärder ändrade.\n`);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });
});

describe('plan import: CSV line numbers', () => {
  it('names the line where a record starts, after notes with line breaks above it', async () => {
    await cli(['plan', 'set', STORED, '--year', '2025', '--note', 'rad ett\nrad två\r\nrad tre']);
    const hp = await exportPlan('hp.csv');
    const text = resavedCsv(readFileSync(hp, 'utf8')).replace(new RegExp(`(${PLAIN};[^\\r]*?)Ej påbörjad`), '$1Kanske');
    writeFileSync(hp, text);
    const line = lineOf(text, PLAIN);
    expect(line).toBeGreaterThan(3 + (await actions()).findIndex((a) => a.id === PLAIN));
    await refused('hp.csv', `hp.csv (rad ${line}, kolumn 16 (Status)): ogiltig status 'Kanske'`);
  });

  it('names the line where a record with an unclosed quote starts', async () => {
    await cli(['plan', 'set', STORED, '--year', '2025', '--note', 'rad ett\nrad två']);
    const hp = await exportPlan('hp.csv');
    const text = resavedCsv(readFileSync(hp, 'utf8')).replace(`${PLAIN};`, `${PLAIN};"`);
    writeFileSync(hp, text);
    await refused('hp.csv', `hp.csv (rad ${lineOf(text, PLAIN)}): ogiltig CSV`);
  });
});
