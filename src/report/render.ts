import type { AssessedStatus, Status } from '../engine/score.js';
import type { Lang } from '../ui/i18n.js';
import { t } from '../ui/i18n.js';
import { mdCell, mdText } from '../export/markdown-text.js';
import type { Block, BarSeries, GridCell } from './document.js';

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

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const COLOR: Record<Status, string> = { enligt_plan: '#2e7d32', mellan: '#f9a825', stor: '#c62828', ej_bedomd: '#ffffff' };
const NEUTRAL = '#b0bec5';

function barChart(title: string, categories: readonly string[], series: readonly BarSeries[]): string {
  const width = 680;
  const height = 220;
  const left = 34;
  const bottom = 24;
  const plotH = height - bottom - 10;
  const group = (width - left) / Math.max(1, categories.length);
  const barW = Math.max(4, (group - 6) / Math.max(1, series.length));
  const bars = categories.flatMap((category, ci) =>
    series.map((s, si) => {
      const v = s.values[ci];
      if (v === null || v === undefined) return '';
      const h = (v / 100) * plotH;
      const x = left + ci * group + 3 + si * barW;
      const fill = s.statuses?.[ci] !== undefined ? COLOR[s.statuses[ci]!] : NEUTRAL;
      return `<rect class="bar" x="${x.toFixed(1)}" y="${(10 + plotH - h).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"><title>${escape(`${category} ${s.label}: ${v}`)}</title></rect>`;
    }),
  );
  const labels = categories.map((c, ci) => `<text x="${(left + ci * group + group / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle">${escape(c)}</text>`);
  const grid = [0, 50, 80, 100].map((g) => {
    const y = 10 + plotH - (g / 100) * plotH;
    return `<line x1="${left}" x2="${width}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/><text x="${left - 4}" y="${(y + 3).toFixed(1)}" text-anchor="end">${g}</text>`;
  });
  const legend = series.map((s) => `<span><i style="background:${s.statuses ? COLOR.enligt_plan : NEUTRAL}"></i>${escape(s.label)}</span>`).join(' ');
  return `<figure class="chart"><figcaption>${escape(title)} <span class="legend">${legend}</span></figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(title)}">${grid.join('')}${bars.join('')}${labels.join('')}</svg></figure>`;
}

function distribution(title: string, counts: Record<AssessedStatus, number>, lang: Lang): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
  let x = 0;
  const parts = (['enligt_plan', 'mellan', 'stor'] as AssessedStatus[]).map((s) => {
    const w = (counts[s] / total) * 680;
    const rect = `<rect class="segment" data-status="${s}" x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="28" fill="${COLOR[s]}"><title>${escape(`${t(`status_${s}`, lang)}: ${counts[s]}`)}</title></rect>`;
    x += w;
    return rect;
  });
  const legend = (['enligt_plan', 'mellan', 'stor'] as AssessedStatus[]).map((s) => `<span><i style="background:${COLOR[s]}"></i>${escape(t(`status_${s}`, lang))}: ${counts[s]}</span>`).join(' ');
  return `<figure class="chart"><figcaption>${escape(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 28" role="img" aria-label="${escape(title)}">${parts.join('')}</svg><p class="legend">${legend}</p></figure>`;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #1c2833; max-width: 182mm; margin: 0 auto; line-height: 1.4; }
.notice { border: 1px solid #c62828; color: #c62828; font-weight: 600; padding: 4px 8px; }
h1 { font-size: 18pt; margin: 14px 0 2px; } .subtitle { color: #566573; margin-top: 0; }
h2 { font-size: 13pt; border-bottom: 2px solid #1c2833; padding-bottom: 2px; margin-top: 22px; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 9pt; break-inside: auto; }
th, td { border: 1px solid #d5d8dc; padding: 3px 5px; text-align: left; vertical-align: top; white-space: pre-line; }
th { background: #eaecee; } tr { break-inside: avoid; }
td.status-stor { color: #c62828; font-weight: 600; } td.status-mellan { color: #b7950b; font-weight: 600; } td.status-enligt_plan { color: #2e7d32; }
figure.chart { margin: 8px 0; break-inside: avoid; } figure.chart svg { width: 100%; height: auto; font-size: 9px; fill: #1c2833; }
figure.chart .grid { stroke: #e5e8e8; stroke-width: 1; } figcaption { font-weight: 600; font-size: 9.5pt; }
.legend { font-weight: normal; font-size: 8.5pt; } .legend i { display: inline-block; width: 9px; height: 9px; margin: 0 3px 0 8px; }
li { margin: 3px 0; }`;

const STATUS_BY_LABEL = (lang: Lang): Record<string, Status> => ({
  [t('status_enligt_plan', lang)]: 'enligt_plan',
  [t('status_mellan', lang)]: 'mellan',
  [t('status_stor', lang)]: 'stor',
});

/** Status cells of a grid: filled like the seeds' tables, with the label in words for black and white print. */
const GRID_CSS = `
table.grid td.status { color: #1c2833; font-weight: normal; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.grid td.status strong { display: block; }
table.grid td.status-stor { background: #f4b6b6; border-left: 4px solid #c62828; }
table.grid td.status-mellan { background: #fde9a9; border-left: 4px solid #f9a825; }
table.grid td.status-enligt_plan { background: #c8e6c9; border-left: 4px solid #2e7d32; }
table.grid { table-layout: fixed; } table.grid thead { display: table-header-group; }
p.subtitle { break-after: avoid; }
@media print { h2.new-page { break-before: page; } }`;

const LANDSCAPE_CSS = `
@page { size: A4 landscape; margin: 12mm 12mm; }
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
  const statusOf = STATUS_BY_LABEL(lang);
  const title = blocks.find((b) => b.kind === 'title');
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
        return `<table><thead><tr>${b.head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
          .map(
            (r) =>
              `<tr>${r.map((c, i) => (i === b.statusColumn && statusOf[c] ? `<td class="status-${statusOf[c]}">${escape(c)}</td>` : `<td>${escape(c)}</td>`)).join('')}</tr>`,
          )
          .join('')}</tbody></table>`;
      case 'grid':
        return `<table class="grid${b.className ? ` ${b.className}` : ''}">${colgroup(b.widths)}<thead><tr>${b.head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
          .map((r) => `<tr>${r.map(gridCell).join('')}</tr>`)
          .join('')}</tbody></table>`;
      case 'bars':
        return barChart(b.title, b.categories, b.series);
      case 'distribution':
        return distribution(b.title, b.counts, lang);
    }
  });
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title?.kind === 'title' ? title.text : 'efterlev')}</title>
<style>${CSS}${blocks.some((b) => b.kind === 'grid') ? GRID_CSS : ''}${options.landscape ? LANDSCAPE_CSS : ''}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
