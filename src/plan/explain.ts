import type { Catalog, CatalogRule } from '../catalog/load.js';
import type { Question } from '../catalog/schema.js';
import { applicableIn, ruleInputOf, type AssessmentInput } from '../engine/assess.js';
import type { RuleInput } from '../engine/input.js';
import { ReferenceRules, type ConditionTrace } from '../engine/reference.js';
import type { Assessed } from '../review.js';
import { decimal, msg, statusAnswerLabel, t, text, type Lang } from '../ui/i18n.js';
import type { Action } from './actions.js';
import { traceOf, type ResultNode } from '../engine/reference.js';

/** A rule's conditions as json-rules-engine evaluated them: the all/any/not structure, each leaf with what it saw. */
export type ExplainNode =
  | { kind: 'all' | 'any'; children: ExplainNode[]; result: boolean | undefined }
  | { kind: 'not'; child: ExplainNode; result: boolean | undefined }
  /** `written`: the rule's value as the rule file has it (a fact reference such as 12 months before the review date). */
  | { kind: 'leaf'; trace: ConditionTrace; written: unknown; evaluated: boolean };

export interface Explanation {
  /** Every leaf condition in order: what `actions --explain --json` gives (as explainRule in engine/reference.ts). */
  leaves: ConditionTrace[];
  tree: ExplainNode;
}

function treeOf(node: ResultNode): ExplainNode {
  if (node.all || node.any) {
    const kind = node.all ? 'all' : 'any';
    const children = (node.all ?? node.any)!.map(treeOf);
    const results = children.map((c) => (c.kind === 'leaf' ? (c.evaluated ? c.trace.result : undefined) : c.result));
    const result = results.includes(undefined) ? undefined : kind === 'all' ? results.every(Boolean) : results.some(Boolean);
    return { kind, children, result };
  }
  if (node.not) {
    const child = treeOf(node.not);
    const inner = child.kind === 'leaf' ? (child.evaluated ? child.trace.result : undefined) : child.result;
    return { kind: 'not', child, result: inner === undefined ? undefined : !inner };
  }
  return {
    kind: 'leaf',
    trace: traceOf(node),
    written: node.value,
    evaluated: node.result !== undefined,
  };
}

export function leavesOf(node: ExplainNode): ConditionTrace[] {
  if (node.kind === 'leaf') return [node.trace];
  if (node.kind === 'not') return leavesOf(node.child);
  return node.children.flatMap(leavesOf);
}

/**
 * The "why" of each action: its rule run through json-rules-engine, the reference evaluator, with
 * the result tree it gives (`ruleResult.toJSON()`): the all/any/not structure and every condition
 * with the value it saw.
 */
export async function explainActions(catalog: Catalog, actions: readonly Action[], assessed: readonly Assessed[]): Promise<Map<string, Explanation>> {
  const out = new Map<string, Explanation>();
  const byService = new Map(assessed.map((a) => [a.service.id, a]));
  // Each service's answers read once, however many of its actions are explained.
  const inputs = new Map<string, AssessmentInput>();
  for (const action of actions) {
    const service = byService.get(action.service);
    const checklist = catalog.checklists.find((c) => c.id === action.checklist);
    const rule = catalog.rulesByChecklist.get(action.checklist)?.find((r) => r.rule.name === action.rule);
    if (service === undefined || checklist === undefined || rule === undefined) continue;
    let input = inputs.get(action.service);
    if (input === undefined) inputs.set(action.service, (input = service.readInput()));
    const explanation = await explainRuleTree(rule, ruleInputOf(input, applicableIn(checklist, service.service.profile).questions));
    if (explanation !== undefined) out.set(action.id, explanation);
  }
  return out;
}

/** One rule run through json-rules-engine: its result tree, and the leaves in order. */
export async function explainRuleTree(rule: CatalogRule, input: RuleInput): Promise<Explanation | undefined> {
  const results = await new ReferenceRules([rule]).run(input);
  const found = [...results.results, ...results.failureResults].find((r) => r.name === rule.rule.name);
  if (found === undefined) return undefined;
  const tree = treeOf((found.toJSON(false) as unknown as { conditions: ResultNode }).conditions);
  return { leaves: leavesOf(tree), tree };
}

// ---- in words ---------------------------------------------------------------------------

type Kind = 'status' | 'choice' | 'count' | 'level' | 'year' | 'number' | 'date' | 'text' | 'boolean';

/** What a condition is about, as a reader says it, and how its values read. */
interface Subject {
  /** "LOG.3", "tillgänglighet", "antal major incidents de senaste 12 månaderna". */
  noun: string;
  kind: Kind;
  unit?: string | undefined;
  question?: Question | undefined;
  /** For a yes/no fact: the sentence when it holds and when it does not. */
  yes?: string;
  no?: string;
  /** How the value seen is introduced: "svaret", "förra årets svar"; none for register facts. */
  seen?: string;
  /** The value as a short tag, e.g. `T4`. */
  tag?: (v: unknown) => string;
  /** Last year's answer: it "var", not "är". */
  past?: boolean;
}

type Words = Record<Lang, string>;
const w = (sv: string, en: string): Words => ({ sv, en });

const ASPECT: Record<string, Words> = {
  K: w('konfidentialitet', 'confidentiality'),
  R: w('riktighet', 'integrity'),
  T: w('tillgänglighet', 'availability'),
  S: w('spårbarhet', 'traceability'),
  max: w('högsta klassningsnivån', 'the highest classification level'),
};

const SERVICE_FLAG: Record<string, [Words, Words]> = {
  personalData: [w('tjänsten behandlar personuppgifter', 'the service processes personal data'), w('tjänsten behandlar inte personuppgifter', 'the service does not process personal data')],
  sensitiveData: [w('tjänsten behandlar känsliga personuppgifter', 'the service processes sensitive personal data'), w('tjänsten behandlar inte känsliga personuppgifter', 'the service does not process sensitive personal data')],
  thirdCountry: [w('tjänsten överför personuppgifter till tredje land', 'the service transfers personal data to a third country'), w('tjänsten överför inte personuppgifter till tredje land', 'the service does not transfer personal data to a third country')],
  hasSupplier: [w('tjänsten har en extern leverantör', 'the service has an external supplier'), w('tjänsten har ingen extern leverantör', 'the service has no external supplier')],
};

const KNOWN_FLAG: Record<string, [Words, Words]> = {
  personalData: [w('registret vet om tjänsten behandlar personuppgifter', 'the register knows whether the service processes personal data'), w('det är okänt om tjänsten behandlar personuppgifter', 'it is unknown whether the service processes personal data')],
  sensitiveData: [w('registret vet om tjänsten behandlar känsliga personuppgifter', 'the register knows whether the service processes sensitive personal data'), w('det är okänt om tjänsten behandlar känsliga personuppgifter', 'it is unknown whether the service processes sensitive personal data')],
  thirdCountry: [w('registret vet om personuppgifter överförs till tredje land', 'the register knows whether personal data goes to a third country'), w('det är okänt om personuppgifter överförs till tredje land', 'it is unknown whether personal data goes to a third country')],
  hasSupplier: [w('registret vet om tjänsten har en extern leverantör', 'the register knows whether the service has an external supplier'), w('det är okänt om tjänsten har en extern leverantör', 'it is unknown whether the service has an external supplier')],
  classification: [w('tjänsten är informationsklassad', 'the service is classified'), w('tjänsten är inte informationsklassad', 'the service is not classified')],
};

const WINDOW = w('de senaste 12 månaderna', 'in the last 12 months');
const INCIDENT_COUNT: Record<string, Words> = {
  major_incident: w('antal major incidents', 'the number of major incidents'),
  personuppgiftsincident: w('antal personuppgiftsincidenter', 'the number of personal data breaches'),
  informationssakerhetsincident: w('antal informationssäkerhetsincidenter', 'the number of information security incidents'),
  betydande_incident: w('antal betydande incidenter', 'the number of significant incidents'),
};
const INCIDENT_FACT: Record<string, Words> = {
  lateImyWithoutReason: w('antal personuppgiftsincidenter anmälda till IMY efter 72 timmar utan angivet skäl', 'the number of breaches notified to IMY after 72 hours without a reason'),
  breachesWithoutDecision: w('antal personuppgiftsincidenter utan anmälan till IMY eller beslut att inte anmäla', 'the number of breaches neither notified to IMY nor decided not to notify'),
  lateEarlyWarnings: w('antal betydande incidenter med sen eller utebliven tidig varning (24 timmar)', 'the number of significant incidents with a late or missing early warning (24 hours)'),
  lateNotifications: w('antal betydande incidenter med sen eller utebliven incidentanmälan (72 timmar)', 'the number of significant incidents with a late or missing incident notification (72 hours)'),
  missingFinalReports: w('antal betydande incidenter utan slutrapport inom en månad', 'the number of significant incidents without a final report within a month'),
};

function monthsText(months: number, lang: Lang): string {
  return msg(lang).explain_months(months);
}

/** "granskningsdagen", "12 månader före granskningsdagen". */
function reviewDateText(params: Record<string, unknown> | undefined, lang: Lang): string {
  const months = typeof params?.['monthsBack'] === 'number' ? (params['monthsBack'] as number) : 0;
  const day = t('explain_reviewDate', lang);
  return months === 0 ? day : `${monthsText(months, lang)} ${t('explain_before', lang)} ${day}`;
}

function subjectOf(catalog: Catalog, fact: string, params: Record<string, unknown> | undefined, path: string | undefined, lang: Lang): Subject {
  const l = msg(lang);
  const key = (path ?? '$').slice(2);
  if (fact === 'answer' || fact === 'previous') {
    const id = String(params?.['question'] ?? '');
    const question = catalog.questions.get(id)?.question;
    const unit = question?.type === 'number' && question.unit ? text(question.unit, lang) : undefined;
    const kind: Kind =
      question === undefined ? 'text' : question.type === 'number' ? (unit === 'st' || unit === 'pcs' ? 'count' : 'number') : question.type;
    const last = fact === 'previous';
    return {
      noun: last ? l.explain_lastYear(id) : id,
      kind,
      unit: kind === 'count' ? undefined : unit,
      question,
      seen: last ? l.explain_seenLastYear : l.explain_seenAnswer,
      past: last,
    };
  }
  if (fact === 'service') {
    if (key.startsWith('classification.')) {
      const aspect = key.slice('classification.'.length);
      return { noun: ASPECT[aspect]?.[lang] ?? key, kind: 'level', tag: (v) => (aspect === 'max' ? l.explain_level(String(v)) : `${aspect}${String(v)}`) };
    }
    const known = key.startsWith('known.') ? KNOWN_FLAG[key.slice('known.'.length)] : SERVICE_FLAG[key];
    if (known !== undefined) return { noun: key, kind: 'boolean', yes: known[0][lang], no: known[1][lang] };
    return { noun: l.explain_serviceField(key), kind: 'text' };
  }
  if (fact === 'incidents') {
    if (key === 'covered') {
      return { noun: key, kind: 'boolean', yes: l.explain_registerCovers, no: l.explain_registerNotCovers };
    }
    if (key.startsWith('count.')) {
      const kind = key.slice('count.'.length);
      return { noun: `${INCIDENT_COUNT[kind]?.[lang] ?? kind} ${WINDOW[lang]}`, kind: 'count' };
    }
    if (key === 'maxImyDelayHours') {
      return { noun: l.explain_maxImyDelay, kind: 'number', unit: l.explain_hours };
    }
    return { noun: `${INCIDENT_FACT[key]?.[lang] ?? key} ${WINDOW[lang]}`, kind: 'count' };
  }
  if (fact === 'year') return { noun: l.explain_reviewYear, kind: 'year' };
  if (fact === 'reviewDate') return { noun: reviewDateText(params, lang), kind: 'date' };
  return { noun: fact, kind: 'text' };
}

const isRef = (v: unknown): v is { fact: string; params?: Record<string, unknown>; path?: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string';

function numberText(n: unknown, lang: Lang): string {
  if (typeof n !== 'number') return String(n);
  const s = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  return decimal(s, lang);
}

/** One value as the reader knows it: `Nej`, an option's label, `24 timmar`, `2024-09-30`. */
function valueText(subject: Subject, v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return t('explain_unanswered', lang);
  if (subject.kind === 'status') return statusAnswerLabel(String(v), lang);
  if (subject.kind === 'choice' && subject.question?.type === 'choice') {
    const option = subject.question.options.find((o) => o.value === v);
    return option === undefined ? String(v) : text(option.label, lang);
  }
  if (subject.kind === 'boolean') return v === true ? t('yes', lang) : v === false ? t('no', lang) : String(v);
  if (typeof v === 'number') return `${numberText(v, lang)}${subject.unit ? ` ${subject.unit}` : ''}`;
  return String(v);
}

/** "A", "A eller B", "A, B eller C". */
function either(items: readonly string[], lang: Lang, word = t('orWord', lang)): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)!}`;
}

function noneOf(items: readonly string[], lang: Lang): string {
  const l = msg(lang);
  if (items.length <= 1) return `${l.explain_not} ${items[0] ?? ''}`;
  if (items.length === 2) return l.explain_neither(items[0]!, items[1]!);
  return l.explain_noneOf(either(items, lang, l.q_and));
}

/** The comparison in words: "är 3 eller fler", "är Nej eller Delvis", "är äldre än 12 månader före granskningsdagen". */
function predicate(catalog: Catalog, subject: Subject, operator: string, written: unknown, resolved: unknown, lang: Lang): string {
  const l = msg(lang);
  const is = subject.past ? l.explain_was : l.explain_is;
  // A value taken from another fact reads as that fact: "12 månader före granskningsdagen".
  const other = isRef(written) ? (written.fact === 'reviewDate' ? reviewDateText(written.params, lang) : subjectOf(catalog, written.fact, written.params, written.path, lang).noun) : undefined;
  const one = (v: unknown) => other ?? valueText(subject, v, lang);
  const list = Array.isArray(resolved) ? resolved.map((v) => valueText(subject, v, lang)) : [one(resolved)];
  const n = one(resolved);
  // [greaterThanInclusive, greaterThan, lessThan, lessThanInclusive]: counts are fewer or more, levels lower or higher.
  const scale = (op: 0 | 1 | 2 | 3) => l.explain_scale(subject.kind, op, n);
  switch (operator) {
    case 'equal':
      return `${is} ${n}`;
    case 'notEqual':
      return `${is} ${l.explain_not} ${n}`;
    case 'in':
      return `${is} ${either(list, lang)}`;
    case 'notIn':
      return `${is} ${noneOf(list, lang)}`;
    case 'greaterThanInclusive':
      return `${is} ${scale(0)}`;
    case 'greaterThan':
      return `${is} ${scale(1)}`;
    case 'lessThan':
      return `${is} ${scale(2)}`;
    case 'lessThanInclusive':
      return `${is} ${scale(3)}`;
    case 'dateBefore':
      if (isRef(written) && written.fact === 'reviewDate') {
        const months = typeof written.params?.['monthsBack'] === 'number' ? (written.params['monthsBack'] as number) : 0;
        if (months > 0) return l.explain_olderThan(is, monthsText(months, lang));
      }
      return `${is} ${l.explain_before} ${n}`;
    case 'dateOnOrAfter':
      if (isRef(written) && written.fact === 'reviewDate') {
        const months = typeof written.params?.['monthsBack'] === 'number' ? (written.params['monthsBack'] as number) : 0;
        if (months > 0) return l.explain_atMost(is, monthsText(months, lang));
      }
      return `${is} ${n} ${l.explain_orLater}`;
    default:
      return `${operator} ${JSON.stringify(resolved)}`;
  }
}

const mark = (result: boolean | undefined, lang: Lang): string => (result === undefined ? t('explain_notEvaluated', lang) : result ? '✓' : '✗');

/**
 * One condition in words with its outcome and what it saw: `LOG.3 är Nej eller Delvis ✓ (svaret: Nej)`,
 * `tillgänglighet är 3 eller högre ✓ (T4)`, `antal major incidents de senaste 12 månaderna är 3 eller fler ✓ (7)`.
 */
export function describeCondition(catalog: Catalog, leaf: { trace: ConditionTrace; written: unknown; evaluated: boolean }, lang: Lang): string {
  const { trace } = leaf;
  const subject = subjectOf(catalog, trace.fact, trace.params, trace.path, lang);
  const outcome = mark(leaf.evaluated ? trace.result : undefined, lang);
  if (subject.kind === 'boolean' && (trace.operator === 'equal' || trace.operator === 'notEqual') && typeof trace.value === 'boolean') {
    const holds = trace.operator === 'equal' ? trace.value : !trace.value;
    return `${holds ? subject.yes : subject.no} ${outcome}`;
  }
  const says = predicate(catalog, subject, trace.operator, leaf.written, trace.value, lang);
  const seen = leaf.evaluated ? valueText(subject, trace.factValue, lang) : undefined;
  const shown = seen === undefined ? '' : subject.tag && trace.factValue !== null && trace.factValue !== undefined ? subject.tag(trace.factValue) : subject.seen ? `${subject.seen}: ${seen}` : seen;
  // A limit taken from another fact is shown as the value it had: "gränsen 2024-11-06".
  const limit = isRef(leaf.written) && trace.value !== undefined && !Array.isArray(trace.value) ? `; ${t('explain_limit', lang)} ${valueText(subject, trace.value, lang)}` : '';
  return `${subject.noun} ${says} ${outcome}${shown === '' ? '' : ` (${shown}${limit})`}`;
}

const GROUP: Record<'all' | 'any' | 'not', Words> = { all: w('alla dessa', 'all of'), any: w('minst en av', 'at least one of'), not: w('inte', 'not') };

/** The condition tree in words, one line a condition, two spaces of indentation a level. */
export function describeExplanation(catalog: Catalog, tree: ExplainNode, lang: Lang, indent = ''): string[] {
  if (tree.kind === 'leaf') return [`${indent}${describeCondition(catalog, tree, lang)}`];
  const children = tree.kind === 'not' ? [tree.child] : tree.children;
  return [`${indent}${GROUP[tree.kind][lang]}: ${mark(tree.result, lang)}`, ...children.flatMap((c) => describeExplanation(catalog, c, lang, `${indent}  `))];
}
