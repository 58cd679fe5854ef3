import type { CatalogRule } from '../catalog/load.js';
import type { ConditionNode } from '../catalog/schema.js';
import type { RuleOperator } from '../catalog/vocabulary.js';
import { monthsBefore } from './dates.js';
import type { RuleInput } from './input.js';

type Getter = (input: RuleInput) => unknown;
export type Predicate = (input: RuleInput) => boolean;

// json-rules-engine's numeric operators first check that the fact parses as a number.
const numeric = (a: unknown): boolean => Number.parseFloat(a as string).toString() !== 'NaN';
const isDate = (v: unknown): v is string => typeof v === 'string';

/** The operators, with exactly the semantics the reference engine gives them (see rules.ts). */
const OPERATORS: Record<RuleOperator, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== null && a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => a !== null && Array.isArray(b) && !b.includes(a),
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
  dateBefore: (a, b) => isDate(a) && isDate(b) && a < b,
  dateOnOrAfter: (a, b) => isDate(a) && isDate(b) && a >= b,
};

function answerGetter(source: 'answers' | 'previous', question: string): Getter {
  return (input) => {
    const values = input[source];
    return Object.hasOwn(values, question) ? values[question] : null;
  };
}

function factGetter(fact: string, params: Record<string, unknown> | undefined, path: string | undefined): Getter {
  switch (fact) {
    case 'answer':
      return answerGetter('answers', params?.['question'] as string);
    case 'previous':
      return answerGetter('previous', params?.['question'] as string);
    case 'year':
      return (input) => input.year;
    case 'reviewDate': {
      const months = (params?.['monthsBack'] as number | undefined) ?? 0;
      return (input) => monthsBefore(input.reviewDate, months);
    }
    case 'service':
    case 'incidents': {
      const keys = (path ?? '$').slice(2).split('.');
      return (input) => {
        let current: unknown = fact === 'service' ? input.service : input.incidents;
        for (const key of keys) {
          if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
          current = (current as Record<string, unknown>)[key];
        }
        return current;
      };
    }
    default:
      throw new Error(`unknown fact ${fact}`);
  }
}

function valueGetter(value: unknown): Getter {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value) {
    const ref = value as { fact: string; params?: Record<string, unknown>; path?: string };
    return factGetter(ref.fact, ref.params, ref.path);
  }
  return () => value;
}

/** A validated condition as a plain closure: no engine, no promises, no cloning. */
export function compileCondition(node: ConditionNode): Predicate {
  if (node.all) {
    const parts = node.all.map(compileCondition);
    return (input) => parts.every((p) => p(input));
  }
  if (node.any) {
    const parts = node.any.map(compileCondition);
    return (input) => parts.some((p) => p(input));
  }
  if (node.not) {
    const inner = compileCondition(node.not);
    return (input) => !inner(input);
  }
  const fact = factGetter(node.fact!, node.params, node.path);
  const value = valueGetter(node.value);
  const operator = OPERATORS[node.operator as RuleOperator];
  return (input) => operator(fact(input), value(input));
}

/** One checklist's rules compiled once; evaluates them for a service synchronously. */
export class CompiledRules {
  private readonly compiled: { name: string; test: Predicate }[];

  constructor(rules: readonly CatalogRule[]) {
    this.compiled = rules.map((r) => ({ name: r.rule.name, test: compileCondition(r.rule.conditions) }));
  }

  firedRules(input: RuleInput): Set<string> {
    const fired = new Set<string>();
    for (const { name, test } of this.compiled) if (test(input)) fired.add(name);
    return fired;
  }
}
