import type { Catalog } from '../catalog/load.js';
import type { AnswerValue } from '../catalog/values.js';
import { ORGANISATION_ID } from './schema.js';

/**
 * A service's answer values of one year, one slot per question of its scope (the organisation's
 * checklists, or the services'), in catalogue order: what comparing years and coverage need of
 * the answers, about 0.5 KB a service instead of the parsed file (a city holds 20,000 of them).
 */
export type AnswerRow = readonly (AnswerValue | undefined)[];

const indexes = new WeakMap<Catalog, Record<'organisation' | 'service', Map<string, number>>>();

/** The slot of each question of a scope. */
export function rowIndex(catalog: Catalog, service: string): ReadonlyMap<string, number> {
  let found = indexes.get(catalog);
  if (found === undefined) {
    const of = (scope: 'organisation' | 'service') =>
      new Map(catalog.checklists.filter((c) => c.scope === scope).flatMap((c) => c.controls.flatMap((k) => k.questions.map((q) => q.id))).map((id, i) => [id, i]));
    indexes.set(catalog, (found = { organisation: of('organisation'), service: of('service') }));
  }
  return found[service === ORGANISATION_ID ? 'organisation' : 'service'];
}

const emptyRows = new WeakMap<ReadonlyMap<string, number>, AnswerRow>();

export function answerRow(catalog: Catalog, service: string, answers: Readonly<Record<string, { value: AnswerValue }>>): AnswerRow {
  const index = rowIndex(catalog, service);
  let row: (AnswerValue | undefined)[] | undefined;
  for (const id in answers) {
    const at = index.get(id);
    if (at === undefined) continue;
    row ??= new Array<AnswerValue | undefined>(index.size).fill(undefined);
    row[at] = answers[id]!.value;
  }
  if (row !== undefined) return row;
  // A service without answers that year (most, in a year not begun): one empty row for all.
  let empty = emptyRows.get(index);
  if (empty === undefined) emptyRows.set(index, (empty = Object.freeze(new Array<AnswerValue | undefined>(index.size).fill(undefined))));
  return empty;
}

export function rowValue(catalog: Catalog, service: string, row: AnswerRow, question: string): AnswerValue | undefined {
  const at = rowIndex(catalog, service).get(question);
  return at === undefined ? undefined : row[at];
}

/** The row as the answers record the engine reads last year's answers from. */
export function rowAnswers(catalog: Catalog, service: string, row: AnswerRow): Record<string, { value: AnswerValue }> {
  const out: Record<string, { value: AnswerValue }> = {};
  for (const [id, at] of rowIndex(catalog, service)) {
    const value = row[at];
    if (value !== undefined) out[id] = { value };
  }
  return out;
}
