import type { Catalog } from '../catalog/load.js';
import { ASSESSED_STATUSES, type AssessedStatus, type Status } from '../engine/score.js';
import { actionStatusLabel } from '../ui/actions.js';
import { whyText } from '../plan/actions.js';
import { ACTION_STATUSES } from '../plan/schema.js';
import { decimal, msg, reviewStateLabel, reviewSummary, t, text, type Lang } from '../ui/i18n.js';
import { checklistName, controlName } from '../ui/score.js';
import { confidentialityNotice } from '../export/columns.js';
import type { ReportModel } from './model.js';
import { coverageLabel } from '../ui/coverage.js';
import { COVERAGE_RESULTS, type Shortfall } from '../coverage/coverage.js';
import { ORGANISATION_ID } from '../store/schema.js';

export type Cell = string;

export interface BarSeries {
  label: string;
  /** 0–100 per category; null where there is no score. */
  values: (number | null)[];
  /** Per category, for the colour; undefined for a neutral series (last year). */
  statuses?: Status[];
}

/**
 * A cell of a `grid`: text, or a status cell that carries its status (for the colour) and the
 * status's label in words (so that it reads in black and white too) before its text.
 */
export interface GridCell {
  text: string;
  status?: AssessedStatus | undefined;
  label?: string | undefined;
}

/** The report as a sequence of blocks, laid out by the Markdown and HTML renderers alike. */
export type Block =
  | { kind: 'notice' | 'title' | 'subtitle' | 'p'; text: string }
  /** `newPage`: printed at the top of a page (the deviation report's areas, one page each like the seeds' slides). */
  | { kind: 'h2'; text: string; id: string; newPage?: boolean }
  | { kind: 'table'; head: Cell[]; rows: Cell[][]; statusColumn?: number }
  /** A table whose cells may each have a status colour (the deviation report's). */
  | {
      kind: 'grid';
      head: string[];
      rows: GridCell[][];
      className?: string;
      /** For a workbook: the sheet the grid gets to itself (without: the first sheet), and column widths in characters. */
      sheet?: string;
      widths?: number[];
    }
  | { kind: 'list'; items: string[] }
  | { kind: 'bars'; title: string; categoryHead: string; categories: string[]; series: BarSeries[] }
  | { kind: 'distribution'; title: string; counts: Record<AssessedStatus, number> };

export type TableBlock = Extract<Block, { kind: 'table' }>;
export type BarsBlock = Extract<Block, { kind: 'bars' }>;
export type DistributionBlock = Extract<Block, { kind: 'distribution' }>;

const STATUSES = ASSESSED_STATUSES;

function number(n: number | null, lang: Lang): string {
  if (n === null) return '–';
  return decimal(n.toFixed(1), lang);
}

/** A score as the report writes it: one decimal, a decimal comma in Swedish, – for none. */
export { number as formatNumber };

function change(d: number | null, lang: Lang): string {
  if (d === null) return '–';
  if (d === 0) return '→ 0';
  return `${d > 0 ? '↑ +' : '↓ −'}${number(Math.abs(d), lang)}`;
}

/** The annual report's content, in Swedish (or English with --lang en). */
export function reportDocument(catalog: Catalog, m: ReportModel, lang: Lang): Block[] {
  const l = msg(lang);
  const prev = m.previousYear;
  const status = (s: Status) => t(`status_${s}`, lang);
  const blocks: Block[] = [
    { kind: 'notice', text: confidentialityNotice(m.year, m.organisation, lang, l.report_word) },
    { kind: 'title', text: l.report_title(m.year) },
    { kind: 'subtitle', text: `${m.organisation}${prev ? l.report_comparedWith(prev) : ''}` },
  ];

  // Summary
  const stor = m.majorGaps.length;
  const actionCount = m.actionsByPriority.reduce((n, p) => n + p.total, 0);
  const p1 = m.actionsByPriority.find((p) => p.priority === 1)?.total ?? 0;
  const reviewText = reviewSummary(m.review, lang);
  const orgText = m.organisationReview ? reviewStateLabel(m.organisationReview, lang) : t('review_ej_påbörjad', lang);
  const evidenceText = l.report_evidence(m.evidence.withEvidence, m.evidence.answered, m.evidence.legalYesWithout);
  blocks.push(
    { kind: 'h2', id: 'sammanfattning', text: l.report_summary },
    { kind: 'p', text: l.report_summaryText(m.year, reviewText, orgText, stor, actionCount, p1, evidenceText) },
    {
      kind: 'table',
      head: [l.report_checklist, String(m.year), prev ? String(prev) : '', l.report_changeBoth, l.status, l.report_assessed],
      rows: m.totals.map(({ total, previous, delta }) => [
        checklistName(catalog, total.checklist, lang),
        number(total.score, lang),
        number(previous, lang),
        change(delta, lang),
        status(total.status),
        l.report_of(total.assessed, total.review.services),
      ]),
      statusColumn: 4,
    },
  );

  // DSO control points
  blocks.push(
    { kind: 'h2', id: 'kontrollpunkter', text: l.report_perControlPoint },
    {
      kind: 'bars',
      categoryHead: l.report_controlPoint,
      title: l.report_scorePerControlPoint(prev, m.year),
      categories: m.dso.map((d) => d.control),
      series: [
        ...(prev ? [{ label: String(prev), values: m.dso.map((d) => d.previous) }] : []),
        { label: String(m.year), values: m.dso.map((d) => d.score), statuses: m.dso.map((d) => d.status) },
      ],
    },
    {
      kind: 'table',
      head: [l.report_controlPoint, l.status, l.score, prev ? String(prev) : '', l.report_change, l.report_comments],
      rows: m.dso.map((d) => [
        controlName(catalog, d.checklist, d.control, lang),
        status(d.status),
        number(d.score, lang),
        number(d.previous, lang),
        change(d.delta, lang),
        d.comments.join('\n'),
      ]),
      statusColumn: 1,
    },
  );

  // IT security areas
  const areaName = (checklist: string, control: string) => controlName(catalog, checklist, control, lang);
  blocks.push(
    { kind: 'h2', id: 'it-sakerhet', text: l.report_itSecurity },
    {
      kind: 'bars',
      categoryHead: l.report_area,
      title: l.report_meanPerArea,
      categories: m.areas.map((a) => a.total.control),
      series: [
        ...(prev ? [{ label: String(prev), values: m.areas.map((a) => a.previous) }] : []),
        { label: String(m.year), values: m.areas.map((a) => a.total.score), statuses: m.areas.map((a) => a.total.status) },
      ],
    },
    {
      kind: 'table',
      head: [l.report_area, l.report_meanScore, prev ? String(prev) : '', l.report_change, l.status, l.report_servicesByStatus],
      rows: m.areas.map((a) => [
        areaName(a.total.checklist, a.total.control),
        number(a.total.score, lang),
        number(a.previous, lang),
        change(a.delta, lang),
        status(a.total.status),
        [...STATUSES, 'ej_bedomd' as const].map((s) => a.byStatus[s]).join(' / '),
      ]),
      statusColumn: 4,
    },
    {
      kind: 'distribution',
      title: l.report_statusOfAll,
      counts: STATUSES.reduce((acc, s) => ({ ...acc, [s]: m.areas.reduce((n, a) => n + a.byStatus[s], 0) + m.dso.filter((d) => d.status === s).length }), {} as Record<AssessedStatus, number>),
    },
  );

  // Framework coverage: the counts and what falls short; the full list per requirement is `efterlev coverage`.
  if (m.coverage.length > 0) {
    const shortfalls = m.coverage.flatMap((c) => c.shortfalls.map((s) => ({ c, s })));
    const partOnly = m.coverage.reduce((n, c) => n + c.partOnly, 0);
    // The organisation's questions together, then each service question with the service (or how many).
    const questions = (list: Shortfall['questions']) => {
      const org = list.filter((q) => q.services.includes(ORGANISATION_ID)).map((q) => q.question);
      const rest = list.map((q) => ({ ...q, services: q.services.filter((x) => x !== ORGANISATION_ID) })).filter((q) => q.services.length > 0);
      return [
        ...(org.length > 0 ? [`${org.join(', ')} (${l.report_theOrganisation})`] : []),
        ...rest.map((q) => `${q.question} (${q.services.length === 1 ? q.services[0] : l.report_nServices(q.services.length)})`),
      ].join('; ');
    };
    blocks.push(
      { kind: 'h2', id: 'ramverk', text: l.report_frameworks },
      { kind: 'p', text: l.report_frameworksText(m.year) },
      {
        kind: 'table',
        head: [l.report_framework, l.report_requirements, ...COVERAGE_RESULTS.map((r) => coverageLabel(r, lang))],
        rows: m.coverage.map((c) => [text(c.framework.name, lang), String(c.total), ...COVERAGE_RESULTS.map((r) => String(c.counts[r]))]),
      },
      shortfalls.length === 0
        ? { kind: 'p', text: l.report_noShortfall(partOnly) }
        : { kind: 'p', text: l.report_shortfalls(partOnly) },
      ...(shortfalls.length === 0
        ? []
        : [
            {
              kind: 'table' as const,
              head: [l.report_framework, l.report_requirement, l.report_result, l.report_questionsShort],
              rows: shortfalls.map(({ c, s }) => [
                c.framework.id,
                `${s.id} ${text(s.title, lang)}`,
                coverageLabel(s.result, lang),
                questions(s.questions),
              ]),
            },
          ]),
    );
  }

  // Major gaps
  blocks.push(
    { kind: 'h2', id: 'stora-brister', text: l.report_majorGaps },
    m.majorGaps.length === 0
      ? { kind: 'p', text: l.report_noMajorGaps }
      : {
          kind: 'list',
          items: m.majorGaps.map((g) => `${g.service} · ${areaName(g.checklist, g.control)}: ${text(g.gap.rule.rule.event.params.finding, lang)} ${l.report_action}: ${text(g.gap.rule.rule.event.params.action, lang)}`),
        },
  );

  // Handlingsplan
  blocks.push(
    { kind: 'h2', id: 'handlingsplan', text: l.report_actionPlan },
    {
      kind: 'table',
      head: [l.report_priority, l.report_actions, ...ACTION_STATUSES.map((s) => actionStatusLabel(s, lang))],
      rows: m.actionsByPriority.map((p) => [`P${p.priority}`, String(p.total), ...ACTION_STATUSES.map((s) => String(p.byStatus[s]))]),
    },
    { kind: 'p', text: l.report_fixFirst },
    { kind: 'list', items: m.topActions.map((a) => l.report_topAction(a.priority, a.id, whyText(a, lang), text(a.action, lang), a.owner ?? '–', a.due)) },
  );
  if (m.acceptedRisks.length > 0) {
    blocks.push(
      { kind: 'p', text: l.report_acceptedRisks },
      { kind: 'list', items: m.acceptedRisks.map((a) => l.report_acceptedRisk(a.id, text(a.finding, lang), a.followUp?.motivation ?? '', a.followUp?.acceptedBy ?? '')) },
    );
  }

  // Focus for next year
  blocks.push(
    { kind: 'h2', id: 'fokus', text: l.report_focus(m.year + 1) },
    m.focus.length === 0
      ? { kind: 'p', text: l.report_noFocus }
      : {
          kind: 'list',
          items: m.focus.map((f) => {
            const reasons = [
              f.red ? `${status('stor')} (${l.report_points(number(f.score, lang))})` : undefined,
              f.delta !== null && f.delta < 0 ? l.report_fell(change(f.delta, lang), prev) : undefined,
            ].filter(Boolean);
            return `${controlName(catalog, f.checklist, f.control, lang)}: ${reasons.join('; ')}`;
          }),
        },
  );

  // Observations
  blocks.push(
    { kind: 'h2', id: 'iakttagelser', text: l.report_observations },
    m.observations.length === 0
      ? { kind: 'p', text: l.report_noObservations }
      : { kind: 'list', items: m.observations.map((o) => `${o.text} (${o.by}, ${o.at.slice(0, 10)})`) },
  );
  return blocks;
}

/** The status a table cell names, for the cue beside the word; undefined for any other text. */
export function statusOfCell(cell: Cell, lang: Lang): Status | undefined {
  return [...STATUSES, 'ej_bedomd' as const].find((s) => t(`status_${s}`, lang) === cell);
}

/** A chart's figures as a small table, so they read without the picture (and as its alt text). */
export function chartFigures(b: BarsBlock | DistributionBlock, lang: Lang): TableBlock {
  const status = (s: Status | undefined) => (s === undefined ? '' : t(`status_${s}`, lang));
  if (b.kind === 'distribution') {
    return { kind: 'table', head: [t('status', lang), t('report_controls', lang)], rows: STATUSES.map((s) => [status(s), String(b.counts[s])]), statusColumn: 0 };
  }
  const current = b.series.find((s) => s.statuses !== undefined);
  return {
    kind: 'table',
    head: [b.categoryHead, ...b.series.map((s) => s.label), ...(current ? [t('status', lang)] : [])],
    rows: b.categories.map((c, ci) => [c, ...b.series.map((s) => number(s.values[ci] ?? null, lang)), ...(current ? [status(current.statuses?.[ci])] : [])]),
    ...(current ? { statusColumn: b.series.length + 1 } : {}),
  };
}

/** The words around the page number in a printed page's footer: "Sida 2 av 7". */
export function pageWords(lang: Lang): { page: string; of: string } {
  return { page: t('report_page', lang), of: t('report_pageOf', lang) };
}
