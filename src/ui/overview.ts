import type { Catalog } from '../catalog/load.js';
import type { Overview } from '../overview.js';
import type { RegisteredService } from '../store/register.js';
import { actionsJson, priorityLabel } from './actions.js';
import { t, text, type Lang } from './i18n.js';
import { checklistName, controlName, scoreJson, table } from './score.js';
import { bold, dim, formatDelta, formatScore, scoreBar, statusLabel } from './style.js';

/** The overview fits a 100-column terminal. */
const WIDTH = 100;

function clip(s: string, width: number): string {
  return [...s].length <= width ? s : [...s].slice(0, width - 1).join('') + '…';
}

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : Math.round((b - a) * 10) / 10;

export function overviewJson(o: Overview, lang: Lang) {
  return {
    year: o.year,
    previousYear: o.previousYear ?? null,
    totals: o.totals.map((c) => {
      const before = o.previousTotals.find((p) => p.checklist === c.checklist);
      return { checklist: c.checklist, score: c.score, status: c.status, services: c.services, previousScore: before?.score ?? null, delta: delta(before?.score, c.score) };
    }),
    topActions: actionsJson(o.year, o.topActions, lang).actions,
    services: scoreJson(o.year, o.results).services,
  };
}

export function renderOverview(catalog: Catalog, services: readonly RegisteredService[], organisation: string, o: Overview, lang: Lang): string {
  const nameOf = (id: string): string => services.find((s) => s.id === id)?.name ?? id;
  const since = o.previousYear ? `${t('changeSince', lang)} ${o.previousYear}` : '';
  const change = (a: number | null | undefined, b: number | null | undefined) => {
    const d = delta(a, b);
    return d === null ? '' : formatDelta(d, lang);
  };
  const out: string[] = [bold(`${t('overviewTitle', lang)} ${o.year} · ${organisation}`), ''];

  const totalsTable = table([lang === 'sv' ? 'Checklista' : 'Checklist', t('score', lang), '', t('status', lang), since]);
  for (const c of o.totals) {
    const before = o.previousTotals.find((p) => p.checklist === c.checklist);
    totalsTable.push([checklistName(catalog, c.checklist, lang), formatScore(c.score, lang), scoreBar(c.score, c.status), statusLabel(c.status, lang), change(before?.score, c.score)]);
  }
  out.push(totalsTable.toString());

  // One compact table per checklist: the control points of an organisation-level one, the services of a service-level one.
  for (const checklist of catalog.checklists) {
    const rows = o.results.flatMap((r) => r.checklists.filter((c) => c.checklist === checklist.id).map((c) => ({ service: r.service, result: c })));
    if (rows.length === 0) continue;
    out.push('', bold(text(checklist.name, lang)));
    if (checklist.scope === 'organisation') {
      const controls = table([t('control', lang), t('score', lang), t('status', lang), since]);
      for (const { service, result } of rows) {
        const before = o.previous.find((p) => p.service === service)?.checklists.find((c) => c.checklist === checklist.id);
        for (const k of result.controls) {
          controls.push([clip(controlName(catalog, checklist.id, k.control, lang), 46), formatScore(k.score, lang), statusLabel(k.status, lang), change(before?.controls.find((p) => p.control === k.control)?.score, k.score)]);
        }
      }
      out.push(controls.toString());
    } else {
      const perService = table([t('service', lang), t('score', lang), t('status', lang), t('answered', lang), t('gaps', lang), since]);
      for (const { service, result } of rows) {
        const before = o.previous.find((p) => p.service === service)?.checklists.find((c) => c.checklist === checklist.id);
        const answered = result.controls.reduce((n, k) => n + k.answered, 0);
        const total = result.controls.reduce((n, k) => n + k.total, 0);
        const gaps = result.controls.reduce((n, k) => n + k.gaps.length, 0);
        perService.push([clip(nameOf(service), 26), formatScore(result.score, lang), statusLabel(result.status, lang), `${answered}/${total}`, gaps === 0 ? '' : String(gaps), change(before?.score, result.score)]);
      }
      out.push(perService.toString());
    }
  }

  if (o.topActions.length > 0) {
    out.push('', bold(lang === 'sv' ? 'Åtgärda först' : 'Fix first'));
    for (const a of o.topActions) out.push(`  ${priorityLabel(a.priority)}  ${clip(`${nameOf(a.service)} · ${a.control}: ${text(a.finding, lang)}`, WIDTH - 8)}`);
  }
  out.push('', dim(lang === 'sv' ? `Mer: efterlev actions --year ${o.year}, efterlev compare ${o.previousYear ?? o.year - 1} ${o.year}, efterlev --help` : `More: efterlev actions --year ${o.year}, efterlev --help`));
  return out.join('\n');
}
