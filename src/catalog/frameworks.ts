import { m as messages } from '../ui/i18n.js';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Problem } from '../errors.js';
import { locate, tryLoadJsonFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { LocalizedText, QUESTION_ID, type Question } from './schema.js';

/**
 * The frameworks an answer gives evidence for (GDPR, ISO/IEC 27001:2022 Annex A, the
 * cybersäkerhetslag), and how the catalogue's questions map to their requirements: data only,
 * checklists/frameworks/<id>.json and checklists/mappings/*.json. Relations as in NIST OLIR
 * (NIST IR 8477): what the question is to the requirement.
 */
export const RELATIONS = ['equal', 'subset', 'superset', 'intersect'] as const;
export type Relation = (typeof RELATIONS)[number];

/** A question equal to or wider than the requirement can show it met; narrower or overlapping ones only in part. */
export const COVERS_FULLY: ReadonlySet<Relation> = new Set(['equal', 'superset']);

const FRAMEWORK_ID = /^[a-z][a-z0-9-]*$/;

export const Requirement = z.strictObject({
  id: z.string().trim().min(1),
  title: LocalizedText,
  /** A heading the requirement sorts under, e.g. "Organisatoriska kontroller". */
  group: z.string().trim().min(1).optional(),
});

export const FrameworkFile = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(FRAMEWORK_ID),
  name: LocalizedText,
  version: z.string().min(1),
  source: z.string().trim().min(1).describe('Var kraven kommer ifrån, t.ex. "ISO/IEC 27001:2022 bilaga A"'),
  requirements: z.array(Requirement).min(1),
});
export type FrameworkFile = z.infer<typeof FrameworkFile>;

export const MappingFile = z.strictObject({
  $schema: z.string().optional(),
  framework: z.string().regex(FRAMEWORK_ID),
  mappings: z.array(
    z.strictObject({
      question: z.string().regex(QUESTION_ID),
      requirement: z.string().trim().min(1),
      relation: z.enum(RELATIONS),
      note: z.string().trim().min(1).optional(),
    }),
  ),
});

/** Questions of different checklists that ask the same thing: an answer to one counts for the other's requirements. */
export const OverlapFile = z.strictObject({
  $schema: z.string().optional(),
  overlaps: z.array(z.strictObject({ questions: z.tuple([z.string().regex(QUESTION_ID), z.string().regex(QUESTION_ID)]), relation: z.enum(RELATIONS), note: z.string().trim().min(1).optional() })),
});

export interface Mapping {
  question: string;
  requirement: string;
  relation: Relation;
}

export interface Framework {
  file: FrameworkFile;
  /** Every question that gives evidence for each requirement, overlaps included. */
  mappings: Mapping[];
}

function jsonFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [];
}

/** The relation of question A to a requirement through B, when A relates to B as `ab` and B to the requirement as `br`. */
function through(ab: Relation, br: Relation): Relation {
  if (ab === 'equal') return br;
  if (br === 'equal') return ab;
  return ab === br && ab !== 'intersect' ? ab : 'intersect';
}

export function loadFrameworks(checklistsDir: string, questions: ReadonlyMap<string, { question: Question }>, problems: Problem[]): Map<string, Framework> {
  const frameworks = new Map<string, Framework>();
  for (const path of jsonFiles(join(checklistsDir, 'frameworks'))) {
    const file = shownPath(path);
    const loaded = tryLoadJsonFile(path, file, FrameworkFile);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    const fileProblems: Problem[] = [];
    if (loaded.value.id !== basename(path, '.json')) fileProblems.push({ file, pointer: '/id', message: messages().ca_frameworkIdNotFileName(loaded.value.id) });
    const seen = new Set<string>();
    loaded.value.requirements.forEach((r, i) => {
      if (seen.has(r.id)) fileProblems.push({ file, pointer: `/requirements/${i}/id`, message: messages().ca_requirementExists(r.id) });
      seen.add(r.id);
    });
    problems.push(...locate(loaded.text, fileProblems));
    frameworks.set(loaded.value.id, { file: loaded.value, mappings: [] });
  }
  const mappingsDir = join(checklistsDir, 'mappings');
  let overlaps: z.infer<typeof OverlapFile>['overlaps'] = [];
  for (const path of jsonFiles(mappingsDir)) {
    const file = shownPath(path);
    if (basename(path) === 'overlap.json') {
      const loaded = tryLoadJsonFile(path, file, OverlapFile);
      if (!loaded.ok) {
        problems.push(...loaded.problems);
        continue;
      }
      const fileProblems: Problem[] = [];
      loaded.value.overlaps.forEach((o, i) =>
        o.questions.forEach((q, j) => {
          if (!questions.has(q)) fileProblems.push({ file, pointer: `/overlaps/${i}/questions/${j}`, message: messages().ca_unknownQuestion(q) });
        }),
      );
      problems.push(...locate(loaded.text, fileProblems));
      overlaps = loaded.value.overlaps;
      continue;
    }
    const loaded = tryLoadJsonFile(path, file, MappingFile);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    const framework = frameworks.get(loaded.value.framework);
    const fileProblems: Problem[] = [];
    if (framework === undefined) {
      fileProblems.push({ file, pointer: '/framework', message: messages().ca_noFramework(loaded.value.framework) });
    } else {
      const ids = new Set(framework.file.requirements.map((r) => r.id));
      loaded.value.mappings.forEach((m, i) => {
        if (!questions.has(m.question)) fileProblems.push({ file, pointer: `/mappings/${i}/question`, message: messages().ca_unknownQuestion(m.question) });
        if (!ids.has(m.requirement)) fileProblems.push({ file, pointer: `/mappings/${i}/requirement`, message: messages().ca_noRequirement(m.requirement, framework.file.id) });
        else framework.mappings.push({ question: m.question, requirement: m.requirement, relation: m.relation });
      });
    }
    problems.push(...locate(loaded.text, fileProblems));
  }
  // An answer given once counts for both: each overlap lends its partner's mappings.
  for (const framework of frameworks.values()) {
    const direct = [...framework.mappings];
    for (const { questions: [a, b], relation } of overlaps) {
      const inverse: Relation = relation === 'subset' ? 'superset' : relation === 'superset' ? 'subset' : relation;
      for (const m of direct) {
        if (m.question === b && !framework.mappings.some((x) => x.question === a && x.requirement === m.requirement)) framework.mappings.push({ question: a, requirement: m.requirement, relation: through(relation, m.relation) });
        if (m.question === a && !framework.mappings.some((x) => x.question === b && x.requirement === m.requirement)) framework.mappings.push({ question: b, requirement: m.requirement, relation: through(inverse, m.relation) });
      }
    }
  }
  return frameworks;
}
