import Table from 'cli-table3';
import type { Catalog } from '../catalog/load.js';
import { summarize, type ChecklistResult, type ServiceResult, type Totals } from '../engine/assess.js';
import type { RegisteredService } from '../store/register.js';
import { reviewStateLabel, reviewSummary, t, text, type Lang } from './i18n.js';
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

/** A table with bold headings; with widths, long cells wrap instead of stretching the terminal. */
export function table(head: string[], colWidths?: number[]): Table.Table {
  return new Table({
    head: head.map((h) => bold(h)),
    style: { head: [], border: [] },
    // No rule between body rows: a 60-row table stays readable and half as tall.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
  });
}

export function controlName(catalog: Catalog, checklist: string, control: string, lang: Lang): string {
  const found = catalog.checklists.find((c) => c.id === checklist)?.controls.find((k) => k.id === control);
  return found === undefined ? control : `${control} ${text(found.name, lang)}`;
}

export function checklistName(catalog: Catalog, checklist: string, lang: Lang): string {
  const found = catalog.checklists.find((c) => c.id === checklist);
  return found === undefined ? checklist : text(found.name, lang);
}

function renderChecklist(catalog: Catalog, result: ChecklistResult, lang: Lang): string {
  const rows = table([t('control', lang), t('score', lang), '', t('status', lang), t('answered', lang), t('gaps', lang)]);
  for (const k of result.controls) {
    const gaps = k.gaps.map((g) => severityLabel(g.severity, lang)).join(' ');
    const coverage = `${k.answered}/${k.total}` + (k.answered === 0 ? ` ${dim(t('notAssessed', lang))}` : '');
    rows.push([controlName(catalog, result.checklist, k.control, lang), formatScore(k.score, lang), scoreBar(k.score, k.status), statusLabel(k.status, lang), coverage, gaps]);
  }
  return rows.toString();
}

export function renderScore(catalog: Catalog, services: readonly RegisteredService[], year: number, results: readonly ServiceResult[], lang: Lang): string {
  const out: string[] = [];
  for (const r of results) {
    const service = services.find((s) => s.id === r.service);
    for (const c of r.checklists) {
      out.push(
        `${bold(`${service?.name ?? r.service}`)} ${dim(`(${r.service})`)} · ${checklistName(catalog, c.checklist, lang)} ${year}: ` +
          `${bold(formatScore(c.score, lang))} ${statusLabel(c.status, lang)} ${dim(`· ${reviewStateLabel(c.review, lang)}`)}`,
      );
      out.push(renderChecklist(catalog, c, lang), '');
    }
  }
  if (results.length > 1) out.push(renderTotals(catalog, year, summarize(results), lang));
  return out.join('\n');
}

/** The organisation's figures per checklist, with what they rest on. */
export function renderTotals(catalog: Catalog, year: number, totals: Totals, lang: Lang): string {
  const sv = lang === 'sv';
  const rows = table([sv ? `Organisationen ${year}` : `Organisation ${year}`, t('score', lang), t('status', lang), sv ? 'Bedömda' : 'Assessed']);
  const notes: string[] = [];
  for (const c of totals.checklists) {
    rows.push([checklistName(catalog, c.checklist, lang), formatScore(c.score, lang), statusLabel(c.status, lang), `${c.assessed} ${sv ? 'av' : 'of'} ${c.review.services}`]);
    const scope = catalog.checklists.find((k) => k.id === c.checklist)?.scope;
    if (scope === 'service') notes.push(dim(`${checklistName(catalog, c.checklist, lang)}: ${reviewSummary(c.review, lang)}.`));
  }
  return [rows.toString(), ...notes].join('\n');
}
