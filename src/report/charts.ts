import { ASSESSED_STATUSES, type Status } from '../engine/score.js';
import { t, type Lang } from '../ui/i18n.js';
import { formatNumber, type BarsBlock, type DistributionBlock } from './document.js';
import { INK, MUTED, NEUTRAL_FILL, NEUTRAL_STROKE, PATTERN_INK, STATUS_FILL, STATUS_PATTERN } from './palette.js';

/**
 * The report's charts as self-contained SVG: every colour, pattern, font and legend is inside the
 * SVG itself, so the same picture shows inline in the HTML report and, rasterised, in the Word
 * report. Layout only: the figures come from the document's blocks.
 */

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const FONT = `font-family="Segoe UI, Arial, Helvetica, sans-serif"`;
const WIDTH = 640;

/** A rough text width for laying out legends (SVG cannot measure before it is drawn). */
const textWidth = (s: string, size: number): number => s.length * size * 0.53;

/**
 * Hatching inside a rectangle as one path of plain line segments, clipped by arithmetic: no SVG
 * <pattern> (which Chromium rasterises when it prints) and no ids, so it looks the same in the
 * browser, in print, in the PNG for Word, and in a table cell's swatch.
 */
export function hatch(x: number, y: number, w: number, h: number, step: number, direction: '/' | '\\'): string {
  const d = step * Math.SQRT2;
  const segments: string[] = [];
  const f = (n: number) => n.toFixed(2).replace(/\.?0+$/, '');
  if (direction === '/') {
    // u + v = c, v downwards: from the left or bottom edge up to the top or right edge.
    for (let c = d / 2; c < w + h; c += d) {
      const u1 = Math.max(0, c - h);
      const u2 = Math.min(w, c);
      segments.push(`M${f(x + u1)} ${f(y + c - u1)}L${f(x + u2)} ${f(y + c - u2)}`);
    }
  } else {
    // u − v = c: from the top or left edge down to the bottom or right edge.
    for (let c = -h + d / 2; c < w; c += d) {
      const u1 = Math.max(0, c);
      const u2 = Math.min(w, c + h);
      segments.push(`M${f(x + u1)} ${f(y + u1 - c)}L${f(x + u2)} ${f(y + u2 - c)}`);
    }
  }
  return segments.join('');
}

/** A rectangle in a status (or last year's series, without one): its fill, outline and hatching. */
function shape(x: number, y: number, w: number, h: number, status: Status | undefined, attrs = '', title = ''): string {
  const box = `x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}"`;
  const tip = title ? `<title>${escapeXml(title)}</title>` : '';
  if (status === undefined) return `<rect${attrs} ${box} fill="${NEUTRAL_FILL}" stroke="${NEUTRAL_STROKE}" stroke-width="0.9">${tip}</rect>`;
  const pattern = STATUS_PATTERN[status];
  if (pattern === 'none') return `<rect${attrs} ${box} fill="#ffffff" stroke="${MUTED}" stroke-width="0.9" stroke-dasharray="2 1.5">${tip}</rect>`;
  const ink = PATTERN_INK[status];
  const lines =
    pattern === 'stripes'
      ? `<path d="${hatch(x, y, w, h, 4.5, '/')}" stroke="${ink}" stroke-width="1.5" fill="none"/>`
      : pattern === 'crosshatch'
        ? `<path d="${hatch(x, y, w, h, 5.5, '/')}${hatch(x, y, w, h, 5.5, '\\')}" stroke="${ink}" stroke-width="0.9" fill="none"/>`
        : '';
  const outline = lines ? `<rect ${box} fill="none" stroke="${INK}" stroke-width="0.5"/>` : '';
  return `<rect${attrs} ${box} fill="${STATUS_FILL[status]}"${lines ? '' : ` stroke="${INK}" stroke-width="0.5"`}>${tip}</rect>${lines}${outline}`;
}

interface LegendItem {
  status?: Status | undefined;
  /** Last year's series: the neutral swatch. */
  neutral?: boolean;
  label: string;
}

/** One row of swatches and words, starting at (x, y), the text's baseline. */
function legendRow(items: readonly LegendItem[], x: number, y: number): string {
  let at = x;
  return items
    .map((item) => {
      let swatch = '';
      if (item.neutral || item.status !== undefined) {
        swatch = shape(at, y - 9, 10, 10, item.neutral ? undefined : item.status, ' class="swatch"');
        at += 14;
      }
      const label = `<text x="${at.toFixed(1)}" y="${y}" font-size="9.5">${escapeXml(item.label)}</text>`;
      at += textWidth(item.label, 9.5) + 12;
      return swatch + label;
    })
    .join('');
}

const svgOpen = (height: number, title: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(title)}" ${FONT} fill="${INK}"><rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`;

/**
 * Bars per category and series, the value printed on each bar. Last year's bars are light and
 * outlined; this year's are filled by status (colour and pattern), as the legend says.
 */
export function barChartSvg(b: BarsBlock, lang: Lang): string {
  const height = 228;
  const left = 28;
  const plotTop = 36;
  const plotBottom = height - 20;
  const plotH = plotBottom - plotTop;
  const group = (WIDTH - left) / Math.max(1, b.categories.length);
  const gap = 8;
  const barW = (group - gap) / Math.max(1, b.series.length);
  const y = (v: number) => plotBottom - (v / 100) * plotH;

  const grid = [0, 50, 80, 100].map(
    (g) => `<line x1="${left}" x2="${WIDTH}" y1="${y(g).toFixed(1)}" y2="${y(g).toFixed(1)}" stroke="#d5dbdb" stroke-width="0.8"/><text x="${left - 4}" y="${(y(g) + 3).toFixed(1)}" text-anchor="end" font-size="9" fill="${MUTED}">${g}</text>`,
  );
  const bars = b.categories.flatMap((category, ci) =>
    b.series.map((s, si) => {
      const v = s.values[ci] ?? null;
      const x = left + ci * group + gap / 2 + si * barW;
      const cx = (x + (barW - 2) / 2).toFixed(1);
      if (v === null) return `<text class="value" x="${cx}" y="${plotBottom - 3}" text-anchor="middle" font-size="8" fill="${MUTED}">–</text>`;
      const status = s.statuses?.[ci];
      const value = formatNumber(v, lang);
      const title = `${category} ${s.label}: ${value}${status === undefined ? '' : ` (${t(`status_${status}`, lang)})`}`;
      return (
        shape(x, y(v), barW - 2, plotBottom - y(v), status, ` class="bar"${status ? ` data-status="${status}"` : ''}`, title) +
        `<text class="value" x="${cx}" y="${(y(v) - 3).toFixed(1)}" text-anchor="middle" font-size="8">${escapeXml(value)}</text>`
      );
    }),
  );
  const labels = b.categories.map((c, ci) => `<text x="${(left + ci * group + group / 2).toFixed(1)}" y="${height - 6}" text-anchor="middle" font-size="9.5">${escapeXml(c)}</text>`);
  const legend: LegendItem[] = b.series.flatMap((s): LegendItem[] =>
    s.statuses ? [{ label: `${s.label}:` }, ...ASSESSED_STATUSES.map((st) => ({ status: st, label: t(`status_${st}`, lang) }))] : [{ neutral: true, label: s.label }],
  );
  return `${svgOpen(height, b.title)}<g class="legend">${legendRow(legend, left, 12)}</g>${grid.join('')}${bars.join('')}${labels.join('')}</svg>`;
}

/** How every control's status is spread: one stacked bar, each part with its count, and a legend. */
export function distributionSvg(b: DistributionBlock, lang: Lang): string {
  const height = 62;
  const total = ASSESSED_STATUSES.reduce((n, s) => n + b.counts[s], 0) || 1;
  let x = 0;
  const parts = ASSESSED_STATUSES.map((s) => {
    const w = (b.counts[s] / total) * WIDTH;
    const label = String(b.counts[s]);
    const boxW = textWidth(label, 10) + 8;
    const mid = x + w / 2;
    const part =
      shape(x, 2, w, 28, s, ` class="segment" data-status="${s}"`, `${t(`status_${s}`, lang)}: ${b.counts[s]}`) +
      (w >= boxW + 4 && b.counts[s] > 0
        ? `<rect x="${(mid - boxW / 2).toFixed(1)}" y="8" width="${boxW.toFixed(1)}" height="16" rx="2" fill="#ffffff"/><text x="${mid.toFixed(1)}" y="20" text-anchor="middle" font-size="10" font-weight="bold">${label}</text>`
        : '');
    x += w;
    return part;
  });
  const legend = ASSESSED_STATUSES.map((s) => ({ status: s, label: `${t(`status_${s}`, lang)}: ${b.counts[s]}` }));
  return `${svgOpen(height, b.title)}${parts.join('')}<g class="legend">${legendRow(legend, 0, 52)}</g></svg>`;
}

/** A status's swatch on its own, the non-colour cue beside the status word in a table cell. */
export function statusSwatchSvg(status: Status, size = 10): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 10 10" width="${size}" height="${size}" aria-hidden="true">${shape(0.25, 0.25, 9.5, 9.5, status)}</svg>`;
}
