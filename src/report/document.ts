import type { Catalog } from '../catalog/load.js';
import { ASSESSED_STATUSES, type AssessedStatus, type Status } from '../engine/score.js';
import { actionStatusLabel } from '../ui/actions.js';
import { whyText } from '../plan/actions.js';
import { ACTION_STATUSES } from '../plan/schema.js';
import { reviewStateLabel, reviewSummary, t, text, type Lang } from '../ui/i18n.js';
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
  return lang === 'sv' ? n.toFixed(1).replace('.', ',') : n.toFixed(1);
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
  const sv = lang === 'sv';
  const prev = m.previousYear;
  const status = (s: Status) => t(`status_${s}`, lang);
  const blocks: Block[] = [
    { kind: 'notice', text: confidentialityNotice(m.year, m.organisation, lang).replace(/handlingsplan|action plan/, sv ? 'årsrapport' : 'annual report') },
    { kind: 'title', text: sv ? `Efterlevnadskontroll och dataskyddsombudets kontrollpunkter ${m.year}` : `Compliance review and data protection officer's control points ${m.year}` },
    { kind: 'subtitle', text: `${m.organisation}${prev ? (sv ? ` · jämfört med ${prev}` : ` · compared with ${prev}`) : ''}` },
  ];

  // Summary
  const stor = m.majorGaps.length;
  const actionCount = m.actionsByPriority.reduce((n, p) => n + p.total, 0);
  const p1 = m.actionsByPriority.find((p) => p.priority === 1)?.total ?? 0;
  const reviewText = reviewSummary(m.review, lang);
  const orgText = m.organisationReview ? reviewStateLabel(m.organisationReview, lang) : t('review_ej_påbörjad', lang);
  const evidenceText = sv
    ? `${m.evidence.withEvidence} av ${m.evidence.answered} svar anger underlag${m.evidence.legalYesWithout > 0 ? `; ${m.evidence.legalYesWithout} lagkrav är besvarade Ja utan underlag` : ''}.`
    : `${m.evidence.withEvidence} of ${m.evidence.answered} answers name their evidence${m.evidence.legalYesWithout > 0 ? `; ${m.evidence.legalYesWithout} legal requirements are answered Yes without evidence` : ''}.`;
  blocks.push(
    { kind: 'h2', id: 'sammanfattning', text: sv ? 'Sammanfattning' : 'Summary' },
    {
      kind: 'p',
      text: sv
        ? `Granskningen ${m.year}: IT-tjänsterna ${reviewText}; organisationens kontrollpunkter: ${orgText}. Poäng och status avser det som har bedömts; obesvarade frågor räknas inte. Granskningen fann ${stor} stora brister; handlingsplanen har ${actionCount} åtgärder, varav ${p1} med prioritet 1. ${evidenceText}`
        : `The ${m.year} review: IT services ${reviewText}; the organisation's control points: ${orgText}. Scores and statuses cover what has been assessed; unanswered questions are not counted. The review found ${stor} major gaps; the action plan has ${actionCount} actions, ${p1} of them priority 1. ${evidenceText}`,
    },
    {
      kind: 'table',
      head: [sv ? 'Checklista' : 'Checklist', String(m.year), prev ? String(prev) : '', sv ? 'Förändring (granskade båda åren)' : 'Change (assessed both years)', 'Status', sv ? 'Bedömda' : 'Assessed'],
      rows: m.totals.map(({ total, previous, delta }) => [
        checklistName(catalog, total.checklist, lang),
        number(total.score, lang),
        number(previous, lang),
        change(delta, lang),
        status(total.status),
        `${total.assessed} ${sv ? 'av' : 'of'} ${total.review.services}`,
      ]),
      statusColumn: 4,
    },
  );

  // DSO control points
  blocks.push(
    { kind: 'h2', id: 'kontrollpunkter', text: sv ? 'Resultat per kontrollpunkt' : 'Result per control point' },
    {
      kind: 'bars',
      categoryHead: sv ? 'Kontrollpunkt' : 'Control point',
      title: sv ? `Poäng per kontrollpunkt${prev ? `, ${prev} och ${m.year}` : ''}` : `Score per control point${prev ? `, ${prev} and ${m.year}` : ''}`,
      categories: m.dso.map((d) => d.control),
      series: [
        ...(prev ? [{ label: String(prev), values: m.dso.map((d) => d.previous) }] : []),
        { label: String(m.year), values: m.dso.map((d) => d.score), statuses: m.dso.map((d) => d.status) },
      ],
    },
    {
      kind: 'table',
      head: [sv ? 'Kontrollpunkt' : 'Control point', 'Status', sv ? 'Poäng' : 'Score', prev ? String(prev) : '', sv ? 'Förändring' : 'Change', sv ? 'Kommentarer' : 'Comments'],
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
    { kind: 'h2', id: 'it-sakerhet', text: sv ? 'IT-säkerhet per kontrollområde' : 'IT security per control area' },
    {
      kind: 'bars',
      categoryHead: sv ? 'Område' : 'Area',
      title: sv ? 'Medelpoäng över tjänsterna per område' : 'Mean score across services per area',
      categories: m.areas.map((a) => a.total.control),
      series: [
        ...(prev ? [{ label: String(prev), values: m.areas.map((a) => a.previous) }] : []),
        { label: String(m.year), values: m.areas.map((a) => a.total.score), statuses: m.areas.map((a) => a.total.status) },
      ],
    },
    {
      kind: 'table',
      head: [
        sv ? 'Område' : 'Area',
        sv ? 'Medelpoäng' : 'Mean score',
        prev ? String(prev) : '',
        sv ? 'Förändring' : 'Change',
        'Status',
        sv ? 'Tjänster: enligt plan / mellan / stor / ej bedömd' : 'Services: on track / medium / major / not assessed',
      ],
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
      title: sv ? 'Status för alla kontroller i alla tjänster' : 'Status of every control in every service',
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
        ...(org.length > 0 ? [`${org.join(', ')} (${sv ? 'organisationen' : 'the organisation'})`] : []),
        ...rest.map((q) => `${q.question} (${q.services.length === 1 ? q.services[0] : sv ? `${q.services.length} tjänster` : `${q.services.length} services`})`),
      ].join('; ');
    };
    blocks.push(
      { kind: 'h2', id: 'ramverk', text: sv ? 'Täckning mot ramverk' : 'Framework coverage' },
      {
        kind: 'p',
        text: sv
          ? `Hur årets svar visar ramverkens krav uppfyllda, genom frågornas koppling till kraven (checklists/mappings). Uppfyllt: varje svar är det bästa och minst en fråga täcker hela kravet. Ej täckt: ingen fråga i katalogen ger underlag, en brist i katalogen snarare än i svaren. Hela listan per krav: efterlev coverage --year ${m.year} --framework ID.`
          : `How this year's answers show the frameworks' requirements met, through the questions' mapping to the requirements (checklists/mappings). Met: every answer is the best one and at least one question covers the whole requirement. Not covered: no question in the catalogue gives evidence, a gap in the catalogue rather than in the answers. The full list per requirement: efterlev coverage --year ${m.year} --framework ID.`,
      },
      {
        kind: 'table',
        head: [sv ? 'Ramverk' : 'Framework', sv ? 'Krav' : 'Requirements', ...COVERAGE_RESULTS.map((r) => coverageLabel(r, lang))],
        rows: m.coverage.map((c) => [text(c.framework.name, lang), String(c.total), ...COVERAGE_RESULTS.map((r) => String(c.counts[r]))]),
      },
      shortfalls.length === 0
        ? { kind: 'p', text: sv ? `Inget krav brister i svaren${partOnly > 0 ? `; ${partOnly} är delvis uppfyllda bara för att frågorna täcker en del av dem` : ''}.` : `No requirement falls short in the answers${partOnly > 0 ? `; ${partOnly} are partly met only because the questions cover part of them` : ''}.` }
        : {
            kind: 'p',
            text: sv
              ? `Krav som svaren visar ej uppfyllda eller delvis uppfyllda, med frågorna vars svar brister${partOnly > 0 ? ` (ytterligare ${partOnly} krav är delvis uppfyllda bara för att frågorna täcker en del av dem)` : ''}:`
              : `Requirements the answers show not met or partly met, with the questions whose answers fall short${partOnly > 0 ? ` (a further ${partOnly} are partly met only because the questions cover part of them)` : ''}:`,
          },
      ...(shortfalls.length === 0
        ? []
        : [
            {
              kind: 'table' as const,
              head: [sv ? 'Ramverk' : 'Framework', sv ? 'Krav' : 'Requirement', sv ? 'Resultat' : 'Result', sv ? 'Frågor med brist' : 'Questions falling short'],
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
    { kind: 'h2', id: 'stora-brister', text: sv ? 'Stora brister' : 'Major gaps' },
    m.majorGaps.length === 0
      ? { kind: 'p', text: sv ? 'Inga stora brister.' : 'No major gaps.' }
      : {
          kind: 'list',
          items: m.majorGaps.map((g) => `${g.service} · ${areaName(g.checklist, g.control)}: ${text(g.gap.rule.rule.event.params.finding, lang)} ${sv ? 'Åtgärd' : 'Action'}: ${text(g.gap.rule.rule.event.params.action, lang)}`),
        },
  );

  // Handlingsplan
  blocks.push(
    { kind: 'h2', id: 'handlingsplan', text: sv ? 'Handlingsplanen' : 'Action plan' },
    {
      kind: 'table',
      head: [sv ? 'Prioritet' : 'Priority', sv ? 'Åtgärder' : 'Actions', ...ACTION_STATUSES.map((s) => actionStatusLabel(s, lang))],
      rows: m.actionsByPriority.map((p) => [`P${p.priority}`, String(p.total), ...ACTION_STATUSES.map((s) => String(p.byStatus[s]))]),
    },
    { kind: 'p', text: sv ? 'Åtgärda först:' : 'Fix first:' },
    { kind: 'list', items: m.topActions.map((a) => `P${a.priority} ${a.id} (${whyText(a, lang)}): ${text(a.action, lang)} ${sv ? 'Ansvarig' : 'Owner'}: ${a.owner ?? '–'}, ${sv ? 'klart senast' : 'due'} ${a.due}.`) },
  );
  if (m.acceptedRisks.length > 0) {
    blocks.push(
      { kind: 'p', text: sv ? 'Accepterade risker:' : 'Accepted risks:' },
      { kind: 'list', items: m.acceptedRisks.map((a) => `${a.id}: ${text(a.finding, lang)} ${sv ? 'Motivering' : 'Motivation'}: ${a.followUp?.motivation ?? ''} (${a.followUp?.acceptedBy ?? ''})`) },
    );
  }

  // Focus for next year
  blocks.push(
    { kind: 'h2', id: 'fokus', text: sv ? `Rekommenderade fokuskontrollpunkter ${m.year + 1}` : `Recommended focus control points ${m.year + 1}` },
    m.focus.length === 0
      ? { kind: 'p', text: sv ? 'Inga kontrollpunkter är röda eller försämrade.' : 'No control point is red or falling.' }
      : {
          kind: 'list',
          items: m.focus.map((f) => {
            const reasons = [
              f.red ? `${status('stor')} (${number(f.score, lang)} ${sv ? 'poäng' : 'points'})` : undefined,
              f.delta !== null && f.delta < 0 ? `${sv ? 'försämring' : 'fell'} ${change(f.delta, lang)} ${sv ? 'sedan' : 'since'} ${prev}` : undefined,
            ].filter(Boolean);
            return `${controlName(catalog, f.checklist, f.control, lang)}: ${reasons.join('; ')}`;
          }),
        },
  );

  // Observations
  blocks.push(
    { kind: 'h2', id: 'iakttagelser', text: sv ? 'Särskilda iakttagelser' : 'Special observations' },
    m.observations.length === 0
      ? { kind: 'p', text: sv ? 'Inga särskilda iakttagelser har registrerats.' : 'No special observations were recorded.' }
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
    return { kind: 'table', head: ['Status', lang === 'sv' ? 'Antal kontroller' : 'Controls'], rows: STATUSES.map((s) => [status(s), String(b.counts[s])]), statusColumn: 0 };
  }
  const current = b.series.find((s) => s.statuses !== undefined);
  return {
    kind: 'table',
    head: [b.categoryHead, ...b.series.map((s) => s.label), ...(current ? ['Status'] : [])],
    rows: b.categories.map((c, ci) => [c, ...b.series.map((s) => number(s.values[ci] ?? null, lang)), ...(current ? [status(current.statuses?.[ci])] : [])]),
    ...(current ? { statusColumn: b.series.length + 1 } : {}),
  };
}

/** The words around the page number in a printed page's footer: "Sida 2 av 7". */
export function pageWords(lang: Lang): { page: string; of: string } {
  return lang === 'sv' ? { page: 'Sida', of: 'av' } : { page: 'Page', of: 'of' };
}
