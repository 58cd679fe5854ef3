import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { copyExampleWorkspace, removeDir, run } from './helpers.js';
import { readZip } from './zip.js';
import { COLUMNS } from '../src/export/columns.js';
import { columnLetter } from '../src/export/xlsx.js';

// The exported handlingsplan opened by a real spreadsheet program: LibreOffice Calc, headless,
// converting the XLSX and CSV to CSV, PDF and ODS, and poppler's pdftotext reading the PDF. Each
// test says so in its name and is skipped where the programs are not installed (.ci/run installs
// them from Debian's packages where it can), so `npm test` passes on a bare machine too. Each run
// of LibreOffice takes 2–5 s; the whole file some 25 s.

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name: string): string | undefined =>
  (process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, name)).find((p) => p !== name && executable(p));
/** soffice may be there without Calc (a Writer-only install): Calc's library sits beside the program. */
const withCalc = (soffice: string | undefined): string | undefined => {
  if (soffice === undefined) return undefined;
  try {
    return readdirSync(dirname(realpathSync(soffice))).some((f) => /^(lib)?sclo\.(so|dll|dylib)$/.test(f)) ? soffice : undefined;
  } catch {
    return undefined;
  }
};
const SOFFICE = withCalc(onPath('soffice') ?? onPath('libreoffice'));
const PDFTOTEXT = onPath('pdftotext');
const exec = promisify(execFile);

/** LibreOffice's own CSV import dialog, untouched: comma, semicolon and tab ticked, " quotes, UTF-8. */
const LIBREOFFICE_DEFAULT_IMPORT = 'Text - txt - csv (StarCalc):44/59/9,34,76,1';
/** CSV out, as shown, semicolons, every sheet (token 12: -1) into a file of its own. */
const ALL_SHEETS_AS_CSV = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1';

let ws: string;
let profile: string;
const cli = (...args: string[]) => run(args, { cwd: ws });
type JsonAction = { id: string; service: string; finding: string; action: string; recurring: boolean; reopened: boolean };
let actions: JsonAction[];
/** A note with every separator LibreOffice tries, and quotes. */
const NOTE = 'Möte 12/3, se protokoll; ansvar: drift\toch förvaltning, "IT"';

/** Runs LibreOffice headless with a profile of this test's own, so it never meets another instance's lock. */
async function soffice(args: string[], outdir: string): Promise<string[]> {
  mkdirSync(outdir, { recursive: true });
  await exec(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args, '--outdir', outdir], { cwd: ws, timeout: 180_000 });
  return readdirSync(outdir);
}

let printed: Promise<string> | undefined;
/** The XLSX printed to PDF by LibreOffice, once for the tests that read it. */
const printedPdf = (): Promise<string> => (printed ??= soffice(['--convert-to', 'pdf', 'hp.xlsx'], join(ws, 'pdf')).then(() => join(ws, 'pdf', 'hp.pdf')));

const csvRows = (path: string, separator: string): string[][] => parse(readFileSync(path, 'utf8'), { bom: true, delimiter: separator, relax_column_count: true });

describe.skipIf(SOFFICE === undefined)('real clients: LibreOffice Calc opens the exports', () => {
  beforeAll(async () => {
    ws = copyExampleWorkspace();
    profile = join(ws, 'lo-profile');
    expect((await cli('plan', 'set', 'telefoni:DRI-manga-allvarliga-incidenter', '--year', '2025', '--note', NOTE)).code).toBe(0);
    for (const format of ['xlsx', 'csv']) {
      const r = await cli('export', '--year', '2025', '--format', format, '--out', `hp.${format}`);
      expect(r.code, r.stderr).toBe(0);
    }
    actions = JSON.parse((await cli('actions', '--year', '2025', '--json')).stdout).actions;
  }, 180_000);
  afterAll(() => removeDir(ws));

  it('LibreOffice: the XLSX as CSV, every sheet: each id with its texts in its own columns, names beside the ids, ja/nej in words', async () => {
    expect(await soffice(['--convert-to', ALL_SHEETS_AS_CSV, 'hp.xlsx'], join(ws, 'sheets'))).toEqual(['hp-Handlingsplan.csv', 'hp-Sammanfattning.csv']);
    const rows = csvRows(join(ws, 'sheets', 'hp-Handlingsplan.csv'), ';');
    expect(rows[0]![0]).toMatch(/^KONFIDENTIELLT – handlingsplan 2025/);
    const header = rows[1]!;
    expect(header).toEqual(COLUMNS.map((c) => c.header.sv));
    const register = JSON.parse(readFileSync(join(ws, 'answers', 'services.json'), 'utf8')) as { organisation: { name: string }; services: { id: string; name: string }[] };
    const names = new Map([['organisation', register.organisation.name], ...register.services.map((s): [string, string] => [s.id, s.name])]);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.slice(2)).toHaveLength(actions.length);
    actions.forEach((a, i) => {
      const row = rows[2 + i]!;
      expect(row).toHaveLength(COLUMNS.length);
      expect(cell(row, 'Id')).toBe(a.id);
      expect(cell(row, 'Tjänst')).toBe(a.service);
      expect(cell(row, 'Tjänstens namn')).toBe(names.get(a.service));
      expect(cell(row, 'Brist')).toBe(a.finding);
      expect(cell(row, 'Åtgärd')).toBe(a.action);
      expect(cell(row, 'Återkommande')).toBe(a.recurring ? 'ja' : 'nej');
      expect(cell(row, 'Återöppnad')).toBe(a.reopened ? 'ja' : 'nej');
    });
    expect(cell(rows.find((r) => r[0] === 'telefoni:DRI-manga-allvarliga-incidenter')!, 'Anteckning')).toBe(NOTE);
    const summary = csvRows(join(ws, 'sheets', 'hp-Sammanfattning.csv'), ';');
    expect(summary[1]!.slice(0, 5)).toEqual(['Checklista', 'Kontroll', 'Poäng (medel)', 'Bedömda tjänster', 'Status']);
    for (const row of summary.slice(2)) expect(['Enligt plan', 'Avvikelse – mellan/liten', 'Avvikelse – stor', 'ej bedömd']).toContain(row[4]);
  }, 180_000);

  it('LibreOffice: the CSV opened as its import dialog stands (comma, semicolon and tab) keeps every cell in its column', async () => {
    await soffice(['--infilter=' + LIBREOFFICE_DEFAULT_IMPORT, '--convert-to', 'csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,true', 'hp.csv'], join(ws, 'opened'));
    // LibreOffice fills every row out to the widest with empty cells; the cells themselves must be the same.
    const trimmed = (rows: string[][]) => rows.map((r) => r.slice(0, r.findLastIndex((c) => c !== '') + 1));
    const opened = csvRows(join(ws, 'opened', 'hp.csv'), '\t');
    const exported = csvRows(join(ws, 'hp.csv'), ';');
    expect(trimmed(opened)).toEqual(trimmed(exported));
    for (const row of opened.slice(2, 2 + actions.length)) expect(row).toHaveLength(COLUMNS.length);
  }, 180_000);

  it('LibreOffice: the XLSX has filter buttons over the table, and the status list stops any other value', async () => {
    await soffice(['--convert-to', 'ods', 'hp.xlsx'], join(ws, 'ods'));
    const content = readZip(readFileSync(join(ws, 'ods', 'hp.ods'))).find((e) => e.name === 'content.xml')!.data.toString('utf8');
    const last = columnLetter(COLUMNS.length);
    expect(content).toMatch(new RegExp(`<table:database-range [^>]*table:target-range-address="Handlingsplan\\.A2:Handlingsplan\\.${last}${2 + actions.length}"[^>]*table:display-filter-buttons="true"`));
    const validations = content.match(/<table:content-validation .*?<\/table:content-validation>/g) ?? [];
    expect(validations).toHaveLength(1);
    expect(validations[0]).toContain('of:cell-content-is-in-list(&quot;Ej påbörjad&quot;;&quot;Pågår&quot;;&quot;Klar&quot;;&quot;Accepterad risk&quot;)');
    expect(validations[0]).toMatch(/<table:error-message table:message-type="stop" table:title="Ogiltig status" table:display="true">/);
    // Every status cell carries it, and no other cell does.
    expect(content.match(/table:content-validation-name="val1"/g)).toHaveLength(actions.length);
  }, 180_000);

  it('LibreOffice: the XLSX prints on A4 landscape pages, one page wide, in a sensible number of pages', async () => {
    const pdf = readFileSync(await printedPdf()).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
    expect(boxes.length).toBeGreaterThanOrEqual(pages.length);
    for (const [width, height] of boxes) {
      expect(Math.round(width!)).toBe(842);
      expect(Math.round(height!)).toBe(595);
    }
    // Before: 12 Letter portrait pages, the columns spread over several pages across.
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(6);
  }, 180_000);

  describe.skipIf(PDFTOTEXT === undefined)('with pdftotext (poppler)', () => {
    const pageTexts = async (): Promise<string[]> => (await exec(PDFTOTEXT!, ['-layout', await printedPdf(), '-'], { encoding: 'utf8' })).stdout.split('\f').filter((p) => p.trim() !== '');

    it('LibreOffice + pdftotext: every printed page has KONFIDENTIELLT and its number in the header, and the heading row whole', async () => {
      const pages = await pageTexts();
      pages.forEach((text, i) => {
        const top = text.split('\n').find((l) => l.trim() !== '')!;
        expect(top, `page ${i + 1}`).toMatch(new RegExp(`^\\s*KONFIDENTIELLT\\s+(Handlingsplan|Sammanfattning) 2025\\s+Sida ${i + 1} av ${pages.length}\\s*$`));
      });
      const actionPages = pages.filter((t) => /\bHandlingsplan 2025\b/.test(t.split('\n').find((l) => l.trim() !== '')!));
      expect(actionPages.length).toBeGreaterThanOrEqual(1);
      // One page wide: the first heading and the last on every page of the action sheet.
      for (const text of actionPages) {
        expect(text).toMatch(/^\s*Id\s+Prioritet\s+Varför\s+Tjänst\s+Tjänstens namn/m);
        expect(text).toContain('Accepterad av');
      }
      for (const text of pages.filter((t) => !actionPages.includes(t))) expect(text).toMatch(/^\s*Checklista\s+Kontroll\s+Poäng/m);
    }, 180_000);

    it('LibreOffice + pdftotext: every word of every finding and action is printed, and no text runs into another row', async () => {
      const html = (await exec(PDFTOTEXT!, ['-bbox', await printedPdf(), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
      const pages = html.split('<page ').slice(1).map((p) =>
        [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
          x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: unescapeXml(m[5]!),
        })),
      );
      // A word broken at a hyphen at the end of a line is two words in the PDF: compare the parts.
      const parts = (text: string) => text.split(/[\s\-–]+/).filter((w) => w !== '');
      const printed = new Set(pages.flat().flatMap((w) => parts(w.text)));
      const missing = actions.flatMap((a) => [...parts(a.finding), ...parts(a.action)]).filter((w) => !printed.has(w));
      expect(missing).toEqual([]);
      // Before: a row one line high printed its wrapped lines over the rows below (hundreds of words on top of others).
      const collisions: string[] = [];
      for (const words of pages) {
        for (let i = 0; i < words.length; i++) {
          for (let j = i + 1; j < words.length; j++) {
            const [a, b] = [words[i]!, words[j]!];
            const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
            const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
            // Lines of one paragraph touch a little; text over text covers at least half a line.
            if (across > 0.5 && down > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) collisions.push(`${a.text} / ${b.text}`);
          }
        }
      }
      expect(collisions).toEqual([]);
    }, 180_000);
  });

  it('LibreOffice: a workbook and a CSV that LibreOffice saved again read back with plan import, changing nothing', async () => {
    await soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', 'hp.xlsx'], join(ws, 'saved'));
    await soffice(['--infilter=' + LIBREOFFICE_DEFAULT_IMPORT, '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true', 'hp.csv'], join(ws, 'saved'));
    for (const file of ['saved/hp.xlsx', 'saved/hp.csv']) {
      const r = await cli('plan', 'import', file, '--year', '2025', '--dry-run');
      expect(r.stderr, file).toBe('');
      expect(r.stdout, file).toContain(`${actions.length} rader lästa, 0 åtgärder skulle ändras`);
    }
  }, 180_000);
});

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}
