import type { Catalog } from '../catalog/load.js';
import { EXAMPLE_PROFILE, profileOf } from '../catalog/profile.js';
import type { Problem } from '../errors.js';
import { Assessor } from './assess.js';

/** Rule examples run as of this review day (docs/authoring.md). */
export const EXAMPLE_YEAR = 2025;
export const EXAMPLE_REVIEW_DATE = '2025-10-01';

/**
 * Runs every rule's examples through the engine, as eslint's RuleTester runs a rule's valid and
 * invalid cases: a `fires` example must produce the rule's gap, a `passes` example must not.
 */
export async function ruleExampleProblems(catalog: Catalog): Promise<Problem[]> {
  const assessor = new Assessor(catalog);
  const problems: Problem[] = [];
  for (const checklist of catalog.checklists) {
    for (const rule of catalog.rulesByChecklist.get(checklist.id) ?? []) {
      for (const kind of ['fires', 'passes'] as const) {
        for (const [i, example] of rule.rule.examples[kind].entries()) {
          const at = `${EXAMPLE_REVIEW_DATE}T12:00:00.000Z`;
          const result = await assessor.assess(
            {
              service: 'exempel',
              profile: profileOf(example.service ?? {}, EXAMPLE_PROFILE),
              year: EXAMPLE_YEAR,
              answers: Object.fromEntries(Object.entries(example.answers).map(([q, value]) => [q, { value, at }])),
              previous: Object.fromEntries(Object.entries(example.previous ?? {}).map(([q, value]) => [q, { value }])),
            },
            [checklist],
          );
          const fired = result.checklists.some((c) => c.controls.some((k) => k.gaps.some((g) => g.rule.rule.name === rule.rule.name)));
          if (fired !== (kind === 'fires')) {
            problems.push({
              file: rule.file,
              pointer: `${rule.pointer}/examples/${kind}/${i}`,
              message: kind === 'fires' ? `regeln '${rule.rule.name}' slår inte till i exemplet` : `regeln '${rule.rule.name}' slår till i exemplet, fast den inte borde`,
            });
          }
        }
      }
    }
  }
  return problems;
}
