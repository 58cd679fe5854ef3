import { m } from '../ui/i18n.js';
import type { FollowUp, PlanFile } from '../plan/schema.js';
import { byTime, cannotMerge, decide, keysOf, laterFirst, shortMoment, unite, type Merged, type Notes } from './core.js';

type PlanHistoryEntry = PlanFile['history'][number];

const shownFollowUp = (f: FollowUp): string => `${f.status} (${f.by}, ${shortMoment(f.at)})`;

/**
 * Merges a year's handlingsplan per action, by the same rules as the answers: one side's change
 * is taken; followed up differently on both sides, the later follow-up (by `at`) is current and
 * the other goes to the history as it was; removed on one side and changed on the other, the
 * changed one stays. The histories are united.
 */
export function mergePlans(base: PlanFile | undefined, ours: PlanFile, theirs: PlanFile): Merged<PlanFile> {
  if (ours.year !== theirs.year || (base !== undefined && base.year !== ours.year)) {
    return cannotMerge(m().gm_differentYears(ours.year, theirs.year, base?.year));
  }
  const notes: Notes = [];
  const actions: Record<string, FollowUp> = {};
  const losers: PlanHistoryEntry[] = [];
  for (const action of keysOf(base?.actions, ours.actions, theirs.actions)) {
    const d = decide(base?.actions[action], ours.actions[action], theirs.actions[action]);
    if (d.kind === 'kept') {
      if (d.value !== undefined) actions[action] = d.value;
    } else if (d.kind === 'changed-over-removed') {
      actions[action] = d.value;
      notes.push(m().gm_followUpRemovedChanged(action, d.removedBy === 'ours' ? m().gm_our : m().gm_their));
    } else {
      const [winner, loser] = laterFirst(d.ours, d.theirs) <= 0 ? [d.ours, d.theirs] : [d.theirs, d.ours];
      actions[action] = winner;
      losers.push({ action, entry: loser });
      notes.push(m().gm_followUpBoth(action, shownFollowUp(winner), shownFollowUp(loser)));
    }
  }
  const history = unite(
    base?.history ?? [],
    ours.history,
    theirs.history,
    byTime((h) => h.entry.at, (h) => h.action),
    losers,
  );
  return { ok: true, value: { year: ours.year, actions, history }, notes };
}
