import { rowValue } from '../store/answer-row.js';
import type { Catalog } from '../catalog/load.js';
import { appliesTo } from '../catalog/profile.js';
import { COVERS_FULLY, type Framework, type Mapping, type Relation } from '../catalog/frameworks.js';
import type { LocalizedText } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { answerPoints } from '../engine/score.js';
import type { Assessed } from '../review.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { checklistAppliesIn } from '../store/answers.js';

/**
 * How far the answers of a year show a framework's requirements met: per requirement, the
 * questions that give evidence for it, their answers, and a result derived from them.
 */
export const COVERAGE_RESULTS = ['uppfyllt', 'delvis', 'ej_uppfyllt', 'ej_bedomt', 'ej_tackt'] as const;
export type CoverageResult = (typeof COVERAGE_RESULTS)[number];

export interface Evidence {
  service: string;
  question: string;
  relation: Relation;
  value: AnswerValue | undefined;
}

export interface RequirementCoverage {
  id: string;
  title: LocalizedText;
  group: string | undefined;
  result: CoverageResult;
  /** Per service the requirement applies to (through an applicable mapped question), the organisation's answers counted in each; the organisation is a row of its own only when no service's question applies. */
  services: { service: string; result: CoverageResult }[];
  evidence: Evidence[];
}

export interface Coverage {
  framework: { id: string; name: LocalizedText; version: string; source: string };
  year: number;
  requirements: RequirementCoverage[];
  counts: Record<CoverageResult, number>;
}

/**
 * One service's result for a requirement, from its answers to the mapped questions:
 * - uppfyllt: every answer is the best one, and at least one question covers the whole requirement;
 * - ej uppfyllt: every answer is the worst one;
 * - delvis: anything in between, or only questions that cover part of it;
 * - ej bedömt: none of the questions is answered (ej tillämplig does not count as evidence).
 */
export function resultOf(evidence: readonly { relation: Relation; points: number | undefined }[]): CoverageResult {
  const answered = evidence.filter((e): e is { relation: Relation; points: number } => e.points !== undefined);
  if (answered.length === 0) return 'ej_bedomt';
  if (answered.every((e) => e.points === 0)) return 'ej_uppfyllt';
  if (answered.every((e) => e.points === 1) && answered.some((e) => COVERS_FULLY.has(e.relation))) return 'uppfyllt';
  return 'delvis';
}

/** Across services: met only when met everywhere, not met when nowhere met, else in part. */
export function combined(results: readonly CoverageResult[]): CoverageResult {
  const assessed = results.filter((r) => r !== 'ej_bedomt');
  if (results.length === 0) return 'ej_bedomt';
  if (assessed.length === 0) return 'ej_bedomt';
  if (assessed.every((r) => r === 'uppfyllt') && assessed.length === results.length) return 'uppfyllt';
  if (assessed.every((r) => r === 'ej_uppfyllt')) return 'ej_uppfyllt';
  return 'delvis';
}

/**
 * The organisation's answers (the DSO's control points) hold for the whole organisation, so they
 * are evidence in every service's row beside the service's own answers: a DSO answer that only
 * overlaps a requirement then adds to the services' evidence instead of capping the result at
 * delvis as a row of its own, and a nej from the organisation still keeps every row from
 * uppfyllt. The organisation has a row of its own only when no service's question applies
 * (a requirement only the organisation's questions give evidence for).
 */
export function coverageOf(catalog: Catalog, framework: Framework, year: number, assessed: readonly Assessed[]): Coverage {
  const byRequirement = new Map<string, Mapping[]>();
  // A question of a checklist that does not apply yet (appliesFrom) covers nothing that year.
  const inYear = (m: Mapping) => {
    const ref = catalog.questions.get(m.question);
    return ref !== undefined && checklistAppliesIn(ref.checklist, year);
  };
  for (const m of framework.mappings.filter(inYear)) byRequirement.set(m.requirement, [...(byRequirement.get(m.requirement) ?? []), m]);
  const organisation = assessed.find((a) => a.service.id === ORGANISATION_ID);
  const requirements = framework.file.requirements.map((r): RequirementCoverage => {
    const mappings = byRequirement.get(r.id) ?? [];
    if (mappings.length === 0) return { id: r.id, title: r.title, group: r.group, result: 'ej_tackt', services: [], evidence: [] };
    const evidence: Evidence[] = [];
    const of = (a: Assessed) =>
      mappings.flatMap((m) => {
        const ref = catalog.questions.get(m.question);
        if (ref === undefined || !a.result.checklists.some((c) => c.checklist === ref.checklist.id) || !appliesTo(ref.question, a.service.profile)) return [];
        const value = rowValue(catalog, a.service.id, a.values, m.question);
        evidence.push({ service: a.service.id, question: m.question, relation: m.relation, value });
        return [{ relation: m.relation, points: value === undefined ? undefined : answerPoints(ref.question, value) }];
      });
    const shared = organisation === undefined ? [] : of(organisation);
    const services: RequirementCoverage['services'] = [];
    for (const a of assessed) {
      if (a === organisation) continue;
      const mine = of(a);
      if (mine.length > 0) services.push({ service: a.service.id, result: resultOf([...mine, ...shared]) });
    }
    if (services.length === 0 && shared.length > 0 && organisation !== undefined) services.push({ service: organisation.service.id, result: resultOf(shared) });
    return { id: r.id, title: r.title, group: r.group, result: combined(services.map((s) => s.result)), services, evidence };
  });
  const counts = Object.fromEntries(COVERAGE_RESULTS.map((c) => [c, requirements.filter((r) => r.result === c).length])) as Record<CoverageResult, number>;
  const f = framework.file;
  return { framework: { id: f.id, name: f.name, version: f.version, source: f.source }, year, requirements, counts };
}

/** A requirement an answer shows short of met, and the questions whose answers fall short (with the services that gave them). */
export interface Shortfall {
  id: string;
  title: LocalizedText;
  result: 'ej_uppfyllt' | 'delvis';
  questions: { question: string; services: string[] }[];
}

/** A framework's coverage as the annual report gives it: the counts, and the requirements answers show not met. */
export interface CoverageSummary {
  framework: Coverage['framework'];
  counts: Record<CoverageResult, number>;
  total: number;
  /** Requirements delvis only because the questions cover part of them: every answer is the best one. */
  partOnly: number;
  /** Requirements ej uppfyllt, then those delvis because an answer falls short, each in the framework's order. */
  shortfalls: Shortfall[];
}

/** Every framework's coverage for the year, summarised for the annual report (the full list is `efterlev coverage`). */
export function coverageSummaries(catalog: Catalog, year: number, assessed: readonly Assessed[]): CoverageSummary[] {
  return [...catalog.frameworks.values()].map((framework) => {
    const c = coverageOf(catalog, framework, year, assessed);
    let partOnly = 0;
    const shortfalls: Shortfall[] = [];
    for (const r of c.requirements) {
      if (r.result !== 'delvis' && r.result !== 'ej_uppfyllt') continue;
      const questions = new Map<string, string[]>();
      for (const e of r.evidence) {
        const ref = catalog.questions.get(e.question);
        const points = ref === undefined ? undefined : answerPoints(ref.question, e.value);
        if (points !== undefined && points < 1) questions.set(e.question, [...(questions.get(e.question) ?? []), e.service]);
      }
      if (questions.size === 0) partOnly++;
      else shortfalls.push({ id: r.id, title: r.title, result: r.result, questions: [...questions].map(([question, services]) => ({ question, services })) });
    }
    // Not met first, then partly met, each in the framework's order.
    shortfalls.sort((a, b) => Number(b.result === 'ej_uppfyllt') - Number(a.result === 'ej_uppfyllt'));
    return { framework: c.framework, counts: c.counts, total: c.requirements.length, partOnly, shortfalls };
  });
}
