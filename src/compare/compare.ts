import type { AnswerValue } from '../catalog/values.js';
import type { Status } from '../engine/score.js';
import { totals, type ChecklistTotal } from '../engine/assess.js';
import { gapIds } from '../plan/actions.js';
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

export interface Comparison {
  from: number;
  to: number;
  controls: ControlChange[];
  totals: { checklist: string; from: ChecklistTotal | undefined; to: ChecklistTotal | undefined }[];
  serviceTotals: { service: string; checklist: string; from: number | null; to: number | null; delta: number | null }[];
  newGaps: string[];
  resolvedGaps: string[];
  persistentGaps: string[];
  services: { added: string[]; removed: string[] };
  answers: AnswerChangeDetail[];
}

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : Math.round((b - a) * 10) / 10;

/** A service takes part in a year when it has answers that year. */
const present = (a: Assessed): boolean => Object.keys(a.input.answers).length > 0;

/** Year-on-year change per service and control, gaps new, resolved and persistent, changed answers. */
export function compareYears(fromYear: number, fromList: readonly Assessed[], toYear: number, toList: readonly Assessed[]): Comparison {
  const before = new Map(fromList.filter(present).map((a) => [a.service.id, a]));
  const after = new Map(toList.filter(present).map((a) => [a.service.id, a]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const order = new Map([...fromList, ...toList].map((a, i) => [a.service.id, i]));
  ids.sort((a, b) => order.get(a)! - order.get(b)!);

  const controls: ControlChange[] = [];
  const serviceTotals: Comparison['serviceTotals'] = [];
  for (const id of ids) {
    const a = before.get(id)?.result;
    const b = after.get(id)?.result;
    const checklists = [...new Set([...(a?.checklists ?? []), ...(b?.checklists ?? [])].map((c) => c.checklist))];
    for (const checklist of checklists) {
      const ca = a?.checklists.find((c) => c.checklist === checklist);
      const cb = b?.checklists.find((c) => c.checklist === checklist);
      serviceTotals.push({ service: id, checklist, from: ca?.score ?? null, to: cb?.score ?? null, delta: delta(ca?.score, cb?.score) });
      const controlIds = [...new Set([...(ca?.controls ?? []), ...(cb?.controls ?? [])].map((k) => k.control))];
      for (const control of controlIds) {
        const ka = ca?.controls.find((k) => k.control === control);
        const kb = cb?.controls.find((k) => k.control === control);
        controls.push({
          service: id,
          checklist,
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

  const gapsBefore = gapIds([...before.values()]);
  const gapsAfter = gapIds([...after.values()]);
  const totalsBefore = totals([...before.values()].map((a) => a.result));
  const totalsAfter = totals([...after.values()].map((a) => a.result));
  const checklists = [...new Set([...totalsBefore, ...totalsAfter].map((t) => t.checklist))];

  const answers: AnswerChangeDetail[] = [];
  for (const id of ids) {
    const a = before.get(id)?.input.answers ?? {};
    const b = after.get(id)?.input.answers ?? {};
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

  return {
    from: fromYear,
    to: toYear,
    controls,
    totals: checklists.map((checklist) => ({ checklist, from: totalsBefore.find((t) => t.checklist === checklist), to: totalsAfter.find((t) => t.checklist === checklist) })),
    serviceTotals,
    newGaps: [...gapsAfter].filter((g) => !gapsBefore.has(g)).sort(),
    resolvedGaps: [...gapsBefore].filter((g) => !gapsAfter.has(g)).sort(),
    persistentGaps: [...gapsAfter].filter((g) => gapsBefore.has(g)).sort(),
    services: { added: ids.filter((id) => !before.has(id)), removed: ids.filter((id) => !after.has(id)) },
    answers,
  };
}

export interface Trend {
  years: number[];
  controls: { checklist: string; control: string; scores: (number | null)[] }[];
}

/** Every control's organisation score (mean over services) year by year. */
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
