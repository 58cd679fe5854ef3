import type { Action } from '../plan/actions.js';
import type { Lang } from '../ui/i18n.js';
import { msg, text } from '../ui/i18n.js';
import { actionStatusLabel } from '../ui/actions.js';
import { whyText } from '../plan/actions.js';
import { SUMMARY_HEADERS, summaryCells, type Cell, type SummaryRow } from './columns.js';
import { mdCell, mdText } from './markdown-text.js';

const cell = (c: Cell): string => mdCell(c === null ? '–' : String(c));

function mdTable(head: string[], rows: Cell[][]): string {
  return [`| ${head.map(mdCell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** The handlingsplan for pasting into a report. */
export function handlingsplanMarkdown(year: number, notice: string, actions: readonly Action[], summary: readonly SummaryRow[], lang: Lang): string {
  const l = msg(lang);
  return [
    `**${mdText(notice)}**`,
    '',
    `# ${l.x_actionPlan} ${year}`,
    '',
    mdTable(
      [l.x_colPrio, l.id, l.x_colWhy, l.x_colFinding, l.x_colAction, l.x_colReference, l.owner, l.x_colDue, l.status],
      actions.map((a) => [`P${a.priority}`, a.id, whyText(a, lang), text(a.finding, lang), text(a.action, lang), a.reference, a.owner ?? '', a.due, actionStatusLabel(a.status, lang)]),
    ),
    '',
    `## ${l.x_summaryPerControl}`,
    '',
    mdTable(SUMMARY_HEADERS.map((h) => h[lang]), summary.map(summaryCells)),
    '',
  ].join('\n');
}
