import type { Action } from '../plan/actions.js';
import type { Lang } from '../ui/i18n.js';
import { text } from '../ui/i18n.js';
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
  const sv = lang === 'sv';
  return [
    `**${mdText(notice)}**`,
    '',
    `# ${sv ? 'Handlingsplan' : 'Action plan'} ${year}`,
    '',
    mdTable(
      sv ? ['Prio', 'Id', 'Varför', 'Brist', 'Åtgärd', 'Referens', 'Ansvarig', 'Klart senast', 'Status'] : ['Prio', 'Id', 'Why', 'Finding', 'Action', 'Reference', 'Owner', 'Due', 'Status'],
      actions.map((a) => [`P${a.priority}`, a.id, whyText(a, lang), text(a.finding, lang), text(a.action, lang), a.reference, a.owner ?? '', a.due, actionStatusLabel(a.status, lang)]),
    ),
    '',
    `## ${sv ? 'Sammanfattning per kontroll' : 'Summary per control'}`,
    '',
    mdTable(SUMMARY_HEADERS.map((h) => h[lang]), summary.map(summaryCells)),
    '',
  ].join('\n');
}
