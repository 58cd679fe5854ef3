import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type ParagraphChild,
} from 'docx';
import type { Status } from '../engine/score.js';
import { t, type Lang } from '../ui/i18n.js';
import { barChartSvg, distributionSvg, statusSwatchSvg } from './charts.js';
import { chartFigures, pageWords, statusOfCell, type Block, type GridCell, type TableBlock } from './document.js';
import { HEAD_FILL, INK, MUTED, NOTICE, STATUS_TEXT, STATUS_TINT } from './palette.js';
import { svgToPng, type Png } from './raster.js';

/**
 * The annual report as a Word document, from the same blocks as the HTML report: real headings,
 * lists and tables (header row repeated on every page, status cells tinted, with the status's
 * swatch and word), the confidentiality notice in every page's header, "Sida N av M" in the
 * footer, and the charts as PNG pictures with alt text, each followed by its figures as a table.
 */

const A4 = { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) };
const MARGIN = { top: 22, bottom: 20, side: 18 };
const CONTENT_TWIPS = convertMillimetersToTwip(210 - 2 * MARGIN.side);
/** The content width in the pixels Word sizes pictures by (96 per inch). */
const CONTENT_PX = Math.floor(((210 - 2 * MARGIN.side) / 25.4) * 96);
/** Charts are drawn at three times their size on the page: sharp in print (≈ 290 dpi). */
const CHART_SCALE = 3;
const SWATCH_PX = 9;

const hex = (colour: string) => colour.replace('#', '').toUpperCase();
const FONT = 'Arial';

interface Pictures {
  charts: Map<Block, Png>;
  swatches: Map<Status, Png>;
}

/** Every picture the document needs, drawn before the document is laid out. */
async function drawPictures(blocks: readonly Block[], lang: Lang): Promise<Pictures> {
  const charts = new Map<Block, Png>();
  for (const b of blocks) {
    if (b.kind === 'bars') charts.set(b, await svgToPng(barChartSvg(b, lang), CONTENT_PX * CHART_SCALE));
    if (b.kind === 'distribution') charts.set(b, await svgToPng(distributionSvg(b, lang), CONTENT_PX * CHART_SCALE));
  }
  const swatches = new Map<Status, Png>();
  for (const s of ['enligt_plan', 'mellan', 'stor', 'ej_bedomd'] as const) swatches.set(s, await svgToPng(statusSwatchSvg(s), SWATCH_PX * 4));
  return { charts, swatches };
}

/**
 * Column widths (twips) from the text they hold, as a browser lays out a table: every column gets
 * at least its longest word (a status its two halves, "Avvikelse –" / "mellan/liten", beside the
 * swatch); the room left goes by the amount of text, to no column beyond its longest line.
 */
export function columnWidths(t: TableBlock, total: number, charTwips: number): number[] {
  const pad = 220;
  const column = (i: number) => [t.head[i] ?? '', ...t.rows.map((r) => r[i] ?? '')];
  const longest = (cells: string[], split: RegExp) => Math.max(1, ...cells.flatMap((c) => c.split(split).map((w) => w.length)));
  const min = t.head.map((_, i) => (i === t.statusColumn ? longest(column(i), /(?<= –) |\n/) + 2 : Math.min(longest(column(i), /\s+/), 24)) * charTwips + pad);
  const want = t.head.map((_, i) => Math.max(min[i]!, Math.min(longest(column(i), /\n/), 90) * charTwips + pad));
  const volume = t.head.map((_, i) => column(i).reduce((n, c) => n + c.length, 0));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(min) >= total) return min.map((m) => Math.floor((m / sum(min)) * total));
  const widths = [...min];
  // Hand out what is left by volume; a column that reaches its longest line drops out.
  let open = widths.map((_, i) => i).filter((i) => want[i]! > widths[i]!);
  let spare = total - sum(widths);
  while (spare > 1 && open.length > 0) {
    const weight = sum(open.map((i) => volume[i]!)) || open.length;
    const share = (i: number) => (spare * (volume[i]! || 1)) / weight;
    for (const i of open) widths[i] = Math.min(want[i]!, widths[i]! + share(i));
    spare = total - sum(widths);
    open = open.filter((i) => want[i]! > widths[i]! + 0.5);
  }
  // Every column at its longest line and room to spare: widen them all alike.
  if (spare > 1) return widths.map((w) => Math.floor((w / sum(widths)) * total));
  return widths.map(Math.floor);
}

function cellParagraphs(text: string, run: { bold?: boolean; color?: string; size?: number }, keepNext: boolean): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ keepNext, spacing: { before: 0, after: 0 }, children: [new TextRun({ text: line, ...run })] }));
}

/** A Word table; `together` keeps a small table on one page (every row with the next). */
function table(t: TableBlock, lang: Lang, pictures: Pictures, size = 17, together = false): Table {
  const widths = columnWidths(t, CONTENT_TWIPS, size * 6.2);
  const cell = (text: string, i: number, header: boolean, last = false): TableCell => {
    const keepNext = together && !last;
    const width = { size: widths[i]!, type: WidthType.DXA };
    const margins = { top: 40, bottom: 40, left: 80, right: 80 };
    if (header) return new TableCell({ width, margins, shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(HEAD_FILL) }, children: cellParagraphs(text, { bold: true, size }, keepNext) });
    const status = i === t.statusColumn ? statusOfCell(text, lang) : undefined;
    if (status === undefined) return new TableCell({ width, margins, children: cellParagraphs(text, { size }, keepNext) });
    const swatch = pictures.swatches.get(status)!;
    return new TableCell({
      width,
      margins,
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(STATUS_TINT[status]) },
      children: [
        new Paragraph({
          keepNext,
          spacing: { before: 0, after: 0 },
          children: [
            new ImageRun({ type: 'png', data: swatch.data, transformation: { width: SWATCH_PX, height: SWATCH_PX }, altText: { name: `status-${status}`, title: text } }),
            new TextRun({ text: ` ${text}`, bold: status === 'mellan' || status === 'stor', color: hex(STATUS_TEXT[status]), size }),
          ],
        }),
      ],
    });
  };
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false, ri === t.rows.length - 1)) })),
    ],
  });
}

/** A grid (the deviation report's table): cells tinted by status, the status word in bold above the text. */
function grid(g: Extract<Block, { kind: 'grid' }>, contentTwips: number, size = 17): Table {
  const total = (g.widths ?? g.head.map(() => 1)).reduce((a, b) => a + b, 0);
  const widths = (g.widths ?? g.head.map(() => 1)).map((w) => Math.floor((w / total) * contentTwips));
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const cell = (c: GridCell, i: number): TableCell => {
    const width = { size: widths[i]!, type: WidthType.DXA };
    const label = c.label === undefined ? [] : [new Paragraph({ spacing: { before: 0, after: 0 }, children: [new TextRun({ text: c.label, bold: true, size })] })];
    const text = c.text === '' ? [] : cellParagraphs(c.text, { size }, false);
    const children = [...label, ...text];
    return new TableCell({
      width,
      margins,
      ...(c.status === undefined ? {} : { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(STATUS_TINT[c.status]) } }),
      children: children.length > 0 ? children : [new Paragraph({ children: [] })],
    });
  };
  return new Table({
    width: { size: contentTwips, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: g.head.map((h, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, margins, shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(HEAD_FILL) }, children: cellParagraphs(h, { bold: true, size }, false) })) }),
      ...g.rows.map((r) => new TableRow({ cantSplit: true, children: r.map(cell) })),
    ],
  });
}

/** The chart's figures in one sentence, for its alt text. */
function figuresText(t: TableBlock): string {
  return t.rows.map((r) => `${r[0]}: ${r.slice(1).map((c, i) => (t.head[i + 1] ? `${t.head[i + 1]} ${c}` : c)).join(', ')}`).join('; ');
}

function chart(b: Extract<Block, { kind: 'bars' | 'distribution' }>, lang: Lang, pictures: Pictures, n: number): (Paragraph | Table)[] {
  const png = pictures.charts.get(b)!;
  const figures = chartFigures(b, lang);
  const height = Math.round((CONTENT_PX * png.height) / png.width);
  return [
    new Paragraph({ keepNext: true, spacing: { before: 160, after: 60 }, children: [new TextRun({ text: b.title, bold: true })] }),
    new Paragraph({
      spacing: { after: 60 },
      children: [new ImageRun({ type: 'png', data: png.data, transformation: { width: CONTENT_PX, height }, altText: { name: `diagram-${n}`, title: b.title, description: figuresText(figures) } })],
    }),
    table(figures, lang, pictures, 15, true),
  ];
}

function body(blocks: readonly Block[], lang: Lang, pictures: Pictures, contentTwips: number): (Paragraph | Table)[] {
  let charts = 0;
  return blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'notice':
        return [
          new Paragraph({
            spacing: { after: 200 },
            border: Object.fromEntries(['top', 'bottom', 'left', 'right'].map((side) => [side, { style: BorderStyle.SINGLE, size: 6, color: hex(NOTICE), space: 4 }])),
            children: [new TextRun({ text: b.text, bold: true, color: hex(NOTICE) })],
          }),
        ];
      case 'title':
        return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.text)] })];
      case 'subtitle':
        return [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: b.text, color: hex(MUTED) })] })];
      case 'h2':
        return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] })];
      case 'p':
        return [new Paragraph({ spacing: { before: 80, after: 80 }, children: [new TextRun(b.text)] })];
      case 'list':
        return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun(item)] }));
      case 'table':
        // A paragraph after each table keeps two tables from merging into one.
        return [table(b, lang, pictures), new Paragraph({ spacing: { after: 0 }, children: [] })];
      case 'grid':
        return [grid(b, contentTwips), new Paragraph({ spacing: { after: 0 }, children: [] })];
      case 'bars':
      case 'distribution':
        return [...chart(b, lang, pictures, ++charts), new Paragraph({ spacing: { after: 0 }, children: [] })];
    }
  });
}

export async function reportDocx(blocks: readonly Block[], lang: Lang, options: { landscape?: boolean } = {}): Promise<Buffer> {
  const landscape = options.landscape === true;
  const contentTwips = landscape ? convertMillimetersToTwip(297 - 2 * MARGIN.side) : CONTENT_TWIPS;
  const pictures = await drawPictures(blocks, lang);
  const notice = blocks.find((b) => b.kind === 'notice');
  const title = blocks.find((b) => b.kind === 'title');
  const words = pageWords(lang);
  const footer: ParagraphChild[] = [new TextRun({ children: [`${words.page} `, PageNumber.CURRENT, ` ${words.of} `, PageNumber.TOTAL_PAGES] })];
  const document = new Document({
    creator: 'efterlev',
    title: title?.kind === 'title' ? title.text : 'efterlev',
    description: notice?.kind === 'notice' ? notice.text : '',
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, color: hex(INK), language: { value: t('locale', lang) } }, paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 36, bold: true, color: hex(INK) }, paragraph: { spacing: { before: 120, after: 40, line: 240, lineRule: LineRuleType.AUTO } } },
        heading1: {
          run: { font: FONT, size: 26, bold: true, color: hex(INK) },
          paragraph: { keepNext: true, spacing: { before: 360, after: 120 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: hex(INK), space: 2 } } },
        },
      },
      // The page number fields take their size from the paragraph's style, not from the run.
      paragraphStyles: [
        { id: 'Header', name: 'header', basedOn: 'Normal', run: { size: 15, bold: true, color: hex(NOTICE) } },
        { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: 16, color: hex(MUTED) } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: landscape ? { ...A4, orientation: PageOrientation.LANDSCAPE } : A4,
            margin: {
              top: convertMillimetersToTwip(MARGIN.top),
              bottom: convertMillimetersToTwip(MARGIN.bottom),
              left: convertMillimetersToTwip(MARGIN.side),
              right: convertMillimetersToTwip(MARGIN.side),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ style: 'Header', children: [new TextRun(notice?.kind === 'notice' ? notice.text : '')] })] }),
        },
        footers: { default: new Footer({ children: [new Paragraph({ style: 'Footer', alignment: AlignmentType.RIGHT, children: footer })] }) },
        children: body(blocks, lang, pictures, contentTwips),
      },
    ],
  });
  return Packer.toBuffer(document);
}
