import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Catalog } from '../catalog/load.js';
import type { Checklist } from '../catalog/schema.js';
import { valueProblem, type AnswerValue } from '../catalog/values.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { loadJsonFile, locate } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { compareIds, sortedRecord, stringify } from './canonical.js';
import { ValidatedJsonFile } from './adapter.js';
import { withFileLock } from './locked.js';
import { AnswerFile, ORGANISATION_ID, type Answer } from './schema.js';
import { MAX_YEAR, MIN_YEAR } from './year.js';
import type { Workspace } from './workspace.js';

export function answerFilePath(ws: Workspace, year: number, service: string): string {
  return join(ws.answersDir, String(year), `${service}.json`);
}

const scopeCache = new WeakMap<Catalog, Map<string, Checklist[]>>();

/** The checklists a service answers: the organisation-level ones for the organisation, the others for services. */
export function checklistsFor(catalog: Catalog, service: string): Checklist[] {
  const scope = service === ORGANISATION_ID ? 'organisation' : 'service';
  let byScope = scopeCache.get(catalog);
  if (byScope === undefined) scopeCache.set(catalog, (byScope = new Map()));
  let list = byScope.get(scope);
  if (list === undefined) byScope.set(scope, (list = catalog.checklists.filter((c) => c.scope === scope)));
  return list;
}

/** Years that have an answers/<year>/ folder, ascending. */
export function yearsIn(ws: Workspace): number[] {
  if (!existsSync(ws.answersDir)) return [];
  return readdirSync(ws.answersDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
    .map((d) => Number(d.name))
    .filter((y) => y >= MIN_YEAR && y <= MAX_YEAR)
    .sort((a, b) => a - b);
}

/** Cross-checks an answer file against the catalogue and the place it is stored. */
function answerFileProblems(file: AnswerFile, shown: string, catalog: Catalog, year: number, service: string): Problem[] {
  const problems: Problem[] = [];
  if (file.service !== service) problems.push({ file: shown, pointer: '/service', message: `'${file.service}' stämmer inte med filnamnet ('${service}')` });
  if (file.year !== year) problems.push({ file: shown, pointer: '/year', message: `${file.year} stämmer inte med mappen (${year})` });
  const inScope = checklistsFor(catalog, service);
  const check = (id: string, pointer: string, value?: AnswerValue): void => {
    const ref = catalog.questions.get(id);
    if (ref === undefined || !inScope.includes(ref.checklist)) {
      problems.push({ file: shown, pointer, message: `okänd fråga '${id}' för ${service === ORGANISATION_ID ? 'organisationen' : 'en tjänst'}` });
      return;
    }
    const problem = value === undefined ? undefined : valueProblem(ref.question, value);
    if (problem !== undefined) problems.push({ file: shown, pointer: `${pointer}/value`, message: problem });
  };
  for (const [id, answer] of Object.entries(file.answers)) check(id, `/answers/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`, answer.value);
  file.history.forEach((h, i) => check(h.question, `/history/${i}/question`));
  return problems;
}

/** Reads and validates one answer file; undefined when the service has no answers that year. */
export function readAnswerFile(ws: Workspace, catalog: Catalog, year: number, service: string): AnswerFile | undefined {
  const path = answerFilePath(ws, year, service);
  const shown = shownPath(path);
  let loaded: { value: AnswerFile; text: string };
  try {
    loaded = loadJsonFile(path, shown, AnswerFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const { value, text } = loaded;
  const problems = answerFileProblems(value, shown, catalog, year, service);
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return value;
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
}

export type ChangeOutcome =
  | { question: string; kind: 'added'; value: AnswerValue }
  | { question: string; kind: 'changed'; value: AnswerValue; from: AnswerValue }
  | { question: string; kind: 'unchanged'; value: AnswerValue };

const same = (a: Answer, c: AnswerChange): boolean =>
  a.value === c.value && (a.comment ?? '') === (c.comment ?? '') && (a.evidence ?? '') === (c.evidence ?? '');

/**
 * Applies answer changes to a file in memory: a replaced answer goes to the history; an answer
 * given again unchanged is left as it is (its `by` and `at` too). Returns what happened to each.
 */
export function applyChanges(file: AnswerFile, changes: readonly AnswerChange[], by: string, at: string): ChangeOutcome[] {
  const outcomes: ChangeOutcome[] = [];
  for (const given of changes) {
    const before = file.answers[given.question];
    // A comment or evidence not given again stays with an unchanged value, not with a new one.
    const kept = before !== undefined && before.value === given.value;
    // Text pasted from macOS arrives decomposed (a + ¨): store it composed, as tables and diffs expect.
    const change: AnswerChange = {
      ...given,
      comment: given.comment?.normalize('NFC') ?? (kept ? before.comment : undefined),
      evidence: given.evidence?.normalize('NFC') ?? (kept ? before.evidence : undefined),
    };
    if (before !== undefined && same(before, change)) {
      outcomes.push({ question: change.question, kind: 'unchanged', value: change.value });
      continue;
    }
    if (before !== undefined) {
      file.history.push({ question: change.question, ...before });
      outcomes.push({ question: change.question, kind: 'changed', value: change.value, from: before.value });
    } else {
      outcomes.push({ question: change.question, kind: 'added', value: change.value });
    }
    file.answers[change.question] = {
      value: change.value,
      ...(change.comment ? { comment: change.comment } : {}),
      ...(change.evidence ? { evidence: change.evidence } : {}),
      by,
      at,
    };
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
 * Saves answers for one service and year: re-reads the file under a lock and changes only the
 * given questions, so concurrent writers keep each other's answers. A replaced answer goes to
 * the history. Values must already be validated against their questions.
 */
export function saveAnswers(
  ws: Workspace,
  catalog: Catalog,
  year: number,
  service: string,
  changes: readonly AnswerChange[],
  by: string,
  now: Date = new Date(),
): Promise<ChangeOutcome[]> {
  const path = answerFilePath(ws, year, service);
  return withFileLock(path, async () => {
    const db = new Low<AnswerFile>(new ValidatedJsonFile(path, () => readAnswerFile(ws, catalog, year, service), canonicalAnswerFile), emptyFile(service, year));
    await db.read();
    const outcomes = applyChanges(db.data, changes, by, now.toISOString());
    if (outcomes.some((o) => o.kind !== 'unchanged')) await db.write();
    return outcomes;
  });
}
