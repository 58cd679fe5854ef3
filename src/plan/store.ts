import { m as tr } from '../ui/i18n.js';
import { join } from 'node:path';
import { now as clockNow } from '../clock.js';
import { parseJsonText, readTextFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { sortedRecord, stringify } from '../store/canonical.js';
import { openDocument } from '../store/adapter.js';
import { transact } from '../store/transaction.js';
import type { Workspace } from '../store/workspace.js';
import { InvalidInputError, StoppedError } from '../errors.js';
import { PlanFile, type FollowUp } from './schema.js';
import { movedActionId, type Migration } from '../catalog/migration.js';

/** The handlingsplan's follow-up lives beside the answers, one file a year: answers/plan/<year>.json. */
export function planFilePath(ws: Workspace, year: number): string {
  return join(ws.answersDir, 'plan', `${year}.json`);
}

export function parsePlan(text: string, path: string, year: number): PlanFile {
  const shown = shownPath(path);
  const value = parseJsonText(text, shown, PlanFile);
  if (value.year !== year) throw new InvalidInputError([{ file: shown, pointer: '/year', message: tr().ni_yearNotFileName(value.year, year) }]);
  return value;
}

export function readPlan(ws: Workspace, year: number): PlanFile {
  const path = planFilePath(ws, year);
  try {
    return parsePlan(readTextFile(path, shownPath(path)), path, year);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { year, actions: {}, history: [] };
    throw err;
  }
}

/** A plan's follow-ups under the current rule names: a rule renamed by a catalogue migration keeps its follow-up. */
export function withMovedIds(plan: PlanFile, migrations: ReadonlyMap<string, Migration[]>): PlanFile {
  if (migrations.size === 0) return plan;
  const actions: PlanFile['actions'] = {};
  for (const [id, f] of Object.entries(plan.actions)) actions[movedActionId(id, migrations)] = f;
  return { ...plan, actions, history: plan.history.map((h) => ({ ...h, action: movedActionId(h.action, migrations) })) };
}

export function canonicalPlan(plan: PlanFile): string {
  return stringify(PlanFile.parse({ ...plan, actions: sortedRecord(plan.actions) }));
}

export type FollowUpChange = Omit<FollowUp, 'by' | 'at'>;

const sameFollowUp = (a: FollowUp, b: FollowUpChange): boolean =>
  (['status', 'owner', 'due', 'note', 'motivation', 'acceptedBy'] as const).every((k) => (a[k] ?? '') === (b[k] ?? ''));

/** Applies follow-up changes to a plan in memory; a replaced entry goes to the history. Returns the ids that changed. */
export function applyFollowUps(plan: PlanFile, changes: ReadonlyMap<string, FollowUpChange>, by: string, at: string): string[] {
  const changed: string[] = [];
  for (const [id, change] of changes) {
    const before = plan.actions[id];
    if (before !== undefined && sameFollowUp(before, change)) continue;
    if (before !== undefined) plan.history.push({ action: id, entry: before });
    const entry = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined && v !== '')) as FollowUpChange;
    plan.actions[id] = { ...entry, by, at };
    changed.push(id);
  }
  return changed;
}

const sameEntry = (a: FollowUp | undefined, b: FollowUp | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a.by === b.by && a.at === b.at && sameFollowUp(a, b);

/**
 * Sets the follow-up of actions under the plan file's lock. Returns the ids that changed.
 * `expected`: the follow-ups the changes were worked out from; when one is another by now (set by
 * someone else meanwhile), nothing is written and the command stops, so no edit is lost.
 */
export function saveFollowUps(
  ws: Workspace,
  year: number,
  changes: ReadonlyMap<string, FollowUpChange>,
  by: string,
  options: { expected?: ReadonlyMap<string, FollowUp | undefined>; now?: Date; migrations?: ReadonlyMap<string, Migration[]> } = {},
): Promise<string[]> {
  const path = planFilePath(ws, year);
  const now = options.now ?? clockNow();
  return transact(ws, [path], async (tx) => {
    const db = await openDocument(tx, path, (text) => withMovedIds(parsePlan(text, path, year), options.migrations ?? new Map()), canonicalPlan, { year, actions: {}, history: [] });
    const moved = [...changes.keys()].filter((id) => options.expected?.has(id) && !sameEntry(db.data.actions[id], options.expected.get(id)));
    if (moved.length > 0) {
      const who = moved.map((id) => `${id} (${db.data.actions[id]?.by ?? tr().q_unknownPerson}, ${db.data.actions[id]?.at.slice(0, 16).replace('T', ' ') ?? tr().ps_removed})`);
      throw new StoppedError(tr().ps_changedMeanwhile(who), tr().ps_changedMeanwhileHint);
    }
    const changed = applyFollowUps(db.data, changes, by, now.toISOString());
    if (changed.length > 0) await db.write();
    return changed;
  });
}
