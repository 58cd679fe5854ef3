import { whyText } from '../plan/actions.js';
import { summarize, type Totals } from '../engine/assess.js';
import type { Action } from '../plan/actions.js';
import { sortActions, splitAccepted } from '../plan/actions.js';
import type { Block } from '../report/document.js';
import type { MemberYear } from '../rollup/rollup.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { reviewSummary, t, text, type Lang } from './i18n.js';
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
  const sv = lang === 'sv';
  const { perMember, city } = figures(years);
  const catalog = years[0]!.member.review.catalog;
  const head = [sv ? 'Organisation' : 'Organisation', sv ? 'Checklista' : 'Checklist', t('score', lang), t('status', lang), sv ? 'Bedömda' : 'Assessed', sv ? 'Åtgärder' : 'Actions'];
  const rows: string[][] = [];
  for (const { year: y, totals } of perMember) {
    totals.checklists.forEach((c, i) =>
      rows.push([i === 0 ? `${y.member.name} (${y.member.id})` : '', checklistName(y.member.review.catalog, c.checklist, lang), formatScore(c.score, lang), statusLabel(c.status, lang), `${c.assessed} ${sv ? 'av' : 'of'} ${c.review.services}`, i === 0 ? String(y.plan.actions.length) : '']),
    );
  }
  const cityHead = [sv ? `Hela ${name}` : `All of ${name}`, t('score', lang), t('status', lang), sv ? 'Bedömda' : 'Assessed'];
  const cityRows: string[][] = [];
  for (const c of city.checklists) cityRows.push([checklistName(catalog, c.checklist, lang), formatScore(c.score, lang), statusLabel(c.status, lang), `${c.assessed} ${sv ? 'av' : 'of'} ${c.review.services}`]);
  return [
    bold(`${name} ${year}: ${years.length} ${sv ? 'organisationer' : 'organisations'}`),
    ...perMember.map(({ year: y }) => dim(`${y.member.name}: ${reviewSummary(itReview(y), lang)}`)),
    '',
    grid(head, rows, { width, groupByFirst: true, columns: [{ fit: 'text', min: 12 }, { fit: 'wrap' }, { fit: 'keep' }, { fit: 'wrap' }, { fit: 'keep' }, { fit: 'keep' }] }),
    '',
    grid(cityHead, cityRows, { width, columns: [{ fit: 'text', min: 12 }, { fit: 'keep' }, { fit: 'wrap' }, { fit: 'keep' }] }),
  ].join('\n');
}

export function rollupDocument(name: string, year: number, years: readonly MemberYear[], actions: readonly Action[], lang: Lang): Block[] {
  const sv = lang === 'sv';
  const { perMember, city } = figures(years);
  const catalog = years[0]!.member.review.catalog;
  const status = (s: Parameters<typeof statusLabel>[0]) => t(`status_${s}`, lang);
  const top = splitAccepted(sortActions(actions)).open.slice(0, 15);
  return [
    { kind: 'notice', text: sv ? `KONFIDENTIELLT – samlad rapport ${year} för ${name}. Innehåller kända säkerhetsbrister: sprid inte utanför behöriga.` : `CONFIDENTIAL – combined report ${year} for ${name}. Contains known security gaps: do not share beyond those authorised.` },
    { kind: 'title', text: sv ? `Efterlevnadskontroll ${year}: ${name}` : `Compliance review ${year}: ${name}` },
    { kind: 'subtitle', text: sv ? `${years.length} organisationer` : `${years.length} organisations` },
    { kind: 'h2', id: 'staden', text: sv ? `Hela ${name}` : `All of ${name}` },
    {
      kind: 'table',
      head: [sv ? 'Checklista' : 'Checklist', t('score', lang), 'Status', sv ? 'Bedömda' : 'Assessed'],
      rows: city.checklists.map((c) => [checklistName(catalog, c.checklist, lang), formatScore(c.score, lang), status(c.status), `${c.assessed} ${sv ? 'av' : 'of'} ${c.review.services}`]),
      statusColumn: 2,
    },
    { kind: 'h2', id: 'organisationer', text: sv ? 'Per organisation' : 'Per organisation' },
    {
      kind: 'table',
      head: [sv ? 'Organisation' : 'Organisation', sv ? 'Granskning' : 'Review', sv ? 'Checklista' : 'Checklist', t('score', lang), 'Status', sv ? 'Åtgärder' : 'Actions'],
      rows: perMember.flatMap(({ year: y, totals }) =>
        totals.checklists.map((c, i) => [i === 0 ? y.member.name : '', i === 0 ? reviewSummary(itReview(y), lang) : '', checklistName(y.member.review.catalog, c.checklist, lang), formatScore(c.score, lang), status(c.status), i === 0 ? String(y.plan.actions.length) : '']),
      ),
      statusColumn: 4,
    },
    { kind: 'h2', id: 'atgarder', text: sv ? 'Åtgärda först' : 'Fix first' },
    { kind: 'list', items: top.map((a) => `P${a.priority} ${a.id} (${whyText(a, lang)}): ${text(a.action, lang)}`) },
  ];
}
