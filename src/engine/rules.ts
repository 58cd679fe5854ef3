import { Engine, type Almanac } from 'json-rules-engine';
import type { CatalogRule } from '../catalog/load.js';
import type { ServiceProfile } from '../catalog/profile.js';
import type { AnswerValue } from '../catalog/values.js';

/** Everything a rule may look at for one service and year (the facts of docs/authoring.md). */
export interface RuleInput {
  answers: Readonly<Record<string, AnswerValue>>;
  previous: Readonly<Record<string, AnswerValue>>;
  service: ServiceProfile;
  year: number;
  /** YYYY-MM-DD */
  reviewDate: string;
}

/** `$.a.b` looked up as plain properties: the loader allows no other path, so no JSONPath runs. */
function resolvePath(value: object, path: string): unknown {
  let current: unknown = value;
  for (const key of path.slice(2).split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The same day n months later (n < 0: earlier), clamped to the end of a shorter month. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export const monthsBefore = (isoDate: string, months: number): string => addMonths(isoDate, -months);

const isDate = (v: unknown): v is string => typeof v === 'string';

function answerFact(source: 'thisYear' | 'lastYear') {
  return async (params: Record<string, unknown>, almanac: Almanac): Promise<AnswerValue | null> => {
    const values = await almanac.factValue<Record<string, AnswerValue>>(source);
    const id = params['question'] as string;
    return Object.hasOwn(values, id) ? (values[id] as AnswerValue) : null;
  };
}

/**
 * One json-rules-engine Engine for one checklist's rules, built once and reused for every service.
 * Runs are queued so that no two overlap: the engine's run state is shared between runs.
 */
export class RuleEvaluator {
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
