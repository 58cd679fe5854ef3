import type { Lang } from '../ui/i18n.js';
import { mdCell, mdText } from '../export/markdown-text.js';
import { pageWords, statusOfCell, type Block, type GridCell, type TableBlock } from './document.js';
import { barChartSvg, distributionSvg, escapeXml, statusSwatchSvg } from './charts.js';
import { HEAD_FILL, INK, MUTED, NOTICE, STATUS_TEXT, STATUS_TINT } from './palette.js';

/** The report as Markdown. The blocks' text is escaped here, not in the model, so the HTML report escapes it once, its own way. */
export function reportMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'notice':
        out.push(`**${mdText(b.text)}**`, '');
        break;
      case 'title':
        out.push(`# ${mdText(b.text)}`, '');
        break;
      case 'subtitle':
        out.push(`*${mdText(b.text)}*`, '');
        break;
      case 'h2':
        out.push(`## ${mdText(b.text)}`, '');
        break;
      case 'p':
        out.push(mdText(b.text), '');
        break;
      case 'list':
        out.push(...b.items.map((i) => `- ${mdText(i)}`), '');
        break;
      case 'table':
        out.push(`| ${b.head.map(mdCell).join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`), '');
        break;
      case 'grid':
        out.push(`| ${b.head.map(mdCell).join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(mdGridCell).join(' | ')} |`), '');
        break;
      // Charts are the HTML report's; the Markdown tables carry the same figures.
      case 'bars':
      case 'distribution':
        break;
    }
  }
  return out.join('\n');
}

/** A status cell as Markdown: its label in bold (Markdown has no colour), then its text. */
function mdGridCell(c: GridCell): string {
  if (c.label === undefined) return mdCell(c.text);
  return c.text === '' ? `**${mdText(c.label)}**` : `**${mdText(c.label)}**<br>${mdText(c.text)}`;
}

const escape = escapeXml;

/**
 * A CSS string literal for the text, safe inside an HTML <style> element: anything but letters,
 * digits, spaces and plain punctuation becomes a CSS escape, so no name can end the string or the
 * element (`"`, `\`, `<`, newlines).
 */
export function cssString(s: string): string {
  return `"${[...s].map((ch) => (/^[\p{L}\p{N} .,:;!?()\-–—]$/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

const FONTS = `"Segoe UI", Arial, Helvetica, sans-serif`;

/**
 * Print: A4, the confidentiality notice in every page's header and "Sida N av M" in its footer
 * (CSS page margin boxes), colours and shading printed even when the browser's "background
 * graphics" is off. Status cells carry a tint, a swatch with the status's pattern and the word.
 */
function css(notice: string, lang: Lang): string {
  const words = pageWords(lang);
  const statusCells = (['enligt_plan', 'mellan', 'stor', 'ej_bedomd'] as const)
    .map((s) => `td.status-${s} { color: ${STATUS_TEXT[s]}; background: ${STATUS_TINT[s]}; font-weight: ${s === 'enligt_plan' || s === 'ej_bedomd' ? 'normal' : 600}; }`)
    .join('\n');
  return `
@page { size: A4; margin: 20mm 14mm 18mm;
  @top-left { content: ${cssString(notice)}; font-family: ${FONTS}; font-size: 7.5pt; font-weight: 600; color: ${NOTICE}; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-right { content: ${cssString(`${words.page} `)} counter(page) ${cssString(` ${words.of} `)} counter(pages); font-family: ${FONTS}; font-size: 8pt; color: ${MUTED}; vertical-align: top; padding-top: 3mm; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${FONTS}; font-size: 10.5pt; color: ${INK}; max-width: 182mm; margin: 0 auto; line-height: 1.4; }
.notice { border: 1px solid ${NOTICE}; color: ${NOTICE}; font-weight: 600; padding: 4px 8px; }
h1 { font-size: 18pt; margin: 14px 0 2px; } .subtitle { color: #566573; margin-top: 0; }
h2 { font-size: 13pt; border-bottom: 2px solid ${INK}; padding-bottom: 2px; margin-top: 22px; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 9pt; break-inside: auto; }
thead { display: table-header-group; }
th, td { border: 1px solid #aab7b8; padding: 3px 5px; text-align: left; vertical-align: top; white-space: pre-line; }
th { background: ${HEAD_FILL}; } tr { break-inside: avoid; }
${statusCells}
td.status svg.swatch { vertical-align: -1px; margin-right: 4px; } td.status .keep { white-space: nowrap; }
figure.chart { margin: 8px 0 12px; break-inside: avoid; } figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-weight: 600; font-size: 9.5pt; margin-bottom: 2px; }
li { margin: 3px 0; }`;
}

function tableHtml(b: TableBlock, lang: Lang): string {
  const cell = (c: string, i: number): string => {
    const status = i === b.statusColumn ? statusOfCell(c, lang) : undefined;
    if (status === undefined) return `<td>${escape(c)}</td>`;
    // "Avvikelse –" and "mellan/liten" each kept on one line, the swatch with the first.
    const [first, ...rest] = c.split(/(?<= –) /);
    return `<td class="status status-${status}"><span class="keep">${statusSwatchSvg(status)}${escape(first!)}</span>${rest.map((r) => ` <span class="keep">${escape(r)}</span>`).join('')}</td>`;
  };
  return `<table><thead><tr>${b.head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Status cells of a grid: filled like the seeds' tables, with the label in words for black and white print. */
const GRID_CSS = `
table.grid td.status { color: ${INK}; font-weight: normal; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.grid td.status strong { display: block; }
table.grid td.status-stor { background: #f4b6b6; border-left: 4px solid #c62828; }
table.grid td.status-mellan { background: #fde9a9; border-left: 4px solid #f9a825; }
table.grid td.status-enligt_plan { background: #c8e6c9; border-left: 4px solid #2e7d32; }
table.grid { table-layout: fixed; } table.grid thead { display: table-header-group; }
p.subtitle { break-after: avoid; }
@media print { h2.new-page { break-before: page; } }`;

const LANDSCAPE_CSS = `
@page { size: A4 landscape; margin: 18mm 12mm 16mm; }
body { max-width: 273mm; }`;

/** Column widths in proportion to the workbook's (characters), so the text columns get the room. */
function colgroup(widths: readonly number[] | undefined): string {
  if (widths === undefined || widths.length === 0) return '';
  const total = widths.reduce((a, b) => a + b, 0);
  return `<colgroup>${widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`;
}

function gridCell(c: GridCell): string {
  if (c.status === undefined) return `<td>${escape(c.text)}</td>`;
  const label = c.label === undefined ? '' : `<strong>${escape(c.label)}</strong>`;
  return `<td class="status status-${c.status}" data-status="${c.status}">${label}${escape(c.text)}</td>`;
}

/**
 * One self-contained HTML file: inline CSS and SVG, no network resources, printable on A4
 * (`landscape` for wide tables such as the deviation report's).
 */
export function reportHtml(blocks: readonly Block[], lang: Lang, options: { landscape?: boolean } = {}): string {
  const title = blocks.find((b) => b.kind === 'title');
  const notice = blocks.find((b) => b.kind === 'notice');
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'notice':
        return `<p class="notice">${escape(b.text)}</p>`;
      case 'title':
        return `<h1>${escape(b.text)}</h1>`;
      case 'subtitle':
        return `<p class="subtitle">${escape(b.text)}</p>`;
      case 'h2':
        return `<h2 id="${b.id}"${b.newPage ? ' class="new-page"' : ''}>${escape(b.text)}</h2>`;
      case 'p':
        return `<p>${escape(b.text)}</p>`;
      case 'list':
        return `<ul>${b.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
      case 'table':
        return tableHtml(b, lang);
      case 'grid':
        return `<table class="grid${b.className ? ` ${b.className}` : ''}">${colgroup(b.widths)}<thead><tr>${b.head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
          .map((r) => `<tr>${r.map(gridCell).join('')}</tr>`)
          .join('')}</tbody></table>`;
      case 'bars':
        return `<figure class="chart"><figcaption>${escape(b.title)}</figcaption>${barChartSvg(b, lang)}</figure>`;
      case 'distribution':
        return `<figure class="chart"><figcaption>${escape(b.title)}</figcaption>${distributionSvg(b, lang)}</figure>`;
    }
  });
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title?.kind === 'title' ? title.text : 'efterlev')}</title>
<style>${css(notice?.kind === 'notice' ? notice.text : '', lang)}${blocks.some((b) => b.kind === 'grid') ? GRID_CSS : ''}${options.landscape ? LANDSCAPE_CSS : ''}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
