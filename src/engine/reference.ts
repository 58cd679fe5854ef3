import { Engine, type Almanac } from 'json-rules-engine';
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
  firedRules(input: RuleInput): Promise<Set<string>> {
    const run = this.queue.then(async () => {
      const { results } = await this.engine.run({
        // Runtime facts under names no rule may use (the loader allows only the rule language's).
        thisYear: input.answers,
        lastYear: input.previous,
        service: input.service,
        year: input.year,
        reviewDay: input.reviewDate,
      });
      return new Set(results.map((r) => r.name));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
