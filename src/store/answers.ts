import { m } from '../ui/i18n.js';
import { join } from 'node:path';
import { now as clockNow } from '../clock.js';
import type { Catalog } from '../catalog/load.js';
import type { Checklist } from '../catalog/schema.js';
import { valueProblem, type AnswerValue } from '../catalog/values.js';
import { InvalidInputError, UsageError, type Problem } from '../errors.js';
import { lengthProblem } from './limits.js';
import { isPlainAnswerFile } from './fast-check.js';
import { chainFrom, moveAnswers, oldestVersion } from '../catalog/migration.js';
import { locate, parseJsonText, readTextFile, toPointer } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { compareIds, sortedRecord, stringify } from './canonical.js';
import { openDocument } from './adapter.js';
import { transact } from './transaction.js';
import { ensureSnapshot, snapshotPath } from './register.js';
import { AnswerFile, ORGANISATION_ID, type Answer } from './schema.js';
import { yearsWithAnswers } from './years.js';
import type { Workspace } from './workspace.js';

export function answerFilePath(ws: Workspace, year: number, service: string): string {
  return join(ws.answersDir, String(year), `${service}.json`);
}

const scopeCache = new WeakMap<Catalog, Map<string, Checklist[]>>();

/** Whether a checklist applies to a review year (`appliesFrom`: the first year it does). */
export function checklistAppliesIn(checklist: Checklist, year: number): boolean {
  return checklist.appliesFrom === undefined || year >= checklist.appliesFrom;
}

/**
 * The checklists a service answers in a review year: the organisation-level ones for the
 * organisation, the others for services, each only from its `appliesFrom` year on. Every command
 * picks a year's checklists here, so a checklist that does not apply yet is not asked, not scored
 * and not shown.
 */
export function checklistsFor(catalog: Catalog, service: string, year: number): Checklist[] {
  const scope = service === ORGANISATION_ID ? 'organisation' : 'service';
  let byScope = scopeCache.get(catalog);
  if (byScope === undefined) scopeCache.set(catalog, (byScope = new Map()));
  const inScope = catalog.checklists.filter((c) => c.scope === scope);
  // One key per set of applying checklists, so a year gets the same array every time.
  const applying = inScope.filter((c) => checklistAppliesIn(c, year));
  const key = `${scope}|${applying.map((c) => c.id).join(',')}`;
  let list = byScope.get(key);
  if (list === undefined) byScope.set(key, (list = applying));
  return list;
}

/** Years that have an answers/<year>/ folder, ascending. */
export const yearsIn = yearsWithAnswers;

/** Cross-checks an answer file against the catalogue and the place it is stored. */
function answerFileProblems(file: AnswerFile, shown: string, catalog: Catalog, year: number, service: string): Problem[] {
  const problems: Problem[] = [];
  if (file.service !== service) problems.push({ file: shown, pointer: '/service', message: m().e_serviceNotFileName(file.service, service) });
  if (file.year !== year) problems.push({ file: shown, pointer: '/year', message: m().e_yearNotFolder(file.year, year) });
  const inScope = checklistsFor(catalog, service, year);
  // The pointer is made only for a problem: a city's files hold a million answers that have none.
  const check = (id: string, pointerOf: () => string, value?: AnswerValue): void => {
    const ref = catalog.questions.get(id);
    if (ref === undefined || !inScope.includes(ref.checklist)) {
      const pointer = pointerOf();
      const later = ref !== undefined && ref.checklist.appliesFrom !== undefined && year < ref.checklist.appliesFrom;
      problems.push({ file: shown, pointer, message: later ? m().e_questionFromLater(id, ref.checklist.id, String(ref.checklist.appliesFrom)) : m().e_unknownQuestionIn(id, service === ORGANISATION_ID) });
      return;
    }
    const problem = value === undefined ? undefined : valueProblem(ref.question, value);
    if (problem !== undefined) problems.push({ file: shown, pointer: `${pointerOf()}/value`, message: problem });
  };
  for (const [id, answer] of Object.entries(file.answers)) check(id, () => toPointer(['answers', id]), answer.value);
  // The history may hold answers to questions a catalogue version has since removed.
  const retired = retiredQuestionIds(catalog);
  file.history.forEach((h, i) => {
    if (!retired.has(h.question)) check(h.question, () => toPointer(['history', i, 'question']));
  });
  return problems;
}

const retiredCache = new WeakMap<Catalog, Set<string>>();

/** Question ids of earlier catalogue versions that no longer exist. */
function retiredQuestionIds(catalog: Catalog): Set<string> {
  let ids = retiredCache.get(catalog);
  if (ids === undefined) {
    ids = new Set([...catalog.migrations.values()].flatMap((steps) => steps.flatMap((m) => [...m.byOldId.keys()])).filter((id) => !catalog.questions.has(id)));
    retiredCache.set(catalog, ids);
  }
  return ids;
}

/** The catalogue version of each checklist a service answers, as written into its answer files. */
export function versionsFor(catalog: Catalog, service: string, year: number): Record<string, string> {
  return Object.fromEntries(checklistsFor(catalog, service, year).map((c) => [c.id, c.version]));
}

/**
 * Brings an answer file written in an earlier catalogue version to the current one, in memory:
 * each checklist's answers through its migrations; an answer to a removed question goes to the
 * history, so nothing is lost. The file on disk is not touched until it is written again.
 */
function migrated(file: AnswerFile, shown: string, catalog: Catalog, year: number, service: string): AnswerFile {
  let answers = file.answers;
  let history = file.history;
  const problems: Problem[] = [];
  for (const checklist of checklistsFor(catalog, service, year)) {
    const steps = catalog.migrations.get(checklist.id) ?? [];
    const version = file.catalog?.[checklist.id] ?? oldestVersion(steps, checklist.version);
    if (version === checklist.version) continue;
    const chain = chainFrom(steps, version, checklist.version);
    if (chain === undefined) {
      problems.push({ file: shown, pointer: `/catalog/${checklist.id}`, message: m().e_noMigration(checklist.id, String(version), checklist.version) });
      continue;
    }
    const moved = moveAnswers(answers, chain, (id) => catalog.questions.get(id)?.question);
    for (const p of moved.problems) problems.push({ file: shown, pointer: `/answers/${p.question}`, message: p.message });
    answers = moved.answers;
    history = [
      ...history.map((h) => ({ ...h, question: moved.idMap.get(h.question)?.[0] ?? h.question })),
      ...moved.dropped.map(([question, a]) => ({ question, ...a })),
    ];
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return answers === file.answers ? file : { ...file, catalog: versionsFor(catalog, service, year), answers, history };
}

/** Parses and cross-checks the text of one answer file. */
export function parseAnswerFile(text: string, path: string, catalog: Catalog, year: number, service: string): AnswerFile {
  const shown = shownPath(path);
  const value = migrated(parseJsonText(text, shown, AnswerFile, isPlainAnswerFile), shown, catalog, year, service);
  const problems = answerFileProblems(value, shown, catalog, year, service);
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return value;
}

/** Reads and validates one answer file; undefined when the service has no answers that year. */
export function readAnswerFile(ws: Workspace, catalog: Catalog, year: number, service: string): AnswerFile | undefined {
  const path = answerFilePath(ws, year, service);
  let text: string;
  try {
    text = readTextFile(path, shownPath(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseAnswerFile(text, path, catalog, year, service);
}

/** The canonical form written to disk: answers in natural id order, keys in schema order. */
export function canonicalAnswerFile(file: AnswerFile): string {
  return stringify(AnswerFile.parse({ ...file, answers: sortedRecord(file.answers) }));
}

export interface AnswerChange {
  question: string;
  value: AnswerValue;
  comment?: string | undefined;
  evidence?: string | undefined;
  /**
   * The stored answer the reviewer saw when deciding (null: none). When given and the stored
   * answer is another by now, the change is not made: someone else answered meanwhile.
   */
  expected?: Answer | null | undefined;
  /** Replace `expected` in place, without a history entry: completing one's own answer just saved. */
  amend?: boolean | undefined;
}

export type ChangeOutcome =
  | { question: string; kind: 'added'; value: AnswerValue; answer: Answer }
  | { question: string; kind: 'changed'; value: AnswerValue; from: AnswerValue; answer: Answer }
  | { question: string; kind: 'unchanged'; value: AnswerValue; answer: Answer }
  | { question: string; kind: 'conflict'; value: AnswerValue; stored: Answer | undefined };

const same = (a: Answer, c: AnswerChange): boolean =>
  a.value === c.value && (a.comment ?? '') === (c.comment ?? '') && (a.evidence ?? '') === (c.evidence ?? '');

/** Two stored answers are the same answer: same value, texts, who and when. */
export function sameAnswer(a: Answer | undefined | null, b: Answer | undefined | null): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  return a.value === b.value && (a.comment ?? '') === (b.comment ?? '') && (a.evidence ?? '') === (b.evidence ?? '') && a.by === b.by && a.at === b.at;
}

/**
 * Applies answer changes to a file in memory: a replaced answer goes to the history; an answer
 * given again unchanged is left as it is (its `by` and `at` too); a change made on a stale view
 * is refused as a conflict. Returns what happened to each.
 */
export function applyChanges(file: AnswerFile, changes: readonly AnswerChange[], by: string, at: string): ChangeOutcome[] {
  const outcomes: ChangeOutcome[] = [];
  for (const given of changes) {
    const before = file.answers[given.question];
    if (given.expected !== undefined && !sameAnswer(before, given.expected)) {
      outcomes.push({ question: given.question, kind: 'conflict', value: given.value, stored: before });
      continue;
    }
    const tooLong = lengthProblem('comment', given.comment) ?? lengthProblem('evidence', given.evidence);
    if (tooLong !== undefined) throw new UsageError(`${given.question}: ${tooLong}; ${m().e_nothingSaved}.`);
    // A comment or evidence not given again stays with an unchanged value, not with a new one.
    const kept = before !== undefined && before.value === given.value;
    // Text pasted from macOS arrives decomposed (a + ¨): store it composed, as tables and diffs expect.
    const change: AnswerChange = {
      ...given,
      comment: given.comment?.normalize('NFC') ?? (kept ? before.comment : undefined),
      evidence: given.evidence?.normalize('NFC') ?? (kept ? before.evidence : undefined),
    };
    if (before !== undefined && same(before, change)) {
      outcomes.push({ question: change.question, kind: 'unchanged', value: change.value, answer: before });
      continue;
    }
    const answer: Answer = {
      value: change.value,
      ...(change.comment ? { comment: change.comment } : {}),
      ...(change.evidence ? { evidence: change.evidence } : {}),
      by,
      at,
    };
    if (before !== undefined && !given.amend) {
      file.history.push({ question: change.question, ...before });
      outcomes.push({ question: change.question, kind: 'changed', value: change.value, from: before.value, answer });
    } else if (before !== undefined) {
      outcomes.push({ question: change.question, kind: 'unchanged', value: change.value, answer });
    } else {
      outcomes.push({ question: change.question, kind: 'added', value: change.value, answer });
    }
    file.answers[change.question] = answer;
  }
  return outcomes.sort((a, b) => compareIds(a.question, b.question));
}

const emptyFile = (service: string, year: number): AnswerFile => ({ service, year, answers: {}, history: [] });

/** What saveAnswers would do, without writing anything (`--dry-run`). */
export function previewAnswers(ws: Workspace, catalog: Catalog, year: number, service: string, changes: readonly AnswerChange[]): ChangeOutcome[] {
  const file = readAnswerFile(ws, catalog, year, service) ?? emptyFile(service, year);
  return applyChanges(file, changes, '', '');
}

/**
 * Saves answers for several services of one year as one unit: every file is read and validated
 * under its lock before any is written, and all are committed together or none. Only the given
 * questions change, so concurrent writers keep each other's answers; a replaced answer goes to
 * the history. Values must already be validated against their questions.
 */
export async function saveAnswersOfServices(
  ws: Workspace,
  catalog: Catalog,
  year: number,
  changesByService: ReadonlyMap<string, readonly AnswerChange[]>,
  by: string,
  now: Date = clockNow(),
): Promise<Map<string, ChangeOutcome[]>> {
  const paths = new Map([...changesByService.keys()].map((service) => [service, answerFilePath(ws, year, service)]));
  // The year's first answer takes the register snapshot the year is judged by, in the same unit.
  return transact(ws, [...paths.values(), ws.registerFile, snapshotPath(ws, year)], async (tx) => {
    ensureSnapshot(tx, ws, year, now.toISOString());
    const results = new Map<string, ChangeOutcome[]>();
    for (const [service, changes] of changesByService) {
      const path = paths.get(service)!;
      const db = await openDocument(tx, path, (text) => parseAnswerFile(text, path, catalog, year, service), canonicalAnswerFile, emptyFile(service, year));
      const outcomes = applyChanges(db.data, changes, by, now.toISOString());
      db.data.catalog = versionsFor(catalog, service, year);
      if (outcomes.some((o) => o.kind !== 'unchanged' && o.kind !== 'conflict') || changes.some((c) => c.amend)) await db.write();
      results.set(service, outcomes);
    }
    return results;
  });
}

/** Saves answers for one service and year (see saveAnswersOfServices). */
export async function saveAnswers(
  ws: Workspace,
  catalog: Catalog,
  year: number,
  service: string,
  changes: readonly AnswerChange[],
  by: string,
  now: Date = clockNow(),
): Promise<ChangeOutcome[]> {
  return (await saveAnswersOfServices(ws, catalog, year, new Map([[service, changes]]), by, now)).get(service)!;
}
