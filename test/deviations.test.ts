import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseHtml } from 'node-html-parser';
import { buildDeviationReport } from '../src/report/deviations.js';
import type { Incident } from '../src/incidents/schema.js';
import type { Service } from '../src/store/schema.js';
import { copyExampleWorkspace, readJson, removeDir, run, snapshot } from './helpers.js';

/**
 * Issue 11: the board's report of serious quality deviations for a period, as the seeds have it
 * for 2301–2305 (bilaga 1, Större avvikelser gemensamma tjänster): per area, the services with
 * incidents, their actions and the status of incidents and personal-data breaches in three colours.
 */

const NOW = '2026-12-01T10:00:00Z';
let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args], { env: { EFTERLEV_NOW: NOW } });
const SEEDS = ['report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '2023-05-31'];

beforeAll(() => {
  ws = copyExampleWorkspace();
});
afterAll(() => removeDir(ws));

/** The Markdown report's area tables: area → rows of cells (escaped pipes never occur in the example). */
function mdTables(md: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const section of md.split('\n## ').slice(1)) {
    const m = /^Återrapportering tjänster med avvikelser: (.+)$/m.exec(section.split('\n')[0]!);
    if (m === null) continue;
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Tjänst'))
      .map((l) => l.slice(2, -2).split(' | '));
    out.set(m[1]!, rows);
  }
  return out;
}

const STATUS_MD: Record<string, string> = { '**Avvikelse – stor**': 'stor', '**Avvikelse – mellan/liten**': 'mellan', '**Enligt plan**': 'enligt_plan' };
const statusOfMd = (cell: string) => STATUS_MD[cell.split('<br>')[0]!];

/** What the seeds' bilaga says for 2301–2305, with the colour rules in the report. */
const EXPECTED: Record<string, [service: string, incidents: string, breaches: string][]> = {
  Ekonomi: [['UBW/Agresso (ekonomi)', 'stor', 'enligt_plan']],
  HR: [
    ['Adato (rehabilitering)', 'enligt_plan', 'mellan'],
    ['Förmånsportalen (Benify)', 'enligt_plan', 'mellan'],
    ['KPA Pension (pensionsadministration)', 'enligt_plan', 'stor'],
    ['Personec P (lön)', 'mellan', 'mellan'],
    ['Utbildningsportalen', 'enligt_plan', 'mellan'],
    ['Visma Recruit (rekrytering)', 'mellan', 'stor'],
  ],
  Kommunikation: [['Telefoni och växel', 'stor', 'enligt_plan']],
};

describe('efterlev report --kind avvikelser, the seeds’ period 2301–2305', () => {
  it('lists the right services per area with their colours, and the seeds’ counts (Markdown)', async () => {
    const r = await cli(...SEEDS);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^\*\*KONFIDENTIELLT – avvikelserapport 2023-01-01 – 2023-05-31 för Exempelstaden – Intraservice\./);
    expect(r.stdout).toContain('Period: 2023-01-01 – 2023-05-31 (2301–2305)');
    const tables = mdTables(r.stdout);
    expect([...tables.keys()]).toEqual(['Ekonomi', 'HR', 'Kommunikation']);
    for (const [area, rows] of Object.entries(EXPECTED)) {
      expect(tables.get(area)!.map((c) => [c[1], statusOfMd(c[3]!), statusOfMd(c[4]!)])).toEqual(rows);
    }
    // The seeds' summary slides: 4 MI telefoni and 7 MI UBW/Agresso, one MI and one PUI in Visma Recruit in April.
    expect(r.stdout).toContain('- Under perioden: 7 major incidents i UBW/Agresso (ekonomi), 4 i Telefoni och växel, 1 i Visma Recruit (rekrytering).');
    expect(r.stdout).toContain('- 6 personuppgiftsincidenter, varav 2 anmälda till IMY, alla inom HR; inga inom Ekonomi eller Kommunikation.');
    expect(r.stdout).toContain('- 2 av 10 tjänster hade ingen incident under perioden och ingen öppen incident');
    // Each cell says why it has its colour, and what happened.
    const ubw = tables.get('Ekonomi')![0]!;
    expect(ubw[0]).toBe('Lena Sjöberg, tjänsteägare Ekonomitjänster');
    expect(ubw[3]).toContain('7 major incidents under perioden (3 eller fler)');
    expect(ubw[3]!.match(/• Major incident 2023-/g)).toHaveLength(7);
    expect(ubw[2]).toContain('Utökat minne på de berörda servrarna');
    const kpa = tables.get('HR')!.find((c) => c[1]!.startsWith('KPA'))!;
    expect(kpa[4]).toContain('Anmäld till IMY 2023-04-03, 93 h efter kännedom; skäl till dröjsmålet: KPA Pension behövde fyra dygn');
    const adato = tables.get('HR')!.find((c) => c[1]!.startsWith('Adato'))!;
    expect(adato[4]).toContain('inte anmäld till IMY efter dokumenterad bedömning (låg risk)');
    expect(adato[3]).toBe('**Enligt plan**<br>Inga incidenter');
    // The legend says how each colour is set, in the report itself.
    expect(r.stdout).toContain('## Så sätts statusfärgerna');
    expect(r.stdout).toContain('3 eller fler major incidents i tjänsten under perioden');
    expect(r.stdout).toContain('En personuppgiftsincident anmäldes till IMY (sannolik risk för de registrerades rättigheter och friheter)');
  });

  it('gives the first quarter as the seeds count it: 5 breaches, all in HR, and no MI in Visma Recruit yet', async () => {
    const r = await cli('report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '2023-03-31');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Period: 2023-01-01 – 2023-03-31 (2301–2303)');
    expect(r.stdout).toContain('- Under perioden: 7 major incidents i UBW/Agresso (ekonomi), 4 i Telefoni och växel.');
    expect(r.stdout).toContain('- 5 personuppgiftsincidenter, varav 1 anmäld till IMY, alla inom HR; inga inom Ekonomi eller Kommunikation.');
    expect(mdTables(r.stdout).get('HR')!.map((c) => c[1])).not.toContain('Visma Recruit (rekrytering)');
  });

  it('writes self-contained, landscape A4 HTML with status cells coloured and labelled, readable only by the owner', async () => {
    const out = join(ws, 'avvikelser.html');
    const r = await cli(...SEEDS, '--format', 'html', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('8 tjänster med avvikelser');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|href="?https?:|url\(|@import/i);
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('print-color-adjust: exact');
    const doc = parseHtml(html);
    expect(doc.querySelector('p.notice')!.text).toMatch(/^KONFIDENTIELLT – avvikelserapport/);
    expect(doc.querySelector('body')!.childNodes.find((n) => n.nodeType === 1)!.toString()).toContain('class="notice"');
    const areas = doc.querySelectorAll('h2').map((h) => h.text).filter((t) => t.startsWith('Återrapportering'));
    expect(areas).toEqual(['Återrapportering tjänster med avvikelser: Ekonomi', 'Återrapportering tjänster med avvikelser: HR', 'Återrapportering tjänster med avvikelser: Kommunikation']);
    const rows = doc.querySelectorAll('table.deviations tbody tr');
    const seen = rows.map((tr) => {
      const td = tr.querySelectorAll('td');
      // Coloured (class and data-status) and labelled in words, so it reads in black and white.
      for (const cell of [td[3]!, td[4]!]) {
        const status = cell.getAttribute('data-status')!;
        expect(cell.classList.contains(`status-${status}`)).toBe(true);
        expect(cell.querySelector('strong')!.text).toBe({ stor: 'Avvikelse – stor', mellan: 'Avvikelse – mellan/liten', enligt_plan: 'Enligt plan' }[status]);
      }
      return [td[1]!.text, td[3]!.getAttribute('data-status'), td[4]!.getAttribute('data-status')];
    });
    expect(seen).toEqual(Object.values(EXPECTED).flat());
    // The CSS gives each status its fill.
    for (const s of ['stor', 'mellan', 'enligt_plan']) expect(html).toMatch(new RegExp(`td\\.status-${s} \\{ background: #`));
    // The legend table, coloured too.
    expect(doc.querySelectorAll('table.legend td.status').map((td) => td.getAttribute('data-status'))).toEqual(['stor', 'mellan', 'enligt_plan']);
  });

  it('writes XLSX: a summary sheet and one sheet per area, notice first, frozen header, widths, wrapped rows with heights, filled status cells with labels', async () => {
    const out = join(ws, 'avvikelser.xlsx');
    const r = await cli(...SEEDS, '--format', 'xlsx', '--out', out);
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Sammanfattning', 'Ekonomi', 'HR', 'Kommunikation']);
    const summary = wb.getWorksheet('Sammanfattning')!;
    expect(summary.getCell('A1').text).toMatch(/^KONFIDENTIELLT – avvikelserapport/);
    const summaryText: string[] = [];
    summary.eachRow((row) => summaryText.push(row.getCell(1).text));
    expect(summaryText).toContain('• Under perioden: 7 major incidents i UBW/Agresso (ekonomi), 4 i Telefoni och växel, 1 i Visma Recruit (rekrytering).');
    expect(summaryText).toContain('• 6 personuppgiftsincidenter, varav 2 anmälda till IMY, alla inom HR; inga inom Ekonomi eller Kommunikation.');
    expect(summaryText).toEqual(expect.arrayContaining(['Avvikelse – stor', 'Avvikelse – mellan/liten', 'Enligt plan']));

    const FILL: Record<string, string> = { 'Avvikelse – stor': 'FFF4B6B6', 'Avvikelse – mellan/liten': 'FFFDE9A9', 'Enligt plan': 'FFC8E6C9' };
    const STATUS: Record<string, string> = { 'Avvikelse – stor': 'stor', 'Avvikelse – mellan/liten': 'mellan', 'Enligt plan': 'enligt_plan' };
    for (const [area, expected] of Object.entries(EXPECTED)) {
      const sheet = wb.getWorksheet(area)!;
      expect(sheet.getCell('A1').text).toMatch(/^KONFIDENTIELLT – avvikelserapport/);
      expect(sheet.getCell('A1').font.bold).toBe(true);
      const headerRow = (sheet.views[0] as { ySplit?: number }).ySplit!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen' });
      expect(sheet.getRow(headerRow).values).toEqual([undefined, 'Tjänst (ansvarig)', 'IT-stöd', 'Åtgärder', 'Status incidenter', 'Status personuppgiftsincidenter']);
      expect(sheet.columns.map((c) => c.width)).toEqual([24, 24, 40, 52, 52]);
      const seen: string[][] = [];
      sheet.eachRow((row, n) => {
        if (n <= headerRow) return;
        const statuses = [4, 5].map((c) => {
          const cell = row.getCell(c);
          const label = cell.text.split('\n')[0]!;
          expect(FILL[label]).toBeDefined();
          expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL[label]);
          return STATUS[label]!;
        });
        for (let c = 1; c <= 5; c++) expect(row.getCell(c).alignment?.wrapText).toBe(true);
        // A row is at least as high as its tallest cell's lines, at 10 pt.
        const lines = Math.max(...[1, 2, 3, 4, 5].map((c) => row.getCell(c).text.split('\n').length));
        expect(row.height).toBeGreaterThanOrEqual(lines * 12);
        seen.push([row.getCell(2).text, ...statuses]);
      });
      expect(seen).toEqual(expected);
    }
    // Seven incidents in one cell: a tall row, well above one line.
    const ubwRow = wb.getWorksheet('Ekonomi')!.getRow((wb.getWorksheet('Ekonomi')!.views[0] as { ySplit: number }).ySplit + 1);
    expect(ubwRow.height).toBeGreaterThan(150);
  });

  it('reads in English with --lang en, with the same colours', async () => {
    const r = await run(['--dir', ws, '--lang', 'en', ...SEEDS], { env: { EFTERLEV_NOW: NOW } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\*\*CONFIDENTIAL – deviation report/);
    expect(r.stdout).toContain('| Service (owner) | IT system | Actions | Status of incidents | Status of personal data breaches |');
    expect(r.stdout).toContain('- In the period: 7 major incidents in UBW/Agresso (ekonomi), 4 in Telefoni och växel, 1 in Visma Recruit (rekrytering).');
    expect(r.stdout).toContain('- 6 personal data breaches, 2 of them notified to IMY, all in HR; none in Ekonomi or Kommunikation.');
    expect(r.stdout).toContain('**Deviation – major**<br>7 major incidents in the period (3 or more)');
  });
});

describe('other periods of the example', () => {
  it('says so when a period had no incidents', async () => {
    const r = await cli('report', '--kind', 'avvikelser', '--from', '2022-01-01', '--to', '2022-12-31');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- Inga major incidents under perioden.');
    expect(r.stdout).toContain('- Inga personuppgiftsincidenter under perioden.');
    expect(r.stdout).toContain('Inga incidenter under perioden: ingen av de 10 tjänsterna i registret hade en incident eller en öppen incident.');
    expect(r.stdout).not.toContain('## Återrapportering');
    const out = join(ws, 'tom.xlsx');
    expect((await cli('report', '--kind', 'avvikelser', '--from', '2022-01-01', '--to', '2022-12-31', '--format', 'xlsx', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Sammanfattning']);
  });

  it('marks significant incidents reported late to the CSIRT unit (2026, under the cybersäkerhetslag)', async () => {
    // The cybersäkerhetslag applies from 2026-01-15; the example has no 2026 register, so this period gets one here.
    const add = async (...args: string[]) => expect((await run(['--dir', ws, 'incident', 'add', '--reviewer', 'jonas.infosak', ...args], { env: { EFTERLEV_NOW: NOW, TZ: 'Europe/Stockholm' } })).code).toBe(0);
    await add('--id', 'MI-2026-001', '--service', 'ubw-agresso', '--kind', 'mi', '--title', 'Citrix-skrivbordet startar inte vid bokslutet', '--occurred', '2026-01-12', '--detected', '2026-01-12 08:10', '--resolved', '2026-01-12', '--actions', 'Lasten flyttades till de virtuella servrarna.');
    await add('--id', 'BI-2026-001', '--service', 'telefoni', '--kind', 'betydande', '--title', 'Överbelastningsattack mot växeln', '--description', 'Kontaktcentret kunde inte ta emot samtal under fyra timmar.', '--occurred', '2026-02-10', '--detected', '2026-02-10 09:20', '--early-warning', '2026-02-10 15:00', '--notification', '2026-02-12 11:00', '--final-report', '2026-03-06', '--resolved', '2026-02-10', '--actions', 'Leverantören filtrerade trafiken.');
    await add('--id', 'BI-2026-002', '--service', 'office365', '--kind', 'betydande', '--title', 'Intrång i ett administratörskonto efter nätfiske', '--occurred', '2026-03-16', '--detected', '2026-03-16 22:40', '--early-warning', '2026-03-18 08:00', '--notification', '2026-03-19 10:00', '--final-report', '2026-04-14', '--resolved', '2026-03-17', '--actions', 'Kontot spärrades; phishing-resistent MFA för administratörer.');
    await add('--id', 'PUI-2026-004', '--service', 'office365', '--kind', 'pui', '--title', 'Personuppgifter i e-post lästes vid intrånget', '--occurred', '2026-03-16', '--detected', '2026-03-17 10:00', '--imy-notified', '2026-03-19 09:00', '--resolved', '2026-03-17');
    const r = await cli('report', '--kind', 'avvikelser', '--from', '2026-01-01', '--to', '2026-06-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- Betydande incidenter enligt cybersäkerhetslagen: 1 i Microsoft 365, 1 i Telefoni och växel; 1 rapporterad för sent till CSIRT-enheten.');
    const k = mdTables(r.stdout).get('Kommunikation')!;
    const m365 = k.find((c) => c[1] === 'Microsoft 365')!;
    expect(statusOfMd(m365[3]!)).toBe('stor');
    expect(m365[3]).toContain('För sen rapportering till CSIRT-enheten');
    expect(m365[3]).toContain('Tidig varning till CSIRT-enheten 2026-03-18 (33,3 h, för sent: frist 24 h)');
    const telefoni = k.find((c) => c[1] === 'Telefoni och växel')!;
    expect(statusOfMd(telefoni[3]!)).toBe('mellan');
    // The Visma Recruit breach of April 2025 was still open when 2026 began: listed, and said so.
    const visma = mdTables(r.stdout).get('HR')!.find((c) => c[1] === 'Visma Recruit (rekrytering)')!;
    expect(visma[4]).toContain('Inträffade före perioden och var öppen när den började; åtgärdad 2026-01-20.');
    expect(r.stdout).toContain('- 1 incident från före perioden var fortfarande öppen när den började.');
    expect(r.stdout).toContain('- 1 personuppgiftsincident, anmäld till IMY, inom Kommunikation; inga inom Ekonomi eller HR.');
  });

  it('keeps the annual report as it was: --kind defaults to arsrapport', async () => {
    const plain = await cli('report', '--year', '2025');
    const named = await cli('report', '--kind', 'arsrapport', '--year', '2025');
    expect(plain.code).toBe(0);
    expect(named.stdout).toBe(plain.stdout);
    expect(plain.stdout).toMatch(/^\*\*KONFIDENTIELLT – årsrapport 2025/);
  });

  it('never changes the 2024 and 2025 results: the incidents agree with the answers and the new services are not in the frozen years', async () => {
    for (const year of ['2024', '2025']) {
      const score = JSON.parse((await cli('score', '--year', year, '--json')).stdout) as { services: { service: string }[] };
      expect(score.services.map((s) => s.service)).not.toEqual(expect.arrayContaining(['kpa-pension']));
      expect(score.services.map((s) => s.service)).not.toEqual(expect.arrayContaining(['adato']));
    }
    const snapshot2025 = readJson<{ services: { id: string; area?: string }[] }>(join(ws, 'answers', 'register', '2025.json'));
    expect(snapshot2025.services.map((s) => s.id)).not.toContain('kpa-pension');
    const register = readJson<{ services: { id: string; area?: string }[] }>(join(ws, 'answers', 'services.json'));
    expect(register.services.filter((s) => s.area === undefined)).toEqual([]);
    expect((await cli('validate')).code).toBe(0);
  });
});

describe('bad usage', () => {
  const cases: [string, string[], RegExp][] = [
    ['without --from and --to', ['report', '--kind', 'avvikelser'], /--kind avvikelser kräver --from och --to/],
    ['without --to', ['report', '--kind', 'avvikelser', '--from', '2023-01-01'], /kräver --to/],
    ['a day that does not exist', ['report', '--kind', 'avvikelser', '--from', '2023-02-30', '--to', '2023-05-31'], /--from: '2023-02-30' är inget datum \(30 februari finns inte\)/],
    ['a date not written ÅÅÅÅ-MM-DD', ['report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '31/5 2023'], /--to: '31\/5 2023' är inget datum/],
    ['--from after --to', ['report', '--kind', 'avvikelser', '--from', '2023-06-01', '--to', '2023-05-31'], /--from \(2023-06-01\) ligger efter --to \(2023-05-31\)/],
    ['xlsx without --out', ['report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '2023-05-31', '--format', 'xlsx'], /XLSX skrivs till en fil: ange --out/],
    ['--year with avvikelser', ['report', '--kind', 'avvikelser', '--year', '2025'], /gäller en period, inte ett granskningsår/],
    ['an unknown kind', ['report', '--kind', 'kvartal', '--from', '2023-01-01', '--to', '2023-05-31'], /'kvartal' är inte tillåtet; välj en av arsrapport, avvikelser/],
    ['an unknown format', ['report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '2023-05-31', '--format', 'pdf'], /'pdf' är inte tillåtet/],
    ['the annual report as xlsx', ['report', '--year', '2025', '--format', 'xlsx', '--out', 'x.xlsx'], /Årsrapporten skrivs som md, html eller docx/],
    ['docx without --out', ['report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '2023-05-31', '--format', 'docx'], /DOCX skrivs till en fil: ange --out/],
    ['the annual report with a period', ['report', '--year', '2025', '--from', '2025-01-01'], /--from och --to gäller avvikelserapporten/],
  ];
  it.each(cases)('refuses %s with exit 2 and changes nothing', async (_name, args, message) => {
    const before = snapshot(ws);
    const r = await run(['--dir', ws, ...args.map((a) => (a === 'x.xlsx' ? join(ws, 'x.xlsx') : a))], { env: { EFTERLEV_NOW: NOW } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.stdout).toBe('');
    expect(snapshot(ws)).toEqual(before);
    expect(existsSync(join(ws, 'x.xlsx'))).toBe(false);
  });

  it('never overwrites a file without --force, and replaces it with --force', async () => {
    const out = join(ws, 'finns.md');
    writeFileSync(out, 'protokollet\n');
    const before = snapshot(ws);
    const r = await cli(...SEEDS, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('finns redan');
    expect(snapshot(ws)).toEqual(before);
    expect((await cli(...SEEDS, '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\*\*KONFIDENTIELLT/);
  });
});

// ---- the colour rules, on the model itself ------------------------------------------------

const service = (id: string, area?: string, extra: Partial<Service> = {}): Service => ({
  id,
  name: id.toUpperCase(),
  ...(area ? { area } : {}),
  personalData: true,
  sensitiveData: false,
  thirdCountry: false,
  classification: null,
  ...extra,
});
let n = 0;
const incident = (fields: Partial<Incident> & Pick<Incident, 'service' | 'kind' | 'occurred'>): Incident => ({
  id: `T-${++n}`,
  title: 'Testincident',
  status: fields.resolved ? 'åtgärdad' : 'pågår',
  by: 'test',
  at: '2025-12-01T00:00:00.000Z',
  ...fields,
});
const model = (services: Service[], incidents: Incident[], asOf = '2025-12-01T00:00:00.000Z') =>
  buildDeviationReport({ organisation: 'Test', services, incidents, from: '2025-01-01', to: '2025-06-30', asOf });
const rowOf = (m: ReturnType<typeof model>, id: string) => m.sections.flatMap((s) => s.rows).find((r) => r.service.id === id)!;

describe('the colour rules (model)', () => {
  it('incidents: stor for 3 major incidents or an unresolved one, mellan for fewer and resolved', () => {
    const m = model(
      [service('tre', 'A'), service('tva', 'A'), service('oppen', 'A'), service('isi', 'A')],
      [
        ...['2025-01-10', '2025-02-10', '2025-03-10'].map((d) => incident({ service: 'tre', kind: 'major_incident', occurred: d, resolved: d })),
        ...['2025-01-10', '2025-02-10'].map((d) => incident({ service: 'tva', kind: 'major_incident', occurred: d, resolved: d })),
        incident({ service: 'oppen', kind: 'major_incident', occurred: '2025-06-20', resolved: '2025-07-02' }),
        incident({ service: 'isi', kind: 'informationssakerhetsincident', occurred: '2025-06-20' }),
      ],
    );
    expect(rowOf(m, 'tre').incidents).toMatchObject({ status: 'stor', reasons: ['many_major'] });
    expect(rowOf(m, 'tva').incidents).toMatchObject({ status: 'mellan', reasons: ['handled'] });
    // Resolved after the period ended: unresolved at its end.
    expect(rowOf(m, 'oppen').incidents).toMatchObject({ status: 'stor', reasons: ['unresolved'] });
    // An information-security incident still open is a deviation, not a major one.
    expect(rowOf(m, 'isi').incidents).toMatchObject({ status: 'mellan' });
  });

  it('incidents: stor when a significant incident was reported late to the CSIRT unit, or a step is missing past its deadline', () => {
    const base = { kind: 'betydande_incident' as const, occurred: '2025-05-01', detected: '2025-05-01T08:00:00.000Z', resolved: '2025-05-02', finalReport: '2025-05-30' };
    const m = model(
      [service('sen'), service('itid'), service('saknas'), service('pagar')],
      [
        incident({ ...base, service: 'sen', earlyWarning: '2025-05-02T09:00:00.000Z', notification: '2025-05-03T08:00:00.000Z' }),
        incident({ ...base, service: 'itid', earlyWarning: '2025-05-01T20:00:00.000Z', notification: '2025-05-03T08:00:00.000Z' }),
        incident({ ...base, service: 'saknas', earlyWarning: '2025-05-01T20:00:00.000Z' }),
        // Detected an hour before the report is made: nothing is late yet.
        incident({ service: 'pagar', kind: 'betydande_incident', occurred: '2025-06-30', detected: '2025-06-30T10:00:00.000Z', resolved: '2025-06-30' }),
      ],
      '2025-06-30T11:00:00.000Z',
    );
    expect(rowOf(m, 'sen').incidents).toMatchObject({ status: 'stor', reasons: ['late_csirt'] });
    expect(rowOf(m, 'sen').incidents.incidents[0]!.lateCsirt).toEqual({ earlyWarning: true, notification: false });
    expect(rowOf(m, 'itid').incidents.status).toBe('mellan');
    expect(rowOf(m, 'saknas').incidents.incidents[0]!.lateCsirt).toEqual({ earlyWarning: false, notification: true });
    expect(rowOf(m, 'pagar').incidents.status).toBe('mellan');
    expect(m.summary.lateCsirt).toBe(2);
  });

  it('breaches: stor when notified, late without reason or without a decision; mellan when documented not to notify or still within 72 hours', () => {
    const detected = '2025-03-01T08:00:00.000Z';
    const breach = { kind: 'personuppgiftsincident' as const, occurred: '2025-03-01', detected };
    const m = model(
      [service('anmald'), service('sen'), service('beslut-saknas'), service('ej-anmald'), service('bedoms')],
      [
        incident({ ...breach, service: 'anmald', imyNotified: '2025-03-02T08:00:00.000Z' }),
        incident({ ...breach, service: 'sen', imyNotified: '2025-03-05T08:00:00.000Z' }),
        incident({ ...breach, service: 'beslut-saknas' }),
        incident({ ...breach, service: 'ej-anmald', notNotified: { reason: 'Ingen sannolik risk' } }),
        incident({ service: 'bedoms', kind: 'personuppgiftsincident', occurred: '2025-06-30', detected: '2025-06-30T08:00:00.000Z' }),
      ],
      '2025-07-01T08:00:00.000Z',
    );
    expect(rowOf(m, 'anmald').breaches).toMatchObject({ status: 'stor', reasons: ['notified'] });
    expect(rowOf(m, 'sen').breaches).toMatchObject({ status: 'stor', reasons: ['late_without_reason', 'notified'] });
    expect(rowOf(m, 'sen').breaches.incidents[0]!.imy).toEqual({ state: 'late_without_reason', hours: 96 });
    expect(rowOf(m, 'beslut-saknas').breaches).toMatchObject({ status: 'stor', reasons: ['no_decision'] });
    expect(rowOf(m, 'ej-anmald').breaches).toMatchObject({ status: 'mellan', reasons: ['not_notified'] });
    expect(rowOf(m, 'bedoms').breaches.incidents[0]!.imy?.state).toBe('assessing');
    expect(rowOf(m, 'bedoms').breaches.status).toBe('mellan');
    // A breach is the breaches column's only; the incidents column of the same service is on track.
    expect(rowOf(m, 'anmald').incidents).toMatchObject({ status: 'enligt_plan', reasons: ['none'] });
  });

  it('lists services with an incident in the period or an open one only, groups areas case-insensitively, Övrigt last', () => {
    const m = model(
      [service('a', 'HR'), service('b', 'hr'), service('c'), service('d', 'Ekonomi'), service('e', 'Ekonomi'), service('gammal', 'Ekonomi', { retired: { at: '2025-05-01T00:00:00.000Z', by: 't', reason: 'ersatt' } })],
      [
        incident({ service: 'a', kind: 'major_incident', occurred: '2025-02-01', resolved: '2025-02-01' }),
        incident({ service: 'b', kind: 'major_incident', occurred: '2024-12-20' }),
        incident({ service: 'c', kind: 'major_incident', occurred: '2025-03-01', resolved: '2025-03-01' }),
        // Resolved before the period, or after it: not the period's.
        incident({ service: 'd', kind: 'major_incident', occurred: '2024-11-01', resolved: '2024-12-01' }),
        incident({ service: 'e', kind: 'major_incident', occurred: '2025-07-01' }),
        incident({ service: 'gammal', kind: 'personuppgiftsincident', occurred: '2025-04-01', notNotified: { reason: 'låg risk' } }),
      ],
    );
    expect(m.sections.map((s) => [s.area, s.rows.map((r) => r.service.id)])).toEqual([
      ['Ekonomi', ['gammal']],
      ['HR', ['a', 'b']],
      [undefined, ['c']],
    ]);
    expect(rowOf(m, 'b').incidents.incidents[0]).toMatchObject({ inPeriod: false, openAtEnd: true });
    expect(rowOf(m, 'gammal').service.retired).toBe(true);
    expect(m.areas).toEqual(['Ekonomi', 'HR', undefined]);
    // Five active services and the retired one with an incident; two had none in the period.
    expect([m.servicesTotal, m.servicesWithout]).toEqual([6, 2]);
    expect(m.summary.major).toEqual([
      { service: 'a', name: 'A', count: 1 },
      { service: 'c', name: 'C', count: 1 },
    ]);
    expect(m.summary.breaches).toEqual({ total: 1, notified: 0, byArea: [{ area: 'Ekonomi', count: 1 }] });
  });
});
