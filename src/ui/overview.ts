import type { Catalog } from '../catalog/load.js';
import type { Overview } from '../overview.js';
import type { RegisteredService } from '../store/register.js';
import { actionsJson, priorityLabel } from './actions.js';
import { reviewStateLabel, reviewSummary, t, text, type Lang } from './i18n.js';
import { summarize } from '../engine/assess.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { checklistName, controlName, scoreJson, table } from './score.js';
import { bold, dim, formatDelta, formatScore, statusLabel } from './style.js';

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

export function renderOverview(catalog: Catalog, services: readonly RegisteredService[], organisation: string, o: Overview, lang: Lang): string {
  const sv = lang === 'sv';
  const nameOf = (id: string): string => services.find((s) => s.id === id)?.name ?? id;
  const since = o.previousYear ? `${t('changeSince', lang)} ${o.previousYear}` : '';
  const change = (a: number | null | undefined, b: number | null | undefined) => {
    const d = delta(a, b);
    return d === null ? '' : formatDelta(d, lang);
  };
  const out: string[] = [bold(`${t('overviewTitle', lang)} ${o.year} · ${organisation}`)];
  const itServices = o.results.filter((r) => r.service !== ORGANISATION_ID);
  const org = o.results.find((r) => r.service === ORGANISATION_ID);
  out.push(
    `${sv ? 'Granskning' : 'Review'} ${o.year}: ${reviewSummary(summarize(itServices).review, lang)}` +
      (org ? ` · ${sv ? 'organisationen' : 'the organisation'}: ${reviewStateLabel(org.review, lang)}` : ''),
    '',
  );

  const totalsTable = table([sv ? 'Checklista' : 'Checklist', t('score', lang), t('status', lang), sv ? 'Bedömda' : 'Assessed', since]);
  for (const c of o.totals.checklists) {
    const d = o.change.get(c.checklist);
    const over = d && d.delta !== null && d.services < c.review.services ? dim(` (${sv ? 'över' : 'over'} ${d.services})`) : '';
    totalsTable.push([
      checklistName(catalog, c.checklist, lang),
      formatScore(c.score, lang),
      statusLabel(c.status, lang),
      `${c.assessed} ${sv ? 'av' : 'of'} ${c.review.services}`,
      d?.delta == null ? '' : formatDelta(d.delta, lang) + over,
    ]);
  }
  out.push(totalsTable.toString());
  if (o.previousYear) out.push(dim(sv ? `Förändringen räknas över tjänster som granskats både ${o.previousYear} och ${o.year}.` : `The change is taken over services assessed in both ${o.previousYear} and ${o.year}.`));

  // One compact table per checklist: the control points of an organisation-level one, the services of a service-level one.
  for (const checklist of catalog.checklists) {
    const rows = o.results.flatMap((r) => r.checklists.filter((c) => c.checklist === checklist.id).map((c) => ({ service: r.service, result: c })));
    if (rows.length === 0) continue;
    out.push('', bold(text(checklist.name, lang)));
    if (checklist.scope === 'organisation') {
      const controls = table([t('control', lang), t('score', lang), t('status', lang), sv ? 'Besv.' : 'Ans.', since]);
      for (const { service, result } of rows) {
        const before = o.previous.find((p) => p.service === service)?.checklists.find((c) => c.checklist === checklist.id);
        for (const k of result.controls) {
          controls.push([
            clip(controlName(catalog, checklist.id, k.control, lang), 38),
            formatScore(k.score, lang),
            statusLabel(k.status, lang),
            `${k.answered}/${k.total}`,
            change(before?.controls.find((p) => p.control === k.control)?.score, k.score),
          ]);
        }
      }
      out.push(controls.toString());
    } else {
      const perService = table([t('service', lang), t('score', lang), t('status', lang), sv ? 'Granskning' : 'Review', t('gaps', lang), since]);
      for (const { service, result } of rows) {
        const before = o.previous.find((p) => p.service === service)?.checklists.find((c) => c.checklist === checklist.id);
        const gaps = result.controls.reduce((n, k) => n + k.gaps.length, 0);
        const assessedBefore = before !== undefined && before.review.state !== 'ej_påbörjad';
        perService.push([
          clip(nameOf(service), 22),
          formatScore(result.score, lang),
          statusLabel(result.status, lang),
          reviewStateLabel(result.review, lang, true),
          gaps === 0 ? '' : String(gaps),
          result.review.state === 'ej_påbörjad' || !assessedBefore ? '' : change(before.score, result.score),
        ]);
      }
      out.push(perService.toString());
    }
  }

  if (o.topActions.length > 0) {
    out.push('', bold(sv ? 'Åtgärda först' : 'Fix first'));
    for (const a of o.topActions) out.push(`  ${priorityLabel(a.priority)}  ${clip(`${nameOf(a.service)} · ${a.control}: ${text(a.finding, lang)}`, WIDTH - 8)}`);
  }
  out.push('', dim(sv ? `Mer: efterlev actions --year ${o.year}, efterlev compare ${o.previousYear ?? o.year - 1} ${o.year}, efterlev --help` : `More: efterlev actions --year ${o.year}, efterlev --help`));
  return out.join('\n');
}

/** A year that has no answers at all says so, instead of printing tables of zeros. */
export function renderEmptyYear(year: number, services: number, lang: Lang): string {
  return lang === 'sv'
    ? `Inga svar för ${year} ännu: granskningen är inte påbörjad för någon av de ${services} tjänsterna eller organisationen.\nBörja med: efterlev assess --year ${year}`
    : `No answers for ${year} yet: the review has not started for any of the ${services} services or the organisation.\nStart with: efterlev assess --year ${year}`;
}
