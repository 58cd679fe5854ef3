import { whyText } from '../plan/actions.js';
import { summarize, type Totals } from '../engine/assess.js';
import type { Action } from '../plan/actions.js';
import { sortActions, splitAccepted } from '../plan/actions.js';
import type { Block } from '../report/document.js';
import type { MemberYear } from '../rollup/rollup.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { msg, reviewSummary, t, text, type Lang } from './i18n.js';
import { checklistName, totalsJson } from './score.js';
import { grid, terminalWidth } from './layout.js';
import { bold, dim, formatScore, statusLabel } from './style.js';

/** Each organisation's totals over its IT services and its own control points, and the city's over all. */
function figures(years: readonly MemberYear[]): { perMember: { year: MemberYear; totals: Totals }[]; city: Totals } {
  const perMember = years.map((y) => ({ year: y, totals: summarize(y.plan.assessed.map((a) => a.result)) }));
  return { perMember, city: summarize(years.flatMap((y) => y.plan.assessed.map((a) => a.result))) };
}

const itReview = (y: MemberYear) => summarize(y.plan.assessed.filter((a) => a.service.id !== ORGANISATION_ID).map((a) => a.result)).review;

export function rollupOverviewJson(name: string, year: number, years: readonly MemberYear[]) {
  const { perMember, city } = figures(years);
  return {
    name,
    year,
    city: totalsJson(city),
    organisations: perMember.map(({ year: y, totals }) => ({ id: y.member.id, name: y.member.name, path: y.member.path, ...totalsJson(totals), itServices: itReview(y), actions: y.plan.actions.length })),
  };
}

export function rollupOverview(name: string, year: number, years: readonly MemberYear[], lang: Lang, width = terminalWidth()): string {
  const l = msg(lang);
  const { perMember, city } = figures(years);
  const catalog = years[0]!.member.review.catalog;
  const head = [l.r_organisation, l.r_checklist, t('score', lang), t('status', lang), l.r_assessed, l.r_actions];
  const rows: string[][] = [];
  for (const { year: y, totals } of perMember) {
    totals.checklists.forEach((c, i) =>
      rows.push([i === 0 ? `${y.member.name} (${y.member.id})` : '', checklistName(y.member.review.catalog, c.checklist, lang), formatScore(c.score, lang), statusLabel(c.status, lang), l.r_of(c.assessed, c.review.services), i === 0 ? String(y.plan.actions.length) : '']),
    );
  }
  const cityHead = [l.r_all(name), t('score', lang), t('status', lang), l.r_assessed];
  const cityRows: string[][] = [];
  for (const c of city.checklists) cityRows.push([checklistName(catalog, c.checklist, lang), formatScore(c.score, lang), statusLabel(c.status, lang), l.r_of(c.assessed, c.review.services)]);
  return [
    bold(`${name} ${year}: ${l.r_organisations(years.length)}`),
    ...perMember.map(({ year: y }) => dim(`${y.member.name}: ${reviewSummary(itReview(y), lang)}`)),
    '',
    grid(head, rows, { width, groupByFirst: true, columns: [{ fit: 'text', min: 12 }, { fit: 'wrap' }, { fit: 'keep' }, { fit: 'wrap' }, { fit: 'keep' }, { fit: 'keep' }] }),
    '',
    grid(cityHead, cityRows, { width, columns: [{ fit: 'text', min: 12 }, { fit: 'keep' }, { fit: 'wrap' }, { fit: 'keep' }] }),
  ].join('\n');
}

export function rollupDocument(name: string, year: number, years: readonly MemberYear[], actions: readonly Action[], lang: Lang): Block[] {
  const l = msg(lang);
  const { perMember, city } = figures(years);
  const catalog = years[0]!.member.review.catalog;
  const status = (s: Parameters<typeof statusLabel>[0]) => t(`status_${s}`, lang);
  const top = splitAccepted(sortActions(actions)).open.slice(0, 15);
  return [
    { kind: 'notice', text: l.r_confidential(year, name) },
    { kind: 'title', text: l.r_title(year, name) },
    { kind: 'subtitle', text: l.r_organisations(years.length) },
    { kind: 'h2', id: 'staden', text: l.r_all(name) },
    {
      kind: 'table',
      head: [l.r_checklist, t('score', lang), 'Status', l.r_assessed],
      rows: city.checklists.map((c) => [checklistName(catalog, c.checklist, lang), formatScore(c.score, lang), status(c.status), l.r_of(c.assessed, c.review.services)]),
      statusColumn: 2,
    },
    { kind: 'h2', id: 'organisationer', text: l.r_perOrganisation },
    {
      kind: 'table',
      head: [l.r_organisation, l.r_review, l.r_checklist, t('score', lang), 'Status', l.r_actions],
      rows: perMember.flatMap(({ year: y, totals }) =>
        totals.checklists.map((c, i) => [i === 0 ? y.member.name : '', i === 0 ? reviewSummary(itReview(y), lang) : '', checklistName(y.member.review.catalog, c.checklist, lang), formatScore(c.score, lang), status(c.status), i === 0 ? String(y.plan.actions.length) : '']),
      ),
      statusColumn: 4,
    },
    { kind: 'h2', id: 'atgarder', text: l.r_fixFirst },
    { kind: 'list', items: top.map((a) => `P${a.priority} ${a.id} (${whyText(a, lang)}): ${text(a.action, lang)}`) },
  ];
}
