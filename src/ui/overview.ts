import type { Catalog } from '../catalog/load.js';
import type { Overview } from '../overview.js';
import type { RegisteredService } from '../store/register.js';
import { t, text, type Lang } from './i18n.js';
import { checklistName, controlName, scoreJson, table } from './score.js';
import { bold, dim, formatDelta, formatScore, scoreBar, severityLabel, statusLabel } from './style.js';

/** The overview fits a 100-column terminal. */
const WIDTH = 100;

function clip(s: string, width: number): string {
  return [...s].length <= width ? s : [...s].slice(0, width - 1).join('') + '…';
}

export function overviewJson(o: Overview) {
  return {
    year: o.year,
    previousYear: o.previousYear ?? null,
    totals: o.totals.map((c) => {
      const before = o.previousTotals.find((p) => p.checklist === c.checklist);
      const delta = before?.score != null && c.score !== null ? Math.round((c.score - before.score) * 10) / 10 : null;
      return { checklist: c.checklist, score: c.score, status: c.status, services: c.services, previousScore: before?.score ?? null, delta };
    }),
    weakestControls: o.weakestControls,
    majorGaps: o.majorGaps.map((g) => ({ service: g.service, checklist: g.checklist, control: g.control, rule: g.gap.rule.rule.name, severity: g.gap.severity })),
    services: scoreJson(o.year, o.results).services,
  };
}

export function renderOverview(catalog: Catalog, services: readonly RegisteredService[], organisation: string, o: Overview, lang: Lang): string {
  const nameOf = (id: string): string => services.find((s) => s.id === id)?.name ?? id;
  const out: string[] = [bold(`${t('overviewTitle', lang)} ${o.year} · ${organisation}`), ''];

  const totalsTable = table([lang === 'sv' ? 'Checklista' : 'Checklist', t('score', lang), '', t('status', lang), o.previousYear ? `${t('changeSince', lang)} ${o.previousYear}` : '']);
  for (const c of o.totals) {
    const before = o.previousTotals.find((p) => p.checklist === c.checklist);
    const delta = before?.score != null && c.score !== null ? formatDelta(c.score - before.score, lang) : '';
    totalsTable.push([checklistName(catalog, c.checklist, lang), formatScore(c.score, lang), scoreBar(c.score, c.status), statusLabel(c.status, lang), delta]);
  }
  out.push(totalsTable.toString(), '');

  const perService = table([t('service', lang), t('score', lang), t('status', lang), t('answered', lang), t('gaps', lang)]);
  for (const r of o.results) {
    for (const c of r.checklists) {
      const answered = c.controls.reduce((n, k) => n + k.answered, 0);
      const total = c.controls.reduce((n, k) => n + k.total, 0);
      const gaps = c.controls.reduce((n, k) => n + k.gaps.length, 0);
      perService.push([clip(nameOf(r.service), 34), formatScore(c.score, lang), statusLabel(c.status, lang), `${answered}/${total}`, gaps === 0 ? '' : String(gaps)]);
    }
  }
  out.push(perService.toString());

  if (o.weakestControls.length > 0) {
    out.push('', bold(t('worstControls', lang)));
    for (const k of o.weakestControls) {
      const what = `${nameOf(k.service)} · ${controlName(catalog, k.checklist, k.control, lang)}`;
      out.push(`  ${formatScore(k.score, lang).padStart(5)}  ${statusLabel(k.status, lang).padEnd(24)}  ${clip(what, WIDTH - 35)}`);
    }
  }
  if (o.majorGaps.length > 0) {
    out.push('', bold(t('majorGaps', lang)));
    for (const g of o.majorGaps) {
      const line = `${nameOf(g.service)} · ${g.control}: ${text(g.gap.rule.rule.event.params.finding, lang)}`;
      out.push(`  ${severityLabel(g.gap.severity, lang)}${' '.repeat(8 - g.gap.severity.length)}${clip(line, WIDTH - 10)}`);
    }
  }
  out.push('', dim(lang === 'sv' ? 'Mer: efterlev score --year ' + o.year + ', efterlev --help' : 'More: efterlev score --year ' + o.year + ', efterlev --help'));
  return out.join('\n');
}
