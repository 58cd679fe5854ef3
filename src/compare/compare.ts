import type { Catalog } from '../catalog/load.js';
import type { AnswerValue } from '../catalog/values.js';
import { rowValue } from '../store/answer-row.js';
import type { Status } from '../engine/score.js';
import { summarize, type ChecklistTotal, type Gap, type ServiceResult, type Totals } from '../engine/assess.js';
import { actionId } from '../plan/actions.js';
import type { Assessed } from '../review.js';
import { compareIds } from '../store/canonical.js';

export interface ControlChange {
  service: string;
  checklist: string;
  control: string;
  from: number | null;
  to: number | null;
  delta: number | null;
  statusFrom: Status | null;
  statusTo: Status | null;
}

export interface AnswerChangeDetail {
  service: string;
  question: string;
  from: { value: AnswerValue; comment?: string | undefined } | null;
  to: { value: AnswerValue; comment?: string | undefined } | null;
}

/**
 * How a service takes part in a comparison of two years. Only `both` enters the deltas.
 * - both: assessed (at least one answer) in both years
 * - added: assessed in the later year only
 * - pending: assessed in the earlier year, still in the register, not reviewed in the later year yet
 * - removed: assessed in the earlier year, no longer in the later year's register (retired)
 */
export type Participation = 'both' | 'added' | 'pending' | 'removed';

export interface ChecklistChange {
  checklist: string;
  /** Over the services assessed in both years. */
  from: ChecklistTotal | undefined;
  to: ChecklistTotal | undefined;
  delta: number | null;
  /** Services in the delta. */
  services: number;
}

export interface Comparison {
  from: number;
  to: number;
  controls: ControlChange[];
  totals: ChecklistChange[];
  serviceTotals: { service: string; checklist: string; from: number | null; to: number | null; delta: number | null }[];
  newGaps: string[];
  /** Gaps of the earlier year that the later year's answers no longer give. */
  resolvedGaps: string[];
  persistentGaps: string[];
  /** Gaps of the earlier year not assessed again yet: the service, or the questions the rule reads, are not answered this year. */
  notYetAssessedGaps: string[];
  /** Gaps of services that left the register. */
  removedGaps: string[];
  services: Record<Participation, string[]>;
  /** Every changed answer; empty when compareYears was asked for the count alone (`details: false`). */
  answers: AnswerChangeDetail[];
  /** How many answers changed. */
  changedAnswers: number;
}

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : Math.round((b - a) * 10) / 10;

/** A service takes part in a year when it has answers that year. */
export const isAssessed = (a: Assessed): boolean => a.result.review.state !== 'ej_påbörjad';

/**
 * Each service's gaps by rule name (the catalogue's own strings): a city's 240,000 gaps a year
 * are told apart without an id string made for each.
 */
function gapsOf(list: readonly Assessed[]): Map<string, Map<string, Gap>> {
  const out = new Map<string, Map<string, Gap>>();
  for (const a of list) {
    const rules = new Map<string, Gap>();
    for (const c of a.result.checklists) for (const k of c.controls) for (const g of k.gaps) rules.set(g.rule.rule.name, g);
    out.set(a.service.id, rules);
  }
  return out;
}

/**
 * The organisation's totals of two years over the services assessed in both: the change in a
 * figure is never the result of who has been reviewed so far.
 */
export function commonTotals(fromList: readonly ServiceResult[], toList: readonly ServiceResult[]): { from: Totals; to: Totals; services: number } {
  const assessed = (r: ServiceResult) => r.review.state !== 'ej_påbörjad';
  const before = new Set(fromList.filter(assessed).map((r) => r.service));
  const common = new Set(toList.filter(assessed).map((r) => r.service).filter((id) => before.has(id)));
  return { from: summarize(fromList.filter((r) => common.has(r.service))), to: summarize(toList.filter((r) => common.has(r.service))), services: common.size };
}

/**
 * Year-on-year change per service and control over the services assessed in both years; gaps new,
 * resolved, persistent, not yet assessed again, and of removed services; changed answers.
 * `inLaterRegister` says which services the later year's register holds.
 */
export function compareYears(catalog: Catalog, fromYear: number, fromList: readonly Assessed[], toYear: number, toList: readonly Assessed[], inLaterRegister: ReadonlySet<string>, options: { details?: boolean } = {}): Comparison {
  const before = new Map(fromList.filter(isAssessed).map((a) => [a.service.id, a]));
  const after = new Map(toList.filter(isAssessed).map((a) => [a.service.id, a]));
  const order = new Map([...fromList, ...toList].map((a, i) => [a.service.id, i]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => order.get(a)! - order.get(b)!);
  const participation = (id: string): Participation =>
    before.has(id) && after.has(id) ? 'both' : after.has(id) ? 'added' : inLaterRegister.has(id) ? 'pending' : 'removed';
  const both = ids.filter((id) => participation(id) === 'both');

  const controls: ControlChange[] = [];
  const serviceTotals: Comparison['serviceTotals'] = [];
  for (const id of both) {
    const a = before.get(id)!.result;
    const b = after.get(id)!.result;
    for (const cb of b.checklists) {
      const ca = a.checklists.find((c) => c.checklist === cb.checklist);
      serviceTotals.push({ service: id, checklist: cb.checklist, from: ca?.score ?? null, to: cb.score, delta: delta(ca?.score, cb.score) });
      const controlIds = [...new Set([...(ca?.controls ?? []), ...cb.controls].map((k) => k.control))];
      for (const control of controlIds) {
        const ka = ca?.controls.find((k) => k.control === control);
        const kb = cb.controls.find((k) => k.control === control);
        controls.push({
          service: id,
          checklist: cb.checklist,
          control,
          from: ka?.score ?? null,
          to: kb?.score ?? null,
          delta: delta(ka?.score, kb?.score),
          statusFrom: ka?.status ?? null,
          statusTo: kb?.status ?? null,
        });
      }
    }
  }

  const gapsBefore = gapsOf([...before.values()]);
  const gapsAfter = gapsOf([...after.values()]);
  const newGaps: string[] = [];
  const persistentGaps: string[] = [];
  const resolvedGaps: string[] = [];
  const notYetAssessedGaps: string[] = [];
  const removedGaps: string[] = [];
  for (const [service, rules] of gapsAfter) {
    const earlier = gapsBefore.get(service);
    for (const rule of rules.keys()) (earlier?.has(rule) ? persistentGaps : newGaps).push(actionId(service, rule));
  }
  for (const [service, rules] of gapsBefore) {
    const later = gapsAfter.get(service);
    const p = participation(service);
    for (const [rule, gap] of rules) {
      if (later?.has(rule)) continue;
      const id = actionId(service, rule);
      if (p === 'removed') removedGaps.push(id);
      else if (p === 'pending') notYetAssessedGaps.push(id);
      else {
        // Resolved only when the questions the rule reads are answered this year: silence is not a fix.
        const { values } = after.get(service)!;
        (gap.rule.questions.every((q) => rowValue(catalog, service, values, q) !== undefined) ? resolvedGaps : notYetAssessedGaps).push(id);
      }
    }
  }

  const common = commonTotals(
    [...before.values()].map((a) => a.result),
    [...after.values()].map((a) => a.result),
  );
  const checklists = [...new Set([...common.from.checklists, ...common.to.checklists].map((t) => t.checklist))];

  const answers: AnswerChangeDetail[] = [];
  let changedAnswers = 0;
  for (const id of both) {
    const x = before.get(id)!.values;
    const y = after.get(id)!.values;
    let changed = 0;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) changed++;
    changedAnswers += changed;
    // A city's comparison without --details needs the count, not 400,000 changes: the answers
    // with their comments are read again only for the services with a change, and only then.
    if (options.details === false || changed === 0) continue;
    const a = before.get(id)!.readInput().answers;
    const b = after.get(id)!.readInput().answers;
    for (const q of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareIds)) {
      const x = a[q] as { value: AnswerValue; comment?: string } | undefined;
      const y = b[q] as { value: AnswerValue; comment?: string } | undefined;
      if (x?.value === y?.value) continue;
      answers.push({
        service: id,
        question: q,
        from: x === undefined ? null : { value: x.value, comment: x.comment },
        to: y === undefined ? null : { value: y.value, comment: y.comment },
      });
    }
  }

  const byParticipation = (p: Participation) => ids.filter((id) => participation(id) === p);
  return {
    from: fromYear,
    to: toYear,
    controls,
    totals: checklists.map((checklist) => {
      const from = common.from.checklists.find((t) => t.checklist === checklist);
      const to = common.to.checklists.find((t) => t.checklist === checklist);
      return { checklist, from, to, delta: delta(from?.score, to?.score), services: to?.assessed ?? 0 };
    }),
    serviceTotals,
    newGaps: newGaps.sort(),
    resolvedGaps: resolvedGaps.sort(),
    persistentGaps: persistentGaps.sort(),
    notYetAssessedGaps: notYetAssessedGaps.sort(),
    removedGaps: removedGaps.sort(),
    services: { both: byParticipation('both'), added: byParticipation('added'), pending: byParticipation('pending'), removed: byParticipation('removed') },
    answers,
    changedAnswers,
  };
}

export interface Trend {
  years: number[];
  controls: { checklist: string; control: string; scores: (number | null)[] }[];
}

/** Every control's organisation score (mean over the services assessed) year by year. */
export function trendOf(years: readonly number[], perYear: readonly { control: string; checklist: string; score: number | null }[][]): Trend {
  const keys: { checklist: string; control: string }[] = [];
  for (const list of perYear) for (const c of list) if (!keys.some((k) => k.checklist === c.checklist && k.control === c.control)) keys.push(c);
  return {
    years: [...years],
    controls: keys.map((k) => ({
      ...k,
      scores: perYear.map((list) => list.find((c) => c.checklist === k.checklist && c.control === k.control)?.score ?? null),
    })),
  };
}
