import chalk from 'chalk';
import type { Coverage, CoverageResult } from '../coverage/coverage.js';
import { text, type Lang } from './i18n.js';
import { grid, terminalWidth } from './layout.js';
import { bold, dim } from './style.js';

const LABEL: Record<CoverageResult, { sv: string; en: string }> = {
  uppfyllt: { sv: 'uppfyllt', en: 'met' },
  delvis: { sv: 'delvis', en: 'partly' },
  ej_uppfyllt: { sv: 'ej uppfyllt', en: 'not met' },
  ej_bedomt: { sv: 'ej bedömt', en: 'not assessed' },
  ej_tackt: { sv: 'ej täckt', en: 'not covered' },
};
const COLOR: Record<CoverageResult, (s: string) => string> = { uppfyllt: chalk.green, delvis: chalk.yellow, ej_uppfyllt: chalk.red, ej_bedomt: chalk.dim, ej_tackt: chalk.dim };

export const coverageLabel = (r: CoverageResult, lang: Lang): string => LABEL[r][lang];

export function renderCoverage(c: Coverage, lang: Lang, width = terminalWidth()): string {
  const sv = lang === 'sv';
  const out = [bold(`${text(c.framework.name, lang)} ${c.year}`), dim(c.framework.source)];
  const head = [sv ? 'Krav' : 'Requirement', sv ? 'Titel' : 'Title', sv ? 'Frågor' : 'Questions', sv ? 'Resultat' : 'Result'];
  const rows: string[][] = [];
  for (const r of c.requirements.filter((x) => x.result !== 'ej_tackt')) {
    const questions = [...new Set(r.evidence.map((e) => e.question))].join(', ');
    const counts = r.services.length > 1 ? ` (${r.services.filter((s) => s.result === 'uppfyllt').length}/${r.services.length})` : '';
    rows.push([r.id, text(r.title, lang), questions, COLOR[r.result](coverageLabel(r.result, lang)) + counts]);
  }
  out.push(grid(head, rows, { width, columns: [{ fit: 'keep' }, { fit: 'text', min: 16 }, { fit: 'wrap' }, { fit: 'keep' }] }));
  out.push(
    (Object.entries(c.counts) as [CoverageResult, number][]).map(([k, n]) => `${coverageLabel(k, lang)}: ${n}`).join(' · '),
  );
  const uncovered = c.requirements.filter((r) => r.result === 'ej_tackt');
  if (uncovered.length > 0) {
    out.push('', bold(sv ? `Krav som ingen fråga täcker (${uncovered.length}):` : `Requirements no question covers (${uncovered.length}):`));
    for (const r of uncovered) out.push(`  ${r.id} ${text(r.title, lang)}`);
  }
  return out.join('\n');
}
