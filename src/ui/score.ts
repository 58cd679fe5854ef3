import type { Catalog } from '../catalog/load.js';
import { summarize, type ChecklistResult, type ServiceResult, type Totals } from '../engine/assess.js';
import type { RegisteredService } from '../store/register.js';
import { msg, reviewStateLabel, reviewSummary, t, text, type Lang } from './i18n.js';
import { grid, terminalWidth, wrap } from './layout.js';
import { bold, dim, formatScore, scoreBar, severityLabel, statusLabel } from './style.js';

/** The organisation's totals as `score --json` and the overview give them (summarize). */
export function totalsJson(totals: Totals) {
  return {
    review: totals.review,
    checklists: totals.checklists.map((c) => ({ checklist: c.checklist, score: c.score, status: c.status, assessed: c.assessed, review: c.review, gaps: c.gaps })),
  };
}

/** `score --json`: the documented shape, nothing else. */
export function scoreJson(year: number, results: readonly ServiceResult[]) {
  return {
    year,
    totals: totalsJson(summarize(results)),
    services: results.map((r) => ({
      service: r.service,
      review: r.review,
      checklists: r.checklists.map((c) => ({
        checklist: c.checklist,
        score: c.score,
        status: c.status,
        review: c.review,
        controls: c.controls.map((k) => ({
          control: k.control,
          score: k.score,
          status: k.status,
          answered: k.answered,
          total: k.total,
          legalUnanswered: k.legalUnanswered,
          gaps: k.gaps.map((g) => ({ rule: g.rule.rule.name, severity: g.severity })),
        })),
      })),
    })),
  };
}

export function controlName(catalog: Catalog, checklist: string, control: string, lang: Lang): string {
  const found = catalog.checklists.find((c) => c.id === checklist)?.controls.find((k) => k.id === control);
  return found === undefined ? control : `${control} ${text(found.name, lang)}`;
}

export function checklistName(catalog: Catalog, checklist: string, lang: Lang): string {
  const found = catalog.checklists.find((c) => c.id === checklist);
  return found === undefined ? checklist : text(found.name, lang);
}

function renderChecklist(catalog: Catalog, result: ChecklistResult, lang: Lang, width: number): string {
  const rows = result.controls.map((k) => {
    const gaps = k.gaps.map((g) => severityLabel(g.severity, lang)).join(' ');
    const coverage = `${k.answered}/${k.total}` + (k.answered === 0 ? ` ${dim(t('notAssessed', lang))}` : '');
    return [controlName(catalog, result.checklist, k.control, lang), formatScore(k.score, lang), scoreBar(k.score, k.status), statusLabel(k.status, lang), coverage, gaps];
  });
  return grid([t('control', lang), t('score', lang), '', t('status', lang), t('answered', lang), t('gaps', lang)], rows, {
    width,
    columns: [{ fit: 'text', min: 16 }, { fit: 'keep' }, { fit: 'drop' }],
  });
}

export function renderScore(catalog: Catalog, services: readonly RegisteredService[], year: number, results: readonly ServiceResult[], lang: Lang, width = terminalWidth()): string {
  const out: string[] = [];
  const byId = new Map<string, RegisteredService>();
  for (const s of services) if (!byId.has(s.id)) byId.set(s.id, s);
  for (const r of results) {
    const service = byId.get(r.service);
    for (const c of r.checklists) {
      out.push(
        wrap(
          `${bold(`${service?.name ?? r.service}`)} ${dim(`(${r.service})`)} · ${checklistName(catalog, c.checklist, lang)} ${year}: ` +
            `${bold(formatScore(c.score, lang))} ${statusLabel(c.status, lang)} ${dim(`· ${reviewStateLabel(c.review, lang)}`)}`,
          width,
        ),
      );
      out.push(renderChecklist(catalog, c, lang, width), '');
    }
  }
  if (results.length > 1) out.push(renderTotals(catalog, year, summarize(results), lang, width));
  return out.join('\n');
}

/** The organisation's figures per checklist, with what they rest on. */
export function renderTotals(catalog: Catalog, year: number, totals: Totals, lang: Lang, width = terminalWidth()): string {
  const l = msg(lang);
  const notes: string[] = [];
  const rows = totals.checklists.map((c) => {
    const scope = catalog.checklists.find((k) => k.id === c.checklist)?.scope;
    if (scope === 'service') notes.push(dim(wrap(`${checklistName(catalog, c.checklist, lang)}: ${reviewSummary(c.review, lang)}.`, width)));
    return [checklistName(catalog, c.checklist, lang), formatScore(c.score, lang), statusLabel(c.status, lang), l.report_of(c.assessed, c.review.services)];
  });
  const head = [l.score_organisation(year), t('score', lang), t('status', lang), l.report_assessed];
  return [grid(head, rows, { width, columns: [{ fit: 'text', min: 16 }, { fit: 'keep' }] }), ...notes].join('\n');
}
