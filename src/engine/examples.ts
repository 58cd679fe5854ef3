import { m } from '../ui/i18n.js';
import type { Catalog } from '../catalog/load.js';
import { EXAMPLE_PROFILE, profileOf } from '../catalog/profile.js';
import type { Problem } from '../errors.js';
import { Assessor, type ServiceResult } from './assess.js';
import { ReferenceRules } from './reference.js';
import { EMPTY_INCIDENT_FACTS, type IncidentFacts } from '../incidents/facts.js';
import type { RuleCase } from '../catalog/schema.js';

/**
 * An example's incident register: without `incidents`, none, and not covering the period (count
 * questions keep the example's own answers); with it, covering the period unless it says otherwise.
 */
export function exampleIncidentFacts(given: RuleCase['incidents']): IncidentFacts {
  return { ...EMPTY_INCIDENT_FACTS, covered: given !== undefined, ...given, count: { ...EMPTY_INCIDENT_FACTS.count, ...given?.count } };
}

/** Rule examples run as of this review day (docs/authoring.md). */
export const EXAMPLE_YEAR = 2025;
export const EXAMPLE_REVIEW_DATE = '2025-10-01';

/**
 * Runs every rule's examples through the engine, as eslint's RuleTester runs a rule's valid and
 * invalid cases: a `fires` example must produce the rule's gap, a `passes` example must not.
 */
export async function ruleExampleProblems(catalog: Catalog): Promise<Problem[]> {
  // Every example runs through both evaluators: the compiled closures the commands use, and
  // json-rules-engine as the reference. They must agree, and both must do what the example says.
  const compiled = new Assessor(catalog);
  const reference = new Assessor(catalog, (rules) => new ReferenceRules(rules));
  const problems: Problem[] = [];
  for (const checklist of catalog.checklists) {
    // A checklist that applies only from a later year (appliesFrom) is exemplified in that year.
    const year = Math.max(EXAMPLE_YEAR, checklist.appliesFrom ?? EXAMPLE_YEAR);
    const reviewDate = `${year}${EXAMPLE_REVIEW_DATE.slice(4)}`;
    for (const rule of catalog.rulesByChecklist.get(checklist.id) ?? []) {
      for (const kind of ['fires', 'passes'] as const) {
        for (const [i, example] of rule.rule.examples[kind].entries()) {
          const at = `${reviewDate}T12:00:00.000Z`;
          const input = {
            service: 'exempel',
            profile: profileOf(example.service ?? {}, EXAMPLE_PROFILE),
            year,
            answers: Object.fromEntries(Object.entries(example.answers).map(([q, value]) => [q, { value, at }])),
            previous: Object.fromEntries(Object.entries(example.previous ?? {}).map(([q, value]) => [q, { value }])),
            incidents: { facts: exampleIncidentFacts(example.incidents) },
          };
          const fired = (r: ServiceResult) => r.checklists.some((c) => c.controls.some((k) => k.gaps.some((g) => g.rule.rule.name === rule.rule.name)));
          const byCompiled = fired(await compiled.assess(input, [checklist]));
          const byReference = fired(await reference.assess(input, [checklist]));
          const pointer = `${rule.pointer}/examples/${kind}/${i}`;
          if (byCompiled !== byReference) {
            problems.push({ file: rule.file, pointer, message: m().ex_differ(rule.rule.name) });
          } else if (byCompiled !== (kind === 'fires')) {
            problems.push({
              file: rule.file,
              pointer,
              message: kind === 'fires' ? m().ex_doesNotFire(rule.rule.name) : m().ex_firesWrongly(rule.rule.name),
            });
          }
        }
      }
    }
  }
  return problems;
}
