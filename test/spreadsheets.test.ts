import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { copyExampleWorkspace, removeDir, run } from './helpers.js';
import { readZip } from './zip.js';
import { COLUMNS } from '../src/export/columns.js';
import { LINE_HEIGHT, columnLetter, columnWidth, numberColumns, rowHeight, wrappedLines } from '../src/export/xlsx.js';

// What the exported workbook and CSV say in their own files, checked without any spreadsheet
// program: the parts LibreOffice and Excel need (test/real-clients.test.ts opens them for real).

let ws: string;
const cli = (...args: string[]) => run(args, { cwd: ws });
type JsonAction = { id: string; service: string; control: string; finding: string; action: string; recurring: boolean; reopened: boolean; status: string };
let actions: JsonAction[];
const NOTE = 'Möte 12/3, se protokoll; ansvar: drift\toch förvaltning, "IT"';

const part = (zip: Buffer, name: string): string => readZip(zip).find((e) => e.name === name)!.data.toString('utf8');

beforeAll(async () => {
  ws = copyExampleWorkspace();
  expect((await cli('plan', 'set', 'telefoni:DRI-manga-allvarliga-incidenter', '--year', '2025', '--note', NOTE)).code).toBe(0);
  for (const [file, ...args] of [['hp.xlsx'], ['hp.csv'], ['hp-en.xlsx', '--lang', 'en'], ['hp-en.csv', '--lang', 'en']]) {
    const r = await cli(...args, 'export', '--year', '2025', '--format', file!.split('.')[1]!, '--out', file!);
    expect(r.code, r.stderr).toBe(0);
  }
  actions = JSON.parse((await cli('actions', '--year', '2025', '--json')).stdout).actions;
});
afterAll(() => removeDir(ws));

const statusLetter = columnLetter(COLUMNS.findIndex((c) => c.key === 'status') + 1);
const lastLetter = columnLetter(COLUMNS.length);

describe('XLSX: filter, validation and printing as the file says them', () => {
  it('names the filter range _xlnm._FilterDatabase, local to the sheet, as LibreOffice needs for filter buttons', () => {
    const zip = readFileSync(join(ws, 'hp.xlsx'));
    const last = 2 + actions.length;
    expect(part(zip, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;Handlingsplan&apos;!$A$2:$${lastLetter}$${last}</definedName>`);
    expect(part(zip, 'xl/worksheets/sheet1.xml')).toContain(`<autoFilter ref="A2:${lastLetter}${last}"/>`);
  });

  it('has one list validation over the status cells that stops other values, and no validations that overlap', () => {
    const sheet = part(readFileSync(join(ws, 'hp.xlsx')), 'xl/worksheets/sheet1.xml');
    const validations = [...sheet.matchAll(/<dataValidation\s([^>]*)>(.*?)<\/dataValidation>/g)];
    expect(validations).toHaveLength(1);
    const [, attributes, body] = validations[0]!;
    expect(attributes).toContain(`sqref="${statusLetter}3:${statusLetter}${2 + actions.length}"`);
    for (const a of ['type="list"', 'showErrorMessage="1"', 'errorStyle="stop"', 'errorTitle="Ogiltig status"', 'error="Status är en av Ej påbörjad, Pågår, Klar eller Accepterad risk: välj i listan."']) {
      expect(attributes).toContain(a);
    }
    expect(body).toBe('<formula1>&quot;Ej påbörjad,Pågår,Klar,Accepterad risk&quot;</formula1>');
    // Every range of every validation (sqref holds space-separated ranges), pairwise disjoint.
    const ranges = validations.flatMap((v) => /sqref="([^"]*)"/.exec(v[1]!)![1]!.split(' ')).map(decodeRange);
    for (let i = 0; i < ranges.length; i++) for (let j = i + 1; j < ranges.length; j++) expect(overlaps(ranges[i]!, ranges[j]!)).toBe(false);
  });

  it('prints on A4 landscape, one page wide, the heading row and KONFIDENTIELLT with the page number on every page', () => {
    const zip = readFileSync(join(ws, 'hp.xlsx'));
    expect(part(zip, 'xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Handlingsplan&apos;!$2:$2</definedName>');
    expect(part(zip, 'xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Sammanfattning&apos;!$2:$2</definedName>');
    for (const sheet of ['sheet1', 'sheet2']) {
      const xml = part(zip, `xl/worksheets/${sheet}.xml`);
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"\/>/);
      expect(xml).toMatch(/<oddHeader>&amp;LKONFIDENTIELLT&amp;C(Handlingsplan|Sammanfattning) 2025&amp;RSida &amp;P av &amp;N<\/oddHeader>/);
    }
    const en = part(readFileSync(join(ws, 'hp-en.xlsx')), 'xl/worksheets/sheet1.xml');
    expect(en).toContain('<oddHeader>&amp;LCONFIDENTIAL&amp;CAction plan 2025&amp;RPage &amp;P of &amp;N</oddHeader>');
    expect(en).toContain('errorTitle="Invalid status"');
  });
});

describe('XLSX: what the cells hold', () => {
  let sheet: ExcelJS.Worksheet;
  let summary: ExcelJS.Worksheet;
  let header: string[];
  const widths = () => COLUMNS.map((_, i) => sheet.getColumn(i + 1).width!);
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(ws, 'hp.xlsx'));
    sheet = book.getWorksheet('Handlingsplan')!;
    summary = book.getWorksheet('Sammanfattning')!;
    header = (sheet.getRow(2).values as string[]).slice(1);
  });

  it('gives every row the height of its longest wrapped text, and every heading room for its words', () => {
    expect(header).toEqual(COLUMNS.map((c) => c.header.sv));
    header.forEach((h, i) => expect(widths()[i], h).toBeGreaterThanOrEqual(Math.max(...h.split(' ').map((w) => w.length)) + 2));
    expect(sheet.getRow(2).height).toBe(rowHeight(header, widths(), true));
    actions.forEach((a, i) => {
      const row = sheet.getRow(3 + i);
      expect(row.getCell(1).value).toBe(a.id);
      const finding = wrappedLines(a.finding, widths()[header.indexOf('Brist')]!);
      const action = wrappedLines(a.action, widths()[header.indexOf('Åtgärd')]!);
      expect(row.height, a.id).toBeGreaterThanOrEqual(LINE_HEIGHT * Math.max(finding, action));
      expect(row.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    });
    // Texts of several lines make rows of several lines: never one line high.
    expect(Math.max(...actions.map((_, i) => sheet.getRow(3 + i).height))).toBeGreaterThanOrEqual(4 * LINE_HEIGHT);
  });

  it('writes Återkommande and Återöppnad as ja/nej, never as 0/1 or TRUE/FALSE', () => {
    for (const [column, key] of [['Återkommande', 'recurring'], ['Återöppnad', 'reopened']] as const) {
      actions.forEach((a, i) => {
        const cell = sheet.getRow(3 + i).getCell(header.indexOf(column) + 1);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(a[key] ? 'ja' : 'nej');
      });
    }
    expect(new Set(actions.map((a) => a.recurring))).toEqual(new Set([true, false]));
  });

  it('shows the service’s and the control’s names beside their ids', () => {
    const register = JSON.parse(readFileSync(join(ws, 'answers', 'services.json'), 'utf8')) as { organisation: { name: string }; services: { id: string; name: string }[] };
    const names = new Map([['organisation', register.organisation.name], ...register.services.map((s): [string, string] => [s.id, s.name])]);
    const controls: Record<string, string> = { AVT: 'Avtal', LOG: 'Loggning', KP4: 'Personuppgiftsregister', DRI: 'Förvaltning och drift' };
    actions.forEach((a, i) => {
      const row = sheet.getRow(3 + i);
      expect(header.indexOf('Tjänstens namn')).toBe(header.indexOf('Tjänst') + 1);
      expect(row.getCell(header.indexOf('Tjänstens namn') + 1).value).toBe(names.get(a.service));
      expect(header.indexOf('Kontrollens namn')).toBe(header.indexOf('Kontroll') + 1);
      if (a.control in controls) expect(row.getCell(header.indexOf('Kontrollens namn') + 1).value).toBe(controls[a.control]);
    });
  });

  it('colours each status on the summary sheet and writes it in words, in a column wide enough for it', () => {
    const fills: Record<string, string | undefined> = { 'Enligt plan': 'FFC6EFCE', 'Avvikelse – mellan/liten': 'FFFFEB9C', 'Avvikelse – stor': 'FFFFC7CE', 'ej bedömd': undefined };
    const seen = new Set<string>();
    summary.eachRow((row, n) => {
      if (n < 3) return;
      const status = row.getCell(5);
      expect(Object.keys(fills)).toContain(status.value);
      seen.add(String(status.value));
      const fill = status.fill as ExcelJS.FillPattern | undefined;
      expect(fill?.fgColor?.argb, String(status.value)).toBe(fills[String(status.value)]);
    });
    expect(seen).toContain('Avvikelse – stor');
    expect(seen).toContain('Enligt plan');
    expect(summary.getColumn(5).width).toBeGreaterThanOrEqual('Avvikelse – mellan/liten'.length);
  });

  it('writes yes/no and English headings under --lang en', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(ws, 'hp-en.xlsx'));
    const en = book.getWorksheet('Action plan')!;
    const head = (en.getRow(2).values as string[]).slice(1);
    expect(head).toContain('Service name');
    expect(head).toContain('Control name');
    expect(en.getRow(3).getCell(head.indexOf('Recurring') + 1).value).toMatch(/^(yes|no)$/);
  });
});

describe('CSV: every text field quoted', () => {
  it('reads the same whichever of comma, semicolon and tab a program splits on (LibreOffice ticks all three)', () => {
    const text = readFileSync(join(ws, 'hp.csv'), 'utf8');
    const semicolon: string[][] = parse(text, { bom: true, delimiter: ';', relax_column_count: true });
    const any: string[][] = parse(text, { bom: true, delimiter: [';', ',', '\t'], relax_column_count: true });
    expect(any).toEqual(semicolon);
    const header = semicolon[1]!;
    const noted = semicolon.find((r) => r[0] === 'telefoni:DRI-manga-allvarliga-incidenter')!;
    expect(noted[header.indexOf('Anteckning')]).toBe(NOTE);
    // Texts with commas are there, and would have split the rows if they were not quoted.
    expect(actions.filter((a) => a.finding.includes(',')).length).toBeGreaterThan(0);
    for (const row of semicolon.slice(2, 2 + actions.length)) expect(row).toHaveLength(COLUMNS.length);
  });

  it('keeps BOM, semicolons and CR LF; integers bare, decimals with a comma and quoted, empty fields empty', () => {
    const text = readFileSync(join(ws, 'hp.csv'), 'utf8');
    expect(text.startsWith('\ufeff"KONFIDENTIELLT')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(COLUMNS.map((c) => `"${c.header.sv}"`).join(';'));
    const row = text.split('\r\n').find((l) => l.startsWith('"personec-p:LOG-kanslig-utan-loggranskning"'))!;
    expect(row).toMatch(/^"personec-p:LOG-kanslig-utan-loggranskning";1;"stor · lagkrav/);
    expect(row).toMatch(/;"ja";2024;"nej";15;"\d+,\d";/);
    expect(text).toMatch(/;;\r\n/);
    expect(readFileSync(join(ws, 'hp-en.csv'), 'utf8')).toMatch(/;"(yes|no)";\d{4};"(yes|no)";/);
  });
});

describe('row heights, widths and letters (pure)', () => {
  it('wraps word by word, breaks long words, counts line breaks', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('kort', 10)).toBe(1);
    // 10 units hold 11 characters.
    expect(wrappedLines('aaaa bbbb cccc', 10)).toBe(2);
    expect(wrappedLines('x'.repeat(30), 10)).toBe(3);
    expect(wrappedLines('rad ett\nrad två\r\nrad tre', 40)).toBe(3);
    expect(wrappedLines('Återkommande', 10, true)).toBe(2);
    expect(rowHeight(['kort', 'aaaa bbbb cccc dddd eeee', null, 3], [10, 10, 10, 10])).toBe(3 * LINE_HEIGHT);
    expect(rowHeight(['x'.repeat(10_000)], [10])).toBe(27 * LINE_HEIGHT);
  });

  it('widens a column to its longest heading word, and names columns by letter', () => {
    expect(columnWidth(9, 'Återkommande')).toBe(16);
    expect(columnWidth(40, 'Id')).toBe(40);
    expect([1, 16, 24, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'P', 'X', 'Z', 'AA', 'AZ', 'AAA']);
    expect(numberColumns([[1, 'a', null], [null, 'b', null]], 3)).toEqual([true, false, false]);
  });
});

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
  };
  const [from, to = from] = ref.split(':').map(cell);
  return { top: from!.row, left: from!.col, bottom: to!.row, right: to!.col };
}

function overlaps(a: ReturnType<typeof decodeRange>, b: ReturnType<typeof decodeRange>): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
