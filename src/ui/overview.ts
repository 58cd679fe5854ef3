import type { Catalog } from '../catalog/load.js';
import type { Overview } from '../overview.js';
import type { RegisteredService } from '../store/register.js';
import { actionsJson, priorityLabel } from './actions.js';
import { msg, reviewStateLabel, reviewSummary, t, text, type Lang } from './i18n.js';
import { summarize, type ChecklistResult } from '../engine/assess.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { grid, terminalWidth, wrap } from './layout.js';
import { checklistName, controlName, scoreJson } from './score.js';
import { bold, dim, formatDelta, formatScore, statusLabel } from './style.js';

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : Math.round((b - a) * 10) / 10;

export function overviewJson(o: Overview, lang: Lang) {
  return {
    year: o.year,
    previousYear: o.previousYear ?? null,
    review: o.totals.review,
    totals: o.totals.checklists.map((c) => {
      const change = o.change.get(c.checklist);
      return {
        checklist: c.checklist,
        score: c.score,
        status: c.status,
        assessed: c.assessed,
        review: c.review,
        delta: change?.delta ?? null,
        deltaOver: change?.services ?? 0,
      };
    }),
    topActions: actionsJson(o.year, o.topActions, lang).actions,
    services: scoreJson(o.year, o.results).services,
  };
}

/** The most services a service-level checklist lists in the overview; beyond it, the weakest. */
export const OVERVIEW_SERVICES = 30;

const STATUS_RANK: Record<ChecklistResult['status'], number> = { stor: 0, mellan: 1, enligt_plan: 2, ej_bedomd: 3 };

/** Weakest first: by status (stor first), then by score (lowest first, none last), then by id. */
function weakest<T extends { service: string; result: ChecklistResult }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      STATUS_RANK[a.result.status] - STATUS_RANK[b.result.status] ||
      (a.result.score ?? Infinity) - (b.result.score ?? Infinity) ||
      (a.service < b.service ? -1 : a.service > b.service ? 1 : 0),
  );
}

export function renderOverview(catalog: Catalog, services: readonly RegisteredService[], organisation: string, o: Overview, lang: Lang, width = terminalWidth()): string {
  const l = msg(lang);
  const names = new Map(services.map((s) => [s.id, s.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  const previousOf = new Map(o.previous.map((p) => [p.service, p]));
  const since = o.previousYear ? `${t('changeSince', lang)} ${o.previousYear}` : '';
  const change = (a: number | null | undefined, b: number | null | undefined) => {
    const d = delta(a, b);
    return d === null ? '' : formatDelta(d, lang);
  };
  const out: string[] = [bold(wrap(`${t('overviewTitle', lang)} ${o.year} · ${organisation}`, width))];
  const itServices = o.results.filter((r) => r.service !== ORGANISATION_ID);
  const org = o.results.find((r) => r.service === ORGANISATION_ID);
  out.push(
    wrap(
      l.ov_review(o.year, reviewSummary(summarize(itServices).review, lang)) + (org ? l.ov_organisation(reviewStateLabel(org.review, lang)) : ''),
      width,
    ),
    '',
  );

  const totalsRows: string[][] = [];
  for (const c of o.totals.checklists) {
    const d = o.change.get(c.checklist);
    const over = d && d.delta !== null && d.services < c.review.services ? dim(l.ov_over(d.services)) : '';
    totalsRows.push([
      checklistName(catalog, c.checklist, lang),
      formatScore(c.score, lang),
      statusLabel(c.status, lang),
      l.report_of(c.assessed, c.review.services),
      d?.delta == null ? '' : formatDelta(d.delta, lang) + over,
    ]);
  }
  const keepNumbers = [{ fit: 'text' as const, min: 16 }, { fit: 'keep' as const }];
  out.push(grid([l.report_checklist, t('score', lang), t('status', lang), l.report_assessed, since], totalsRows, { width, columns: keepNumbers }));
  if (o.previousYear) out.push(dim(wrap(l.ov_changeOver(o.previousYear, o.year), width)));

  // One compact table per checklist: the control points of an organisation-level one, the services of a service-level one.
  for (const checklist of catalog.checklists) {
    const rows = o.results.flatMap((r) => r.checklists.filter((c) => c.checklist === checklist.id).map((c) => ({ service: r.service, result: c })));
    if (rows.length === 0) continue;
    out.push('', bold(text(checklist.name, lang)));
    if (checklist.scope === 'organisation') {
      const controls: string[][] = [];
      for (const { service, result } of rows) {
        const before = previousOf.get(service)?.checklists.find((c) => c.checklist === checklist.id);
        for (const k of result.controls) {
          controls.push([
            controlName(catalog, checklist.id, k.control, lang),
            formatScore(k.score, lang),
            statusLabel(k.status, lang),
            `${k.answered}/${k.total}`,
            change(before?.controls.find((p) => p.control === k.control)?.score, k.score),
          ]);
        }
      }
      out.push(grid([t('control', lang), t('score', lang), t('status', lang), l.ov_answeredShort, since], controls, { width, columns: keepNumbers }));
    } else {
      const perService: string[][] = [];
      // A city's thousands of services are not read on one screen: the weakest, and where the rest are.
      const listed = rows.length > OVERVIEW_SERVICES ? weakest(rows).slice(0, OVERVIEW_SERVICES) : rows;
      for (const { service, result } of listed) {
        const before = previousOf.get(service)?.checklists.find((c) => c.checklist === checklist.id);
        const gaps = result.controls.reduce((n, k) => n + k.gaps.length, 0);
        const assessedBefore = before !== undefined && before.review.state !== 'ej_påbörjad';
        perService.push([
          nameOf(service),
          formatScore(result.score, lang),
          statusLabel(result.status, lang),
          reviewStateLabel(result.review, lang, true),
          gaps === 0 ? '' : String(gaps),
          result.review.state === 'ej_påbörjad' || !assessedBefore ? '' : change(before.score, result.score),
        ]);
      }
      out.push(grid([t('service', lang), t('score', lang), t('status', lang), l.ov_reviewColumn, t('gaps', lang), since], perService, { width, columns: keepNumbers }));
      if (listed.length < rows.length) {
        const more = rows.length - listed.length;
        out.push(dim(wrap(l.ov_more(more), width)));
      }
    }
  }

  if (o.topActions.length > 0) {
    out.push('', bold(l.ov_fixFirst));
    // The finding in full, and the action's id (what plan set needs) whole on a line of its own.
    for (const a of o.topActions) {
      out.push(wrap(`  ${priorityLabel(a.priority)}  ${nameOf(a.service)} · ${a.control}: ${text(a.finding, lang)}`, width, { hanging: '      ' }), dim(wrap(`      ${a.id}`, width)));
    }
  }
  out.push('', dim(wrap(l.ov_moreCommands(o.year, o.previousYear ?? o.year - 1), width, { hanging: '     ' })));
  return out.join('\n');
}

/** A year that has no answers at all says so, instead of printing tables of zeros. */
export function renderEmptyYear(year: number, services: number, lang: Lang, width = terminalWidth()): string {
  const l = msg(lang);
  return `${wrap(l.ov_emptyYear(year, services), width)}\n${l.ov_startWith(year)}`;
}
