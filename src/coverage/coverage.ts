import type { Catalog } from '../catalog/load.js';
import { appliesTo } from '../catalog/profile.js';
import { COVERS_FULLY, type Framework, type Mapping, type Relation } from '../catalog/frameworks.js';
import type { LocalizedText } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { answerPoints } from '../engine/score.js';
import type { Assessed } from '../review.js';
import { appliesInYear } from '../store/answers.js';

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
  /** Per service the requirement applies to (through an applicable mapped question). */
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

export function coverageOf(catalog: Catalog, framework: Framework, year: number, assessed: readonly Assessed[]): Coverage {
  const byRequirement = new Map<string, Mapping[]>();
  // A checklist that is not yet in force in the year (appliesFrom) gives no evidence and covers nothing.
  const inForce = (m: Mapping): boolean => {
    const ref = catalog.questions.get(m.question);
    return ref === undefined || appliesInYear(ref.checklist, year);
  };
  for (const m of framework.mappings.filter(inForce)) byRequirement.set(m.requirement, [...(byRequirement.get(m.requirement) ?? []), m]);
  const requirements = framework.file.requirements.map((r): RequirementCoverage => {
    const mappings = byRequirement.get(r.id) ?? [];
    if (mappings.length === 0) return { id: r.id, title: r.title, group: r.group, result: 'ej_tackt', services: [], evidence: [] };
    const evidence: Evidence[] = [];
    const services: RequirementCoverage['services'] = [];
    for (const a of assessed) {
      const mine = mappings.flatMap((m) => {
        const ref = catalog.questions.get(m.question);
        if (ref === undefined || !a.result.checklists.some((c) => c.checklist === ref.checklist.id) || !appliesTo(ref.question, a.input.profile)) return [];
        const value = a.input.answers[m.question]?.value;
        evidence.push({ service: a.service.id, question: m.question, relation: m.relation, value });
        return [{ relation: m.relation, points: value === undefined ? undefined : answerPoints(ref.question, value) }];
      });
      if (mine.length > 0) services.push({ service: a.service.id, result: resultOf(mine) });
    }
    return { id: r.id, title: r.title, group: r.group, result: combined(services.map((s) => s.result)), services, evidence };
  });
  const counts = Object.fromEntries(COVERAGE_RESULTS.map((c) => [c, requirements.filter((r) => r.result === c).length])) as Record<CoverageResult, number>;
  const f = framework.file;
  return { framework: { id: f.id, name: f.name, version: f.version, source: f.source }, year, requirements, counts };
}
