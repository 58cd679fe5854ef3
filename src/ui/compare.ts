import type { FirstSeen } from '../plan/actions.js';
import chalk from 'chalk';
import type { Catalog } from '../catalog/load.js';
import type { Comparison, Trend } from '../compare/compare.js';
import type { Status } from '../engine/score.js';
import type { RegisteredService } from '../store/register.js';
import { msg, statusAnswerLabel, t, type Lang } from './i18n.js';
import { grid, gridParts, terminalWidth, wrap } from './layout.js';
import { checklistName, controlName } from './score.js';
import { bold, dim, formatDelta, formatScore, sparkline } from './style.js';

export function compareJson(c: Comparison, firstSeen: Pick<FirstSeen, 'get'>, details: boolean) {
  return {
    from: c.from,
    to: c.to,
    controls: c.controls,
    totals: c.totals.map((x) => ({ checklist: x.checklist, from: x.from?.score ?? null, to: x.to?.score ?? null, delta: x.delta, services: x.services, statusFrom: x.from?.status ?? null, statusTo: x.to?.status ?? null })),
    serviceTotals: c.serviceTotals,
    newGaps: c.newGaps,
    resolvedGaps: c.resolvedGaps,
    persistentGaps: c.persistentGaps,
    notYetAssessedGaps: c.notYetAssessedGaps,
    removedGaps: c.removedGaps,
    firstSeen: Object.fromEntries(c.persistentGaps.map((g) => [g, firstSeen.get(g) ?? c.from])),
    services: c.services,
    ...(details ? { answers: c.answers } : {}),
  };
}

const STATUS_COLOR: Record<Status, (s: string) => string> = { enligt_plan: chalk.green, mellan: chalk.yellow, stor: chalk.red, ej_bedomd: chalk.dim };
const statusText = (s: Status | null, lang: Lang): string => (s === null ? dim('–') : STATUS_COLOR[s](t(`statusShort_${s}`, lang)));

function statusChange(a: Status | null, b: Status | null, lang: Lang): string {
  return a === b ? statusText(b, lang) : `${statusText(a, lang)} → ${statusText(b, lang)}`;
}

/**
 * The comparison of two years for a person, in pieces that joined by line breaks are its text,
 * made as they are printed: a city's comparison is 24 MB of text, never held whole.
 */
export function* renderCompareParts(catalog: Catalog, services: readonly RegisteredService[], c: Comparison, firstSeen: Pick<FirstSeen, 'get'>, details: boolean, lang: Lang, width = terminalWidth()): Generator<string> {
  const names = new Map<string, string>();
  for (const s of services) if (!names.has(s.id)) names.set(s.id, s.name);
  const nameOf = (id: string) => names.get(id) ?? id;
  const l = msg(lang);
  yield bold(`${l.cmp_title} ${c.from} → ${c.to}`);
  yield '';

  const totalsHead = [l.cmp_checklistOrg, String(c.from), String(c.to), l.report_change, l.status, l.cmp_over];
  const totals: string[][] = [];
  for (const x of c.totals) {
    totals.push([
      checklistName(catalog, x.checklist, lang),
      formatScore(x.from?.score ?? null, lang),
      formatScore(x.to?.score ?? null, lang),
      x.delta === null ? '' : formatDelta(x.delta, lang),
      statusChange(x.from?.status ?? null, x.to?.status ?? null, lang),
      l.cmp_services(x.services),
    ]);
  }
  yield grid(totalsHead, totals, { width, columns: [{ fit: 'text', min: 16 }, { fit: 'keep' }, { fit: 'keep' }, { fit: 'keep' }] });
  yield dim(wrap(l.cmp_changesOver(c.services.both.length), width));
  yield '';

  // Made as the table takes them, twice (to measure, then to draw): a city's 100,000 rows are never held.
  const rows: Iterable<string[]> = {
    *[Symbol.iterator]() {
      let previous = '';
      for (const k of c.controls) {
        yield [
          k.service === previous ? '' : nameOf(k.service),
          controlName(catalog, k.checklist, k.control, lang),
          formatScore(k.from, lang),
          formatScore(k.to, lang),
          k.delta === null ? '' : formatDelta(k.delta, lang),
          statusChange(k.statusFrom, k.statusTo, lang),
        ];
        previous = k.service;
      }
    },
  };
  yield* gridParts([t('service', lang), t('control', lang), String(c.from), String(c.to), l.report_change, l.status], rows, {
    width,
    columns: [{ fit: 'text', min: 14 }, { fit: 'text', min: 16 }, { fit: 'keep' }, { fit: 'keep' }, { fit: 'keep' }],
    groupByFirst: true,
  });

  const line = (s: string) => wrap(s, width, { hanging: '  ' });
  if (c.services.added.length > 0) yield line(`${l.cmp_added(c.to)}: ${c.services.added.map(nameOf).join(', ')}`);
  if (c.services.pending.length > 0) yield line(`${l.cmp_pending(c.to)}: ${c.services.pending.map(nameOf).join(', ')}`);
  if (c.services.removed.length > 0) yield line(`${l.cmp_removed(c.to)}: ${c.services.removed.map(nameOf).join(', ')}`);

  // Ids whole: each on its own line, what follows it wrapped beneath.
  function* list(title: string, ids: readonly string[], suffix: (id: string) => string = () => ''): Generator<string> {
    yield '';
    yield bold(`${title}: ${ids.length}`);
    for (const id of ids) yield wrap(`  ${id}${suffix(id)}`, width, { hanging: '    ' });
  }
  yield* list(l.cmp_newGaps(c.to), c.newGaps);
  yield* list(l.cmp_resolved(c.from), c.resolvedGaps);
  yield* list(l.cmp_persistent, c.persistentGaps, (id) => dim(` (${l.cmp_since(firstSeen.get(id) ?? c.from)})`));
  if (c.notYetAssessedGaps.length > 0) yield* list(l.cmp_notYetAssessed(c.to), c.notYetAssessedGaps);
  if (c.removedGaps.length > 0) yield* list(l.cmp_withRemoved, c.removedGaps);

  if (details) {
    yield '';
    yield bold(`${l.cmp_changedAnswers}: ${c.answers.length}`);
    for (const a of c.answers) {
      const v = (x: typeof a.from) => (x === null ? dim('–') : `${statusAnswerLabel(String(x.value), lang)}${x.comment ? dim(` '${x.comment}'`) : ''}`);
      yield wrap(`  ${nameOf(a.service)} ${a.question}: ${v(a.from)} → ${v(a.to)}`, width, { hanging: '    ' });
    }
  } else if (c.changedAnswers > 0) {
    yield '';
    yield dim(l.cmp_showDetails(c.changedAnswers));
  }
}

export function renderTrend(catalog: Catalog, trend: Trend, lang: Lang, width = terminalWidth()): string {
  const rows = trend.controls.map((c) => [controlName(catalog, c.checklist, c.control, lang), ...c.scores.map((s) => formatScore(s, lang)), sparkline(c.scores)]);
  const head = [t('control', lang), ...trend.years.map(String), 'Trend'];
  const table = grid(head, rows, { width, columns: [{ fit: 'text', min: 16 }, ...trend.years.map(() => ({ fit: 'keep' as const })), { fit: 'keep' }] });
  return `${bold(`Trend ${trend.years[0]}–${trend.years.at(-1)}`)}\n${table}`;
}
