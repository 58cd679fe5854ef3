import { m } from '../ui/i18n.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InvalidInputError, type Problem } from '../errors.js';
import { locate, toPointer, tryLoadJsonFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { Checklist, RuleFile, type ConditionNode, type Control, type Question, type Rule } from './schema.js';
import { valueProblem } from './values.js';
import { loadMigrations, type Migration } from './migration.js';
import { loadFrameworks, type Framework } from './frameworks.js';
import {
  DATE_OPERATORS,
  MAX_MONTHS_BACK,
  MEMBERSHIP_OPERATORS,
  NUMERIC_OPERATORS,
  INCIDENT_PATHS,
  SERVICE_PATHS,
  type RuleFact,
  type RuleOperator,
} from './vocabulary.js';

export interface QuestionRef {
  checklist: Checklist;
  control: Control;
  question: Question;
}

/** A validated rule with where it came from and which questions it tests. */
export interface CatalogRule {
  checklist: string;
  control: string;
  rule: Rule;
  file: string;
  pointer: string;
  /** Question ids the rule's conditions read (this year or last), in order of appearance. */
  questions: string[];
  /** Set for the engine's own answer checks (engine/answer-gaps.ts), which no rule file holds. */
  builtin?: 'ej-tillamplig-mot-registret' | 'underlag-saknas' | undefined;
}

export interface Catalog {
  /** Organisation-scope checklists first, then by id. */
  checklists: Checklist[];
  questions: Map<string, QuestionRef>;
  rulesByChecklist: Map<string, CatalogRule[]>;
  /** Per checklist, the steps from earlier catalogue versions to this one (checklists/migrations). */
  migrations: Map<string, Migration[]>;
  /** The frameworks answers give evidence for, with the questions mapped to their requirements. */
  frameworks: Map<string, Framework>;
  /** Files read, for `validate`'s summary. */
  files: { checklists: number; rules: number };
}

export interface CatalogSources {
  checklistsDir: string;
  rulesDir: string;
}

function jsonFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Loads and cross-checks every checklist and rule file; throws InvalidInputError listing all problems. */
export function loadCatalog(sources: CatalogSources): Catalog {
  const problems: Problem[] = [];
  const checklists = loadChecklists(sources.checklistsDir, problems);
  const questions = indexQuestions(checklists, problems);
  const { rulesByChecklist, ruleFiles } = loadRules(sources.rulesDir, checklists, questions, problems);
  const migrations = loadMigrations(sources.checklistsDir, checklists.map((c) => c.value), problems);
  const frameworks = loadFrameworks(sources.checklistsDir, questions, problems);
  if (problems.length > 0) throw new InvalidInputError(problems);
  return {
    checklists: checklists.map((c) => c.value),
    questions,
    rulesByChecklist,
    migrations,
    frameworks,
    files: { checklists: checklists.length, rules: ruleFiles },
  };
}

interface LoadedChecklist {
  value: Checklist;
  file: string;
  text: string;
}

function loadChecklists(dir: string, problems: Problem[]): LoadedChecklist[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ file: shownPath(dir), message: m().ca_noChecklistFolder });
    return [];
  }
  const loaded: LoadedChecklist[] = [];
  for (const path of jsonFilesIn(dir)) {
    const file = shownPath(path);
    const result = tryLoadJsonFile(path, file, Checklist);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const fileProblems = checkChecklist(result.value, basename(path, '.json'), file);
    problems.push(...locate(result.text, fileProblems));
    loaded.push({ value: result.value, file, text: result.text });
  }
  if (loaded.length === 0 && problems.length === 0) problems.push({ file: shownPath(dir), message: m().ca_noChecklists });
  const seen = new Map<string, string>();
  for (const c of loaded) {
    const other = seen.get(c.value.id);
    if (other !== undefined) problems.push({ file: c.file, pointer: '/id', message: m().ca_checklistExists(c.value.id, other) });
    seen.set(c.value.id, c.file);
  }
  // Organisation-level checklists first; within a scope the ones that have always applied before
  // those that apply from a later year (appliesFrom), so a year's existing tables keep their order.
  return loaded.sort(
    (a, b) =>
      Number(a.value.scope === 'service') - Number(b.value.scope === 'service') ||
      (a.value.appliesFrom ?? 0) - (b.value.appliesFrom ?? 0) ||
      a.value.id.localeCompare(b.value.id),
  );
}

function checkChecklist(checklist: Checklist, fileId: string, file: string): Problem[] {
  const problems: Problem[] = [];
  if (checklist.id !== fileId) problems.push({ file, pointer: '/id', message: m().ca_idNotFileName(checklist.id, fileId) });
  const controlIds = new Set<string>();
  checklist.controls.forEach((control, ci) => {
    if (controlIds.has(control.id)) problems.push({ file, pointer: `/controls/${ci}/id`, message: m().ca_controlExists(control.id) });
    controlIds.add(control.id);
    control.questions.forEach((q, qi) => {
      const at = `/controls/${ci}/questions/${qi}`;
      if (!q.id.startsWith(`${control.id}.`)) {
        problems.push({ file, pointer: `${at}/id`, message: m().ca_questionPrefix(q.id, control.id) });
      }
      if (q.type === 'choice') {
        const values = q.options.map((o) => o.value);
        values.forEach((v, oi) => {
          if (values.indexOf(v) !== oi) problems.push({ file, pointer: `${at}/options/${oi}/value`, message: m().ca_optionExists(v) });
        });
      }
      if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) {
        problems.push({ file, pointer: `${at}/min`, message: m().ca_minOverMax });
      }
    });
  });
  return problems;
}

function indexQuestions(checklists: LoadedChecklist[], problems: Problem[]): Map<string, QuestionRef> {
  const index = new Map<string, QuestionRef>();
  for (const { value: checklist, file, text } of checklists) {
    const fileProblems: Problem[] = [];
    checklist.controls.forEach((control, ci) =>
      control.questions.forEach((question, qi) => {
        const other = index.get(question.id);
        if (other !== undefined) {
          fileProblems.push({
            file,
            pointer: `/controls/${ci}/questions/${qi}/id`,
            message: m().ca_questionExists(question.id, other.checklist.id),
          });
          return;
        }
        index.set(question.id, { checklist, control, question });
      }),
    );
    problems.push(...locate(text, fileProblems));
  }
  return index;
}

function loadRules(
  dir: string,
  checklists: LoadedChecklist[],
  questions: Map<string, QuestionRef>,
  problems: Problem[],
): { rulesByChecklist: Map<string, CatalogRule[]>; ruleFiles: number } {
  const rulesByChecklist = new Map<string, CatalogRule[]>(checklists.map((c) => [c.value.id, []]));
  if (!existsSync(dir)) return { rulesByChecklist, ruleFiles: 0 };
  let ruleFiles = 0;
  const names = new Map<string, string>();
  for (const sub of readdirSync(dir).sort()) {
    const subDir = join(dir, sub);
    if (!statSync(subDir).isDirectory()) continue;
    const checklist = checklists.find((c) => c.value.id === sub)?.value;
    for (const path of jsonFilesIn(subDir)) {
      ruleFiles++;
      const file = shownPath(path);
      const result = tryLoadJsonFile(path, file, RuleFile);
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const ruleFile = result.value;
      const fileProblems: Problem[] = [];
      if (checklist === undefined) {
        fileProblems.push({ file, pointer: '/checklist', message: m().ca_noChecklistForRules(sub) });
      } else if (ruleFile.checklist !== sub) {
        fileProblems.push({ file, pointer: '/checklist', message: m().ca_checklistNotFolder(ruleFile.checklist, sub) });
      } else {
        const control = checklist.controls.find((c) => c.id === ruleFile.control);
        if (control === undefined) {
          fileProblems.push({ file, pointer: '/control', message: m().ca_noControl(sub, ruleFile.control) });
        } else if (basename(path, '.json') !== control.id) {
          fileProblems.push({ file, pointer: '/control', message: m().ca_ruleFileName(control.id) });
        } else {
          ruleFile.rules.forEach((rule, ri) => {
            const pointer = `/rules/${ri}`;
            const key = `${sub}/${rule.name}`;
            const other = names.get(key);
            if (other !== undefined) {
              fileProblems.push({ file, pointer: `${pointer}/name`, message: m().ca_ruleExists(rule.name, other) });
            }
            names.set(key, file);
            const check = new RuleChecker(file, sub, questions, fileProblems);
            check.condition(rule.conditions, `${pointer}/conditions`);
            check.examples(rule, pointer);
            rulesByChecklist.get(sub)?.push({ checklist: sub, control: control.id, rule, file, pointer, questions: check.questionsRead });
          });
        }
      }
      problems.push(...locate(result.text, fileProblems));
    }
  }
  return { rulesByChecklist, ruleFiles };
}

const isReference = (v: unknown): v is { fact: unknown; params?: unknown; path?: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'fact' in v;

/** Cross-checks one rule against the rule language and the catalogue's questions. */
class RuleChecker {
  readonly questionsRead: string[] = [];

  constructor(
    private readonly file: string,
    private readonly checklist: string,
    private readonly questions: Map<string, QuestionRef>,
    private readonly problems: Problem[],
  ) {}

  private problem(pointer: string, message: string): void {
    this.problems.push({ file: this.file, pointer, message });
  }

  condition(node: ConditionNode, at: string): void {
    if (node.all) node.all.forEach((c, i) => this.condition(c, `${at}/all/${i}`));
    else if (node.any) node.any.forEach((c, i) => this.condition(c, `${at}/any/${i}`));
    else if (node.not) this.condition(node.not, `${at}/not`);
    else this.leaf(node, at);
  }

  private question(id: unknown, at: string): Question | undefined {
    if (typeof id !== 'string') {
      this.problem(at, m().ca_paramsQuestion);
      return undefined;
    }
    const ref = this.questions.get(id);
    if (ref === undefined || ref.checklist.id !== this.checklist) {
      this.problem(at, m().ca_unknownQuestionIn(id, this.checklist));
      return undefined;
    }
    if (!this.questionsRead.includes(id)) this.questionsRead.push(id);
    return ref.question;
  }

  private leaf(node: ConditionNode, at: string): void {
    // The schema has already limited fact and operator to the rule language.
    const fact = node.fact as RuleFact;
    const operator = node.operator as RuleOperator;
    const params = node.params ?? {};
    const extraParams = (allowed: string[]): void => {
      for (const key of Object.keys(params)) {
        if (!allowed.includes(key)) this.problem(`${at}/params/${key}`, m().ca_unknownParam(key, fact));
      }
    };
    if (fact !== 'service' && fact !== 'incidents' && node.path !== undefined) this.problem(`${at}/path`, m().ca_pathOnly);

    switch (fact) {
      case 'answer':
      case 'previous': {
        extraParams(['question']);
        const question = this.question(params['question'], `${at}/params/question`);
        if (question) this.answerComparison(question, operator, node.value, at);
        return;
      }
      case 'service': {
        extraParams([]);
        const kind = node.path === undefined ? undefined : SERVICE_PATHS[node.path];
        if (kind === undefined) {
          this.problem(`${at}/path`, m().ca_pathOneOf(Object.keys(SERVICE_PATHS).join(', ')));
          return;
        }
        if (kind === 'boolean') this.expect(at, operator, node.value, ['equal', 'notEqual'], (v) => typeof v === 'boolean', m().ca_trueOrFalse);
        else this.expect(at, operator, node.value, ['equal', 'notEqual', ...NUMERIC_OPERATORS], (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 4, m().ca_level);
        return;
      }
      case 'incidents': {
        extraParams([]);
        const kind = node.path === undefined ? undefined : INCIDENT_PATHS[node.path];
        if (kind === undefined) {
          this.problem(`${at}/path`, m().ca_pathOneOf(Object.keys(INCIDENT_PATHS).join(', ')));
          return;
        }
        if (kind === 'boolean') this.expect(at, operator, node.value, ['equal', 'notEqual'], (v) => typeof v === 'boolean', m().ca_trueOrFalse);
        else this.expect(at, operator, node.value, ['equal', 'notEqual', ...NUMERIC_OPERATORS], (v) => typeof v === 'number' && Number.isFinite(v), m().ca_number);
        return;
      }
      case 'year':
        extraParams([]);
        this.expect(at, operator, node.value, ['equal', 'notEqual', ...NUMERIC_OPERATORS], Number.isInteger, m().ca_year);
        return;
      case 'reviewDate':
        this.monthsBack(params, `${at}/params`);
        this.expect(at, operator, node.value, [...DATE_OPERATORS], (v) => typeof v === 'string', m().ca_date);
        return;
    }
  }

  private monthsBack(params: Record<string, unknown>, at: string): void {
    for (const [key, v] of Object.entries(params)) {
      if (key !== 'monthsBack') this.problem(`${at}/${key}`, m().ca_unknownParam(key, 'reviewDate'));
      else if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > MAX_MONTHS_BACK) {
        this.problem(`${at}/monthsBack`, m().ca_monthsBack(MAX_MONTHS_BACK));
      }
    }
  }

  private expect(at: string, operator: string, value: unknown, operators: readonly string[], ok: (v: unknown) => boolean, what: string): void {
    if (!operators.includes(operator)) {
      this.problem(`${at}/operator`, m().ca_operator(operator, operators.join(', ')));
    } else if (!ok(value)) {
      this.problem(`${at}/value`, m().ca_valueMustBe(what));
    }
  }

  private answerComparison(question: Question, operator: string, value: unknown, at: string): void {
    const allowed = (v: unknown): boolean => v === null || valueProblem(question, v) === undefined;
    if ((MEMBERSHIP_OPERATORS as readonly string[]).includes(operator)) {
      if (!Array.isArray(value)) {
        this.problem(`${at}/value`, m().ca_comparesList(operator));
        return;
      }
      value.forEach((v, i) => {
        if (!allowed(v)) this.problem(`${at}/value/${i}`, valueProblem(question, v) ?? m().ca_invalidValue);
      });
      return;
    }
    if ((NUMERIC_OPERATORS as readonly string[]).includes(operator)) {
      if (question.type !== 'number') this.problem(`${at}/operator`, m().ca_needsType(operator, 'number', question.id, question.type));
      else if (typeof value !== 'number') this.problem(`${at}/value`, m().ca_valueMustBe(m().ca_number));
      return;
    }
    if ((DATE_OPERATORS as readonly string[]).includes(operator)) {
      if (question.type !== 'date') {
        this.problem(`${at}/operator`, m().ca_needsType(operator, 'date', question.id, question.type));
      } else if (isReference(value)) {
        if (value.fact !== 'reviewDate') this.problem(`${at}/value/fact`, m().ca_onlyReviewDate);
        else if (value.path !== undefined) this.problem(`${at}/value/path`, m().ca_pathNotHere);
        else this.monthsBack((value.params ?? {}) as Record<string, unknown>, `${at}/value/params`);
      } else if (!allowed(value)) {
        this.problem(`${at}/value`, m().ca_dateValue);
      }
      return;
    }
    if (!allowed(value)) this.problem(`${at}/value`, valueProblem(question, value) ?? m().ca_invalidValue);
  }

  examples(rule: Rule, at: string): void {
    for (const kind of ['fires', 'passes'] as const) {
      rule.examples[kind].forEach((example, ei) => {
        for (const field of ['answers', 'previous'] as const) {
          for (const [id, value] of Object.entries(example[field] ?? {})) {
            const pointer = `${at}/examples/${kind}/${ei}/${field}/${toPointer([id]).slice(1)}`;
            const ref = this.questions.get(id);
            if (ref === undefined || ref.checklist.id !== this.checklist) this.problem(pointer, m().ca_unknownQuestionIn(id, this.checklist));
            else {
              const problem = valueProblem(ref.question, value);
              if (problem !== undefined) this.problem(pointer, problem);
            }
          }
        }
      });
    }
  }
}
