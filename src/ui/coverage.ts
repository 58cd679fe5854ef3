import chalk from 'chalk';
import type { Coverage, CoverageResult } from '../coverage/coverage.js';
import { msg, t, text, type Lang } from './i18n.js';
import { grid, terminalWidth, wrap } from './layout.js';
import { bold, dim } from './style.js';

const COLOR: Record<CoverageResult, (s: string) => string> = { uppfyllt: chalk.green, delvis: chalk.yellow, ej_uppfyllt: chalk.red, ej_bedomt: chalk.dim, ej_tackt: chalk.dim };

export const coverageLabel = (r: CoverageResult, lang: Lang): string => t(`cv_${r}`, lang);

export function renderCoverage(c: Coverage, lang: Lang, width = terminalWidth()): string {
  const l = msg(lang);
  const out = [bold(`${text(c.framework.name, lang)} ${c.year}`), dim(wrap(c.framework.source, width))];
  const head = [l.cv_requirement, l.cv_title, l.cv_questions, l.cv_result];
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
    out.push('', bold(l.cv_uncovered(uncovered.length)));
    for (const r of uncovered) out.push(`  ${r.id} ${text(r.title, lang)}`);
  }
  return out.join('\n');
}
