import { m as messages } from '../ui/i18n.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Problem } from '../errors.js';
import { locate, tryLoadJsonFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { answerPoints } from '../engine/score.js';
import { CHECKLIST_ID, QUESTION_ID, type Checklist, type Question } from './schema.js';
import { valueProblem, type AnswerValue } from './values.js';

/**
 * A catalogue's move from one version to the next, as data: checklists/migrations/<checklist>.json.
 * Every question of the older version says where its answers go (the same id, a new id, split
 * over several, merged into one, or nowhere), so last year's answers carry forward and compare
 * stays meaningful across the change; renamed rules keep an action's stable id.
 */
const Ids = z.union([z.string().regex(QUESTION_ID), z.array(z.string().regex(QUESTION_ID)).min(1)]);

export const QuestionMove = z.strictObject({
  from: Ids,
  to: Ids.nullable().describe('Den eller de nya frågorna; null när frågan har tagits bort'),
  merge: z.enum(['lowest', 'first']).optional().describe('När flera gamla frågor blir en: det sämsta svaret (lowest) eller det första som finns (first)'),
  values: z.record(z.string(), z.string()).optional().describe('Gamla svarsvärden till nya, när alternativen har ändrats'),
  note: z.string().trim().min(1).optional(),
});
export type QuestionMove = z.infer<typeof QuestionMove>;

export const MigrationFile = z.strictObject({
  $schema: z.string().optional(),
  checklist: z.string().regex(CHECKLIST_ID),
  from: z.string().min(1),
  to: z.string().min(1),
  questions: z.array(QuestionMove),
  rules: z.array(z.strictObject({ from: z.string().min(1), to: z.string().min(1) })).default([]),
});
export type MigrationFile = z.infer<typeof MigrationFile>;

const list = (ids: string | string[] | null): string[] => (ids === null ? [] : Array.isArray(ids) ? ids : [ids]);

export interface Migration {
  checklist: string;
  from: string;
  to: string;
  file: string;
  moves: QuestionMove[];
  /** Old question id → its move. */
  byOldId: Map<string, QuestionMove>;
  rules: Map<string, string>;
}

/** Loads checklists/migrations/*.json and checks them against the current checklists. */
export function loadMigrations(checklistsDir: string, checklists: readonly Checklist[], problems: Problem[]): Map<string, Migration[]> {
  const dir = join(checklistsDir, 'migrations');
  const out = new Map<string, Migration[]>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const path = join(dir, name);
    const file = shownPath(path);
    const loaded = tryLoadJsonFile(path, file, MigrationFile);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    const m = loaded.value;
    const fileProblems: Problem[] = [];
    const checklist = checklists.find((c) => c.id === m.checklist);
    if (checklist === undefined) {
      fileProblems.push({ file, pointer: '/checklist', message: messages().ca_noChecklist(m.checklist) });
      problems.push(...locate(loaded.text, fileProblems));
      continue;
    }
    const questions = new Map(checklist.controls.flatMap((c) => c.questions).map((q) => [q.id, q]));
    const byOldId = new Map<string, QuestionMove>();
    m.questions.forEach((move, i) => {
      for (const old of list(move.from)) {
        if (byOldId.has(old)) fileProblems.push({ file, pointer: `/questions/${i}/from`, message: messages().ca_movedEarlier(old) });
        byOldId.set(old, move);
      }
      const targets = list(move.to);
      for (const [j, id] of targets.entries()) {
        const at = Array.isArray(move.to) ? `/questions/${i}/to/${j}` : `/questions/${i}/to`;
        if (!questions.has(id)) fileProblems.push({ file, pointer: at, message: messages().ca_questionNotIn(id, m.checklist, checklist.version) });
      }
      if (list(move.from).length > 1 && targets.length !== 1) fileProblems.push({ file, pointer: `/questions/${i}/to`, message: messages().ca_mergeIntoOne });
      if (list(move.from).length > 1 && move.merge === undefined) fileProblems.push({ file, pointer: `/questions/${i}/merge`, message: messages().ca_mergeHow });
      for (const [value, next] of Object.entries(move.values ?? {})) {
        for (const id of targets) {
          const q = questions.get(id);
          if (q !== undefined && valueProblem(q, next) !== undefined) fileProblems.push({ file, pointer: `/questions/${i}/values/${value}`, message: messages().ca_notAllowed(String(next), id) });
        }
      }
    });
    const rules = new Map(m.rules.map((r) => [r.from, r.to]));
    problems.push(...locate(loaded.text, fileProblems));
    out.set(m.checklist, [...(out.get(m.checklist) ?? []), { checklist: m.checklist, from: m.from, to: m.to, file, moves: m.questions, byOldId, rules }]);
  }
  // Every chain ends in the checklist's own version: a file of any earlier version can be read.
  for (const [id, steps] of out) {
    const current = checklists.find((c) => c.id === id)!.version;
    for (const step of steps) {
      if (chainFrom(steps, step.from, current) === undefined) problems.push({ file: step.file, pointer: '/to', message: messages().ca_chainBroken(step.from, step.to, current) });
    }
  }
  return out;
}

/** The steps from a version to the current one, in order; undefined when there is no way. */
export function chainFrom(migrations: readonly Migration[], from: string, current: string): Migration[] | undefined {
  const steps: Migration[] = [];
  let at = from;
  for (let guard = 0; at !== current && guard < 50; guard++) {
    const next = migrations.find((m) => m.from === at);
    if (next === undefined) return undefined;
    steps.push(next);
    at = next.to;
  }
  return at === current ? steps : undefined;
}

/** The version a file without a recorded version was written in: the oldest the migrations know, else the current. */
export function oldestVersion(migrations: readonly Migration[], current: string): string {
  const targets = new Set(migrations.map((m) => m.to));
  return migrations.find((m) => !targets.has(m.from))?.from ?? current;
}

export interface Moved<T> {
  answers: Record<string, T>;
  /** Old ids whose answers went nowhere (removed questions): kept in the history by the caller. */
  dropped: [string, T][];
  /** Old id → new ids, for the history's question ids; an id not in it kept its place. */
  idMap: Map<string, string[]>;
  problems: { question: string; message: string }[];
}

/**
 * Moves one checklist's answers through a chain of migrations. Answers the migration does not
 * name (other checklists' questions) pass through untouched.
 */
export function moveAnswers<T extends { value: AnswerValue }>(answers: Readonly<Record<string, T>>, steps: readonly Migration[], questionOf: (id: string) => Question | undefined): Moved<T> {
  let current: Readonly<Record<string, T>> = answers;
  const dropped: [string, T][] = [];
  const problems: Moved<T>['problems'] = [];
  // Only ids that a move touched are in idMap, and in pointing (which old ids point at each id now,
  // its inverse): an answered id in neither still points at itself. A file goes through its
  // migrations every time it is read, so the ids that stay where they are (most) cost nothing.
  const idMap = new Map<string, string[]>();
  const pointing = new Map<string, Set<string>>();
  const unmoved = (id: string): string[] => (Object.hasOwn(answers, id) && !idMap.has(id) ? [id] : []);
  const pointers = (id: string): Iterable<string> => pointing.get(id) ?? unmoved(id);
  for (const step of steps) {
    const moving = Object.keys(current).filter((id) => step.byOldId.has(id));
    if (moving.length === 0) continue;
    const next: Record<string, T> = {};
    for (const [id, a] of Object.entries(current)) if (!step.byOldId.has(id)) next[id] = a;
    const done = new Set<QuestionMove>();
    for (const id of moving) {
      const move = step.byOldId.get(id)!;
      if (move.from === move.to && move.values === undefined && !pointing.has(id)) {
        // A question that keeps its id (most of them): its answer stays as it is, if still allowed.
        const q = questionOf(id);
        const problem = q === undefined ? messages().ca_questionMissing(id) : valueProblem(q, current[id]!.value);
        if (problem === undefined) next[id] = current[id]!;
        else problems.push({ question: id, message: messages().ca_cannotMove(id, id, step.to, problem, step.file) });
        continue;
      }
      if (done.has(move)) continue;
      done.add(move);
      const sources = list(move.from).filter((f) => current[f] !== undefined);
      const targets = list(move.to);
      const redirected = new Set<string>();
      for (const source of sources) for (const old of pointers(source)) redirected.add(old);
      for (const old of redirected) {
        // Where old pointed before: a pointing set made when it moved there, or itself (unmoved).
        for (const t of idMap.get(old) ?? [old]) pointing.get(t)?.delete(old);
        idMap.set(old, targets);
        for (const t of targets) {
          let olds = pointing.get(t);
          if (olds === undefined) pointing.set(t, (olds = new Set(unmoved(t))));
          olds.add(old);
        }
      }
      if (targets.length === 0) {
        for (const s of sources) dropped.push([s, current[s]!]);
        continue;
      }
      for (const target of targets) {
        const q = questionOf(target);
        const candidates = sources.map((s) => ({ ...current[s]!, value: move.values?.[String(current[s]!.value)] ?? current[s]!.value }));
        const chosen =
          move.merge === 'lowest' && q !== undefined
            ? [...candidates].sort((a, b) => (answerPoints(q, a.value) ?? 2) - (answerPoints(q, b.value) ?? 2))[0]
            : candidates[0];
        if (chosen === undefined) continue;
        const problem = q === undefined ? messages().ca_questionMissing(target) : valueProblem(q, chosen.value);
        if (problem !== undefined) {
          problems.push({ question: id, message: messages().ca_cannotMove(id, target, step.to, problem, step.file) });
          continue;
        }
        next[target] = chosen;
      }
    }
    current = next;
  }
  // Always a record of its own, as the caller's file is read-only and is told migrated by it.
  return { answers: current === answers ? { ...answers } : current, dropped, idMap, problems };
}

/** An action id across a rule's rename: `service:old-rule` → `service:new-rule`. */
export function movedActionId(id: string, migrations: ReadonlyMap<string, Migration[]>): string {
  const at = id.indexOf(':');
  if (at === -1) return id;
  let rule = id.slice(at + 1);
  for (const steps of migrations.values()) for (const m of steps) rule = m.rules.get(rule) ?? rule;
  return `${id.slice(0, at)}:${rule}`;
}
