import { Engine, type Almanac, type EngineResult } from 'json-rules-engine';
import type { CatalogRule } from '../catalog/load.js';
import type { AnswerValue } from '../catalog/values.js';
import { monthsBefore } from './dates.js';
import type { RuleInput } from './input.js';

/** `$.a.b` looked up as plain properties: the loader allows no other path, so no JSONPath runs. */
function resolvePath(value: object, path: string): unknown {
  let current: unknown = value;
  for (const key of path.slice(2).split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const isDate = (v: unknown): v is string => typeof v === 'string';

function answerFact(source: 'thisYear' | 'lastYear') {
  return async (params: Record<string, unknown>, almanac: Almanac): Promise<AnswerValue | null> => {
    const values = await almanac.factValue<Record<string, AnswerValue>>(source);
    const id = params['question'] as string;
    return Object.hasOwn(values, id) ? (values[id] as AnswerValue) : null;
  };
}

/**
 * The reference evaluator: one json-rules-engine Engine for one checklist's rules, built once and reused for every service.
 * Runs are queued so that no two overlap: the engine's run state is shared between runs.
 */
export class ReferenceRules {
  private readonly engine: Engine;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(rules: readonly CatalogRule[]) {
    this.engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath });
    // A missing answer (null) never makes a rule fire by itself: the negated operators would.
    this.engine.addOperator<unknown, unknown>('notEqual', (a, b) => a !== null && a !== b);
    this.engine.addOperator<unknown, unknown>('notIn', (a, b) => a !== null && Array.isArray(b) && !b.includes(a));
    this.engine.addOperator<unknown, unknown>('dateBefore', (a, b) => isDate(a) && isDate(b) && a < b);
    this.engine.addOperator<unknown, unknown>('dateOnOrAfter', (a, b) => isDate(a) && isDate(b) && a >= b);
    this.engine.addFact('answer', answerFact('thisYear'));
    this.engine.addFact('previous', answerFact('lastYear'));
    this.engine.addFact('reviewDate', async (params: Record<string, unknown>, almanac: Almanac) =>
      monthsBefore(await almanac.factValue<string>('reviewDay'), (params['monthsBack'] as number | undefined) ?? 0),
    );
    for (const { rule } of rules) {
      this.engine.addRule({ name: rule.name, conditions: rule.conditions as never, event: rule.event });
    }
  }

  /** Names of the rules whose conditions hold. */
  async firedRules(input: RuleInput): Promise<Set<string>> {
    const { results } = await this.run(input);
    return new Set(results.map((r) => r.name));
  }

  /** One awaited engine run; runs are queued so that no two overlap. */
  run(input: RuleInput): Promise<EngineResult> {
    const run = this.queue.then(() =>
      this.engine.run({
        // Runtime facts under names no rule may use (the loader allows only the rule language's).
        thisYear: input.answers,
        lastYear: input.previous,
        service: input.service,
        incidents: input.incidents,
        year: input.year,
        reviewDay: input.reviewDate,
      }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** One leaf condition of a rule as the reference engine evaluated it: the "why" of a gap. */
export interface ConditionTrace {
  fact: string;
  params?: Record<string, unknown>;
  path?: string;
  operator: string;
  value: unknown;
  factValue: unknown;
  result: boolean;
}

/** A node of json-rules-engine's `ruleResult.toJSON(false).conditions`. */
export interface ResultNode {
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
  fact?: string;
  params?: Record<string, unknown>;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

function leaves(node: ResultNode): ConditionTrace[] {
  if (node.all) return node.all.flatMap(leaves);
  if (node.any) return node.any.flatMap(leaves);
  if (node.not) return leaves(node.not);
  return [traceOf(node)];
}

/** One leaf condition as it was tested: the fact, the operator, the value compared and what the fact was. */
export function traceOf(node: ResultNode): ConditionTrace {
  return {
    fact: node.fact ?? '',
    ...(node.params ? { params: node.params } : {}),
    ...(node.path ? { path: node.path } : {}),
    operator: node.operator ?? '',
    value: node.valueResult ?? node.value,
    factValue: node.factResult ?? null,
    result: node.result === true,
  };
}

/** Runs one rule through json-rules-engine and returns every leaf condition with the value it saw. */
export async function explainRule(rule: CatalogRule, input: RuleInput): Promise<ConditionTrace[]> {
  const engine = new ReferenceRules([rule]);
  const results = await engine.run(input);
  const found = [...results.results, ...results.failureResults].find((r) => r.name === rule.rule.name);
  return found === undefined ? [] : leaves((found.toJSON(false) as unknown as { conditions: ResultNode }).conditions);
}
