import { m as tr } from '../ui/i18n.js';
import type { Catalog } from '../catalog/load.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { locate } from '../io/json-file.js';
import type { AnswerChange } from '../store/answers.js';
import type { AnswerContext } from '../catalog/values.js';
import { resolveAnswer } from '../store/input.js';
import { allServices } from '../store/register.js';
import type { YearRegister } from '../store/register.js';
import type { ImportRow } from './read.js';
import { lengthProblem } from '../store/limits.js';

export interface ImportPlan {
  /** Changes per service id, in the order the services first appear in the file. */
  changes: Map<string, AnswerChange[]>;
  /** Questions answered that do not apply to their service: stored, not scored. */
  notApplicable: { service: string; question: string }[];
}

/** Validates every row before anything is written; any bad row refuses the whole file. */
export function planImport(rows: readonly ImportRow[], text: string, shown: string, catalog: Catalog, register: YearRegister, when: AnswerContext): ImportPlan {
  const services = new Map(allServices(register).map((s) => [s.id, s]));
  const problems: Problem[] = [];
  const changes = new Map<string, AnswerChange[]>();
  const notApplicable: ImportPlan['notApplicable'] = [];
  const seen = new Map<string, number | string>();
  const where = (row: ImportRow) => (row.line !== undefined ? { line: row.line } : { pointer: row.pointer ?? '' });

  if (rows.length === 0) problems.push({ file: shown, message: 'inga svar att importera' });
  for (const row of rows) {
    const service = services.get(row.service.trim());
    if (service === undefined) {
      problems.push({ file: shown, ...where(row), message: tr().ip_unknownService(row.service, [...services.keys()]) });
      continue;
    }
    const resolved = resolveAnswer(catalog, service, row.question, row.value, { ...when, comment: row.comment });
    if (!resolved.ok) {
      problems.push({ file: shown, ...where(row), message: resolved.error });
      continue;
    }
    const key = `${service.id}/${resolved.question}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ file: shown, ...where(row), message: tr().ip_duplicate(resolved.question, service.id, typeof first === 'number' ? `${tr().pr_row} ${first}` : first) });
      continue;
    }
    seen.set(key, row.line ?? row.pointer ?? '');
    if (!resolved.applies) notApplicable.push({ service: service.id, question: resolved.question });
    const tooLong = lengthProblem('comment', row.comment) ?? lengthProblem('evidence', row.evidence);
    if (tooLong !== undefined) {
      problems.push({ file: shown, ...where(row), message: `${resolved.question}: ${tooLong}` });
      continue;
    }
    changes.set(service.id, [...(changes.get(service.id) ?? []), { question: resolved.question, value: resolved.value, comment: row.comment, evidence: row.evidence }]);
  }
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return { changes, notApplicable };
}
