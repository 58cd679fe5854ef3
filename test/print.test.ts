import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseHtml } from 'node-html-parser';
import { copyExampleWorkspace, removeDir, run, tempDir } from './helpers.js';
import { readZip } from './zip.js';
import { STATUS_TEXT, STATUS_TINT, NOTICE, MUTED, INK } from '../src/report/palette.js';
import { barChartSvg, distributionSvg, hatch } from '../src/report/charts.js';
import { chartFigures, statusOfCell, type Block, type BarsBlock } from '../src/report/document.js';
import { cssString, reportHtml } from '../src/report/render.js';
import { columnWidths } from '../src/report/docx.js';

const exec = promisify(execFile);

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('colours', () => {
  it('computes the WCAG contrast ratio as the standard does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // The old mellan/liten text colour, the one that failed.
    expect(contrast('#b7950b', '#ffffff')).toBeCloseTo(2.87, 2);
  });

  it.each(Object.entries(STATUS_TEXT))('the %s status text is at least 4.5:1 against white and against its cell tint', (status, colour) => {
    expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour, STATUS_TINT[status as keyof typeof STATUS_TINT])).toBeGreaterThanOrEqual(4.5);
  });

  it('the notice, muted and body text are readable too', () => {
    for (const c of [NOTICE, MUTED, INK]) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('charts for print in black and white', () => {
  const bars: BarsBlock = {
    kind: 'bars',
    title: 'Poäng per kontrollpunkt, 2024 och 2025',
    categoryHead: 'Kontrollpunkt',
    categories: ['KP1', 'KP2', 'KP3', 'KP4'],
    series: [
      { label: '2024', values: [40, 85, null, 90] },
      { label: '2025', values: [54.2, 90, 75, null], statuses: ['stor', 'enligt_plan', 'mellan', 'ej_bedomd'] },
    ],
  };

  it('hatching stays inside its rectangle', () => {
    for (const [x, y, w, h] of [[10, 20, 22, 150], [0, 0, 10, 10], [3.5, 7.25, 200, 4]] as const) {
      for (const dir of ['/', '\\'] as const) {
        const points = [...hatch(x, y, w, h, 4.5, dir).matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
        expect(points.length).toBeGreaterThan(0);
        for (const [px, py] of points) {
          expect(px).toBeGreaterThanOrEqual(x - 0.01);
          expect(px).toBeLessThanOrEqual(x + w + 0.01);
          expect(py).toBeGreaterThanOrEqual(y - 0.01);
          expect(py).toBeLessThanOrEqual(y + h + 0.01);
        }
      }
    }
  });

  it('prints each value on its bar, tells series and statuses apart by more than colour, and the legend says so', () => {
    const svg = parseHtml(barChartSvg(bars, 'sv'));
    const rects = svg.querySelectorAll('rect.bar');
    expect(rects).toHaveLength(6); // 8 values, 2 of them none
    expect(svg.querySelectorAll('text.value').map((t) => t.text)).toEqual(['40,0', '54,2', '85,0', '90,0', '–', '75,0', '90,0', '–']);
    // Last year: light with an outline; this year: each bar's own status.
    expect(rects.filter((r) => r.getAttribute('data-status') === undefined).every((r) => r.getAttribute('stroke') === '#37474f')).toBe(true);
    expect(rects.map((r) => r.getAttribute('data-status')).filter(Boolean)).toEqual(['stor', 'enligt_plan', 'mellan']);
    // stor is cross-hatched (two directions), mellan striped: a path of lines right after the bar.
    const hatchAfter = (status: string) => svg.querySelector(`rect.bar[data-status="${status}"]`)!.nextElementSibling;
    expect(hatchAfter('stor')?.tagName).toBe('PATH');
    expect(hatchAfter('mellan')?.tagName).toBe('PATH');
    expect(hatchAfter('enligt_plan')?.tagName).not.toBe('PATH');
    const legend = svg.querySelector('g.legend')!.text;
    expect(legend).toBe('20242025:Enligt planAvvikelse – mellan/litenAvvikelse – stor');
    // No <pattern>: Chromium rasterises pattern fills when it prints.
    expect(barChartSvg(bars, 'sv')).not.toMatch(/<pattern|url\(/);
  });

  it('labels every part of the status distribution with its word and count', () => {
    const svg = parseHtml(distributionSvg({ kind: 'distribution', title: 'Status', counts: { enligt_plan: 54, mellan: 28, stor: 10 } }, 'en'));
    expect(svg.querySelectorAll('rect.segment')).toHaveLength(3);
    expect(svg.querySelector('g.legend')!.text).toBe('On track: 54Deviation – medium/minor: 28Deviation – major: 10');
  });

  it("lists a chart's figures as a table, for the Word report and its alt text", () => {
    expect(chartFigures(bars, 'sv')).toEqual({
      kind: 'table',
      head: ['Kontrollpunkt', '2024', '2025', 'Status'],
      rows: [
        ['KP1', '40,0', '54,2', 'Avvikelse – stor'],
        ['KP2', '85,0', '90,0', 'Enligt plan'],
        ['KP3', '–', '75,0', 'Avvikelse – mellan/liten'],
        ['KP4', '90,0', '–', 'ej bedömd'],
      ],
      statusColumn: 3,
    });
    expect(statusOfCell('Avvikelse – mellan/liten', 'sv')).toBe('mellan');
    expect(statusOfCell('Deviation – major', 'en')).toBe('stor');
    expect(statusOfCell('stor', 'sv')).toBeUndefined();
  });
});

describe('HTML print styles', () => {
  const blocks: Block[] = [
    { kind: 'notice', text: 'KONFIDENTIELLT – årsrapport 2025 för Kommun "A" \\ </style><script>alert(1)</script>\nrad två' },
    { kind: 'title', text: 'Rapport' },
    { kind: 'table', head: ['Kontroll', 'Status'], rows: [['KP1', 'Avvikelse – stor'], ['KP2', 'Enligt plan'], ['KP3', 'något annat']], statusColumn: 1 },
  ];

  it('puts the notice in every page header and the page number in the footer, with nothing that can leave the style', () => {
    const html = reportHtml(blocks, 'sv');
    const style = html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'));
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html).not.toContain('<script');
    const header = /@top-left \{ content: ("[^"]*");/.exec(style)![1]!;
    expect(header).toContain('KONFIDENTIELLT – årsrapport 2025 för Kommun \\22 A\\22  \\5c  \\3c \\2f style\\3e \\3c script\\3e alert(1)');
    expect(header).toContain('\\a rad två');
    expect(style).toContain('@bottom-right { content: "Sida " counter(page) " av " counter(pages)');
    expect(style).toContain('print-color-adjust: exact');
    expect(style).toContain('-webkit-print-color-adjust: exact');
    expect(reportHtml(blocks, 'en')).toContain('content: "Page " counter(page) " of " counter(pages)');
  });

  it('escapes CSS strings', () => {
    expect(cssString('Sida ')).toBe('"Sida "');
    expect(cssString('a"b\\c\n<')).toBe('"a\\22 b\\5c c\\a \\3c "');
  });

  it('gives status cells the word, a tint and a swatch with the status pattern', () => {
    const doc = parseHtml(reportHtml(blocks, 'sv'));
    const cells = doc.querySelectorAll('td');
    expect(cells[1]!.classList.contains('status-stor')).toBe(true);
    expect(cells[1]!.text).toBe('Avvikelse – stor');
    expect(cells[1]!.querySelector('svg.swatch path')).toBeTruthy(); // cross-hatched
    expect(cells[3]!.classList.contains('status-enligt_plan')).toBe(true);
    expect(cells[3]!.querySelector('svg.swatch')).toBeTruthy();
    expect(cells[5]!.classList.length).toBe(0);
  });
});

describe('Word table layout', () => {
  it('gives every column its longest word and the long text the room left', () => {
    const t = { kind: 'table' as const, head: ['Kontrollpunkt', 'Status', 'Poäng', 'Kommentarer'], rows: [['KP1 Dataskyddsorganisation', 'Avvikelse – mellan/liten', '54,2', 'KP1.1: ' + 'lång kommentar '.repeat(30)]], statusColumn: 1 };
    const widths = columnWidths(t, 9865, 100);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9865);
    expect(widths[2]).toBeGreaterThanOrEqual('Poäng'.length * 100 + 220);
    expect(widths[1]).toBeGreaterThanOrEqual('mellan/liten'.length * 100);
    expect(widths[3]).toBe(Math.max(...widths));
  });
});

// ---------------------------------------------------------------------------------------------
// The real report, written by the CLI; printed by the real programs where they are installed.

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find(has);
const SOFFICE = ['soffice', 'libreoffice'].find(has);
const POPPLER = has('pdftotext') && has('pdfinfo') && has('pdfimages');
const skipNote = (missing: string[]) => (missing.length ? ` [skipped: ${missing.join(', ')} not installed]` : '');

let ws: string;
let out: string;
beforeAll(async () => {
  ws = copyExampleWorkspace();
  out = tempDir('efterlev-print-');
  expect((await run(['--dir', ws, 'observation', 'add', '--year', '2025', 'Utskriftstest: underbiträden följs upp.'])).code).toBe(0);
});
afterAll(() => {
  removeDir(ws);
  removeDir(out);
});

interface PdfFacts {
  pages: number;
  sizes: string[];
  /** The text of each page. */
  text: string[];
}

async function pdfFacts(pdf: string): Promise<PdfFacts> {
  const info = (await exec('pdfinfo', ['-f', '1', '-l', '9999', pdf])).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => `${Math.round(Number(m[1]))}×${Math.round(Number(m[2]))}`);
  const text = (await exec('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout.split('\f').slice(0, pages);
  return { pages, sizes, text };
}

function expectPrinted(facts: PdfFacts, notice: RegExp, words: [string, string]): void {
  expect(facts.pages).toBeGreaterThanOrEqual(4);
  expect(facts.sizes).toHaveLength(facts.pages);
  expect(new Set(facts.sizes)).toEqual(new Set(['595×842']));
  facts.text.forEach((page, i) => {
    expect(page, `page ${i + 1}`).toMatch(notice);
    expect(page.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(`${words[0]} ${i + 1} ${words[1]} ${facts.pages}`);
  });
  const all = facts.text.join('\n').replace(/\s+/g, ' ');
  // Words a table cell does not wrap (pdftotext interleaves the lines of neighbouring cells).
  for (const s of ['Sammanfattning', 'Resultat per kontrollpunkt', 'KP12 Hantering av registrerades', 'IT-säkerhet per kontrollområde', 'Stora brister', 'Handlingsplanen', 'Särskilda iakttagelser', 'Utskriftstest: underbiträden följs upp.', 'Avvikelse – stor']) {
    expect(all.includes(s), s).toBe(true);
  }
}

describe('the Word report (docx)', () => {
  let docx: string;
  beforeAll(async () => {
    docx = join(out, 'arsrapport.docx');
    const r = await run(['--dir', ws, 'report', '--year', '2025', '--format', 'docx', '--out', docx]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('is written readable by the owner only, needs --out, and is never overwritten without --force', async () => {
    expect(statSync(docx).mode & 0o777).toBe(0o600);
    const before = readFileSync(docx);
    const again = await run(['--dir', ws, 'report', '--year', '2025', '--format', 'docx', '--out', docx]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('finns redan');
    expect(readFileSync(docx).equals(before)).toBe(true);
    const noOut = await run(['--dir', ws, 'report', '--year', '2025', '--format', 'docx']);
    expect(noOut.code).toBe(2);
    expect(noOut.stdout).toBe('');
    expect(noOut.stderr).toContain('--out');
    expect((await run(['--dir', ws, 'report', '--year', '2025', '--format', 'docx', '--out', docx, '--force'])).code).toBe(0);
  });

  it('has real headings, tables with a repeated header row, shaded status cells, the notice in the header and page number fields in the footer', () => {
    const zip = readZip(readFileSync(docx));
    const part = (name: string) => zip.find((e) => e.name === name)?.data.toString('utf8') ?? '';
    const doc = part('word/document.xml');
    expect(doc).toContain('<w:pStyle w:val="Title"/>');
    expect(doc.match(/<w:pStyle w:val="Heading1"\/>/g)!.length).toBe(8); // Täckning mot ramverk is the eighth
    expect(doc).toContain('Resultat per kontrollpunkt');
    expect(doc).toContain('KP12 Hantering av registrerades rättigheter');
    expect(doc).toContain('Utskriftstest: underbiträden följs upp.');
    const tables = doc.match(/<w:tbl>/g)!.length;
    expect(tables).toBe(9); // 6 of the report (2 of them the framework coverage), 3 with the charts' figures
    expect(doc).toContain('Täckning mot ramverk');
    expect(doc.match(/<w:tblHeader\/>/g)!.length).toBe(tables);
    expect(doc).toMatch(/<w:shd w:fill="FDE4E4" w:color="auto" w:val="clear"\/>.*?Avvikelse – stor/);
    const headers = zip.filter((e) => /^word\/header\d+\.xml$/.test(e.name)).map((e) => e.data.toString('utf8'));
    expect(headers.some((h) => h.includes('KONFIDENTIELLT – årsrapport 2025 för Exempelstaden'))).toBe(true);
    const footer = zip.filter((e) => /^word\/footer\d+\.xml$/.test(e.name)).map((e) => e.data.toString('utf8')).join('');
    expect(footer).toMatch(/Sida .*PAGE.* av .*NUMPAGES/s);
  });

  it('embeds the three charts as PNG pictures with alt text that lists their figures', () => {
    const zip = readZip(readFileSync(docx));
    const doc = zip.find((e) => e.name === 'word/document.xml')!.data.toString('utf8');
    const rels = zip.find((e) => e.name === 'word/_rels/document.xml.rels')!.data.toString('utf8');
    const media = zip.filter((e) => /^word\/media\/.+\.png$/.test(e.name));
    for (const m of media) expect(m.data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const charts = [...doc.matchAll(/<wp:docPr id="\d+" name="diagram-(\d)" descr="([^"]*)" title="([^"]*)"\/>[\s\S]*?r:embed="([^"]+)"/g)];
    expect(charts.map((c) => c[3])).toEqual(['Poäng per kontrollpunkt, 2024 och 2025', 'Medelpoäng över tjänsterna per område', 'Status för alla kontroller i alla tjänster']);
    expect(charts[0]![2]).toMatch(/^KP1: 2024 [\d,]+, 2025 [\d,]+, Status Avvikelse – stor; KP2: /);
    for (const c of charts) {
      const target = new RegExp(`Id="${c[4]}"[^>]*Target="media/([^"]+\\.png)"`).exec(rels) ?? new RegExp(`Target="media/([^"]+\\.png)"[^>]*Id="${c[4]}"`).exec(rels);
      expect(target, c[4]).toBeTruthy();
      const png = media.find((m) => m.name === `word/media/${target![1]}`)!;
      expect(png.data.readUInt32BE(16)).toBeGreaterThanOrEqual(1500); // drawn for print, not for the screen
    }
  });

  it.skipIf(!SOFFICE || !POPPLER)(`opens in LibreOffice: A4, the notice and "Sida N av M" on every page, the text and the charts${skipNote([!SOFFICE && 'libreoffice', !POPPLER && 'poppler-utils'].filter(Boolean) as string[])}`, async () => {
    const profile = tempDir('efterlev-lo-');
    try {
      await exec(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 180_000 });
    } finally {
      removeDir(profile);
    }
    const pdf = join(out, 'arsrapport.pdf');
    expect(existsSync(pdf)).toBe(true);
    expectPrinted(await pdfFacts(pdf), /KONFIDENTIELLT – årsrapport 2025 för Exempelstaden/, ['Sida', 'av']);
    const images = (await exec('pdfimages', ['-list', pdf])).stdout.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l));
    const charts = images.map((l) => l.trim().split(/\s+/)).filter((cols) => Number(cols[3]) >= 1500);
    expect(charts).toHaveLength(3);
  }, 240_000);
});

describe('the deviation report as Word (docx)', () => {
  it('is landscape A4 with one shaded table per area, the status words in bold, the notice in the header', async () => {
    const docx = join(out, 'avvikelser.docx');
    const r = await run(['--dir', ws, 'report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '2023-05-31', '--format', 'docx', '--out', docx]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(statSync(docx).mode & 0o777).toBe(0o600);
    const zip = readZip(readFileSync(docx));
    const doc = zip.find((e) => e.name === 'word/document.xml')!.data.toString('utf8');
    expect(doc).toMatch(/<w:pgSz w:w="1683\d" w:h="1190\d" w:orient="landscape"\/>/);
    expect(doc).toContain('Tjänst (ansvarig)');
    expect(doc).toMatch(/<w:shd w:fill="FDE4E4" w:color="auto" w:val="clear"\/>[\s\S]*?<w:b\/>[\s\S]*?Avvikelse – stor/);
    expect(doc.match(/<w:tblHeader\/>/g)!.length).toBe(doc.match(/<w:tbl>/g)!.length);
    const headers = zip.filter((e) => /^word\/header\d+\.xml$/.test(e.name)).map((e) => e.data.toString('utf8'));
    expect(headers.some((h) => h.includes('KONFIDENTIELLT – avvikelserapport 2023-01-01 – 2023-05-31'))).toBe(true);
    const noOut = await run(['--dir', ws, 'report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '2023-05-31', '--format', 'docx']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
  });
});

describe('the HTML report printed from a browser', () => {
  it.skipIf(!CHROMIUM || !POPPLER)(`prints from headless Chromium to A4 with the notice and "Sida N av M" on every page${skipNote([!CHROMIUM && 'chromium', !POPPLER && 'poppler-utils'].filter(Boolean) as string[])}`, async () => {
    const html = join(out, 'arsrapport.html');
    expect((await run(['--dir', ws, 'report', '--year', '2025', '--format', 'html', '--out', html])).code).toBe(0);
    const pdf = join(out, 'arsrapport-html.pdf');
    const profile = tempDir('efterlev-chromium-');
    try {
      await exec(
        CHROMIUM!,
        ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', pathToFileURL(html).href],
        { timeout: 120_000 },
      );
    } finally {
      removeDir(profile);
    }
    const facts = await pdfFacts(pdf);
    expectPrinted(facts, /KONFIDENTIELLT – årsrapport 2025 för Exempelstaden/, ['Sida', 'av']);
    // The charts print as vector graphics, not as pictures: nothing rasterised.
    expect((await exec('pdfimages', ['-list', pdf])).stdout.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l))).toEqual([]);
  }, 180_000);

  it.skipIf(!CHROMIUM || !POPPLER)(`prints in English with "Page N of M"${skipNote([!CHROMIUM && 'chromium', !POPPLER && 'poppler-utils'].filter(Boolean) as string[])}`, async () => {
    const html = join(out, 'annual-report.html');
    expect((await run(['--dir', ws, '--lang', 'en', 'report', '--year', '2025', '--format', 'html', '--out', html])).code).toBe(0);
    const pdf = join(out, 'annual-report.pdf');
    const profile = tempDir('efterlev-chromium-');
    try {
      await exec(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', pathToFileURL(html).href], {
        timeout: 120_000,
      });
    } finally {
      removeDir(profile);
    }
    const facts = await pdfFacts(pdf);
    facts.text.forEach((page, i) => {
      expect(page).toMatch(/CONFIDENTIAL – annual report 2025/);
      expect(page.replace(/\s+/g, ' ')).toContain(`Page ${i + 1} of ${facts.pages}`);
    });
  }, 180_000);
});
