import { m } from '../ui/i18n.js';
import { z } from 'zod';
import { freeText } from '../io/free-text.js';
import { RULE_FACTS, RULE_OPERATORS } from './vocabulary.js';
import { INCIDENT_KINDS } from '../incidents/schema.js';

/** Swedish first, English beside it: every user-facing catalogue text comes in both. */
export const LocalizedText = z.strictObject({
  sv: freeText().trim().min(1),
  en: freeText().trim().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const CONTROL_ID = /^[A-Z][A-Z0-9]*$/;
export const QUESTION_ID = /^[A-Z][A-Z0-9]*\.[0-9]+$/;
export const CHECKLIST_ID = /^[a-z][a-z0-9-]*$/;

export const STATUS_VALUES = ['ja', 'delvis', 'nej', 'ej_tillamplig'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

/** Service metadata a question's applicability or a rule may test. */
export const BOOLEAN_SERVICE_FIELDS = ['personalData', 'sensitiveData', 'thirdCountry', 'hasSupplier'] as const;
export const CLASSIFICATION_ASPECTS = ['K', 'R', 'T', 'S'] as const;
export type ClassificationAspect = (typeof CLASSIFICATION_ASPECTS)[number];

export const Applicability = z.union([
  z.strictObject({
    field: z.enum(BOOLEAN_SERVICE_FIELDS),
    equals: z.boolean(),
  }),
  z.strictObject({
    field: z.enum(['classification.K', 'classification.R', 'classification.T', 'classification.S', 'classification.max']),
    min: z.number().int().min(0).max(4),
  }),
]);
export type Applicability = z.infer<typeof Applicability>;

const questionBase = {
  id: z.string().regex(QUESTION_ID, { error: () => m().ca_questionIdForm }),
  text: LocalizedText,
  help: LocalizedText,
  weight: z.number().positive().max(10).default(1).describe('Vikt i kontrollens poäng (standard 1)'),
  legal: z.boolean().describe('true när frågan gäller ett lagkrav'),
  references: z.array(freeText().trim().min(1)).min(1),
  appliesWhen: z
    .array(Applicability)
    .min(1)
    .optional()
    .describe('Frågan gäller bara tjänster där alla villkor håller; annars ställs den inte och räknas inte'),
  perPeriod: z
    .boolean()
    .optional()
    .describe('true när svaret gäller en period, t.ex. ett antal under de senaste 12 månaderna: förra årets svar visas som referens men förifylls aldrig'),
};

export const ChoiceOption = z.strictObject({
  value: z.string().regex(/^[a-z0-9_]+$/, { error: () => m().ca_optionForm }),
  label: LocalizedText,
  score: z.number().min(0).max(1),
});

export const Question = z.discriminatedUnion('type', [
  z.strictObject({ ...questionBase, type: z.literal('status') }),
  z.strictObject({ ...questionBase, type: z.literal('choice'), options: z.array(ChoiceOption).min(2) }),
  z.strictObject({
    ...questionBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
    unit: LocalizedText.optional(),
    fromIncidents: z
      .enum(INCIDENT_KINDS)
      .optional()
      .describe('Räknas ur incidentregistret när det täcker de senaste tolv månaderna, i stället för att frågas'),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('date'),
    notAfterReview: z
      .boolean()
      .optional()
      .describe('true när datumet gäller något som redan har hänt (senaste granskning, test, utbildning): ett datum efter granskningsdagen, i dag eller årets sista dag, vägras'),
  }),
  z.strictObject({ ...questionBase, type: z.literal('text') }),
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

export const Control = z.strictObject({
  id: z.string().regex(CONTROL_ID, { error: () => m().ca_controlIdForm }),
  name: LocalizedText,
  description: LocalizedText,
  questions: z.array(Question).min(1),
});
export type Control = z.infer<typeof Control>;

export const Checklist = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(CHECKLIST_ID),
  name: LocalizedText,
  scope: z.enum(['organisation', 'service']),
  version: freeText().min(1),
  /**
   * The first review year the checklist applies to (a law in force from that year): for earlier
   * years it is not asked, not scored and not shown. Without it the checklist applies every year.
   */
  appliesFrom: z.number().int().min(2000).max(2100).optional().describe('Första granskningsåret checklistan gäller (t.ex. en lag i kraft från det året); tidigare år frågas den inte, räknas inte och visas inte'),
  controls: z.array(Control).min(1),
});
export type Checklist = z.infer<typeof Checklist>;

// ---- rules -------------------------------------------------------------------------------

/** A json-rules-engine condition: `all`, `any`, `not`, or a leaf `{ fact, operator, value }`. */
export interface ConditionNode {
  all?: ConditionNode[] | undefined;
  any?: ConditionNode[] | undefined;
  not?: ConditionNode | undefined;
  fact?: string | undefined;
  operator?: string | undefined;
  value?: unknown;
  params?: Record<string, unknown> | undefined;
  path?: string | undefined;
}

const CONDITION_FORMS = ['all', 'any', 'not', 'fact'] as const;

// One object shape with every key optional, refined to exactly one form, gives clearer errors
// ("unknown key 'operater'") than a union of four shapes would.
export const Condition: z.ZodType<ConditionNode> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(Condition).min(1).optional(),
      any: z.array(Condition).min(1).optional(),
      not: Condition.optional(),
      fact: z.enum(RULE_FACTS).optional().describe('answer, previous, service, year eller reviewDate (se docs/authoring.md)'),
      operator: z.enum(RULE_OPERATORS).optional(),
      value: z.unknown().optional(),
      params: z.record(z.string(), z.unknown()).optional(),
      path: z.string().optional(),
    })
    .superRefine((node, ctx) => {
      const forms = CONDITION_FORMS.filter((k) => node[k] !== undefined);
      if (forms.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: m().ca_conditionForms,
        });
        return;
      }
      if (forms[0] === 'fact') {
        if (node.operator === undefined) ctx.addIssue({ code: 'custom', path: ['operator'], message: m().ca_operatorMissing });
        if (!('value' in node)) ctx.addIssue({ code: 'custom', path: ['value'], message: m().ca_valueMissing });
      } else {
        for (const k of ['operator', 'value', 'params', 'path'] as const) {
          if (k in node) ctx.addIssue({ code: 'custom', path: [k], message: m().ca_factOnly(k) });
        }
      }
    }),
);

export const SEVERITIES = ['stor', 'mellan', 'liten'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const GapParams = z.strictObject({
  severity: z.enum(SEVERITIES),
  finding: LocalizedText,
  action: LocalizedText,
  reference: freeText().trim().min(1),
  deadlineMonths: z.number().int().min(1).max(60).describe('Föreslagen tid att åtgärda, i månader från granskningen'),
});
export type GapParams = z.infer<typeof GapParams>;

const AnswerValue = z.union([freeText(), z.number()]);

const ExampleFlag = z.union([z.boolean(), z.literal('okänt')]);
const ExampleLevel = z.number().int().min(0).max(4).optional();

/** The service of a rule example: like a register entry, `okänt` and an unclassified service (null) included. */
export const ServiceFacts = z.strictObject({
  personalData: ExampleFlag.optional(),
  sensitiveData: ExampleFlag.optional(),
  thirdCountry: ExampleFlag.optional(),
  hasSupplier: ExampleFlag.optional(),
  classification: z.strictObject({ K: ExampleLevel, R: ExampleLevel, T: ExampleLevel, S: ExampleLevel }).nullable().optional(),
});

/** An example situation for a rule, as in eslint's rule tests: kept beside the rule, run by the test suite. */
const Count = z.number().int().min(0);
/** The incident register as a rule example sees it: counts and the reporting chain's misses. */
export const IncidentCaseFacts = z.strictObject({
  covered: z.boolean().optional(),
  count: z
    .strictObject({ major_incident: Count.optional(), personuppgiftsincident: Count.optional(), informationssakerhetsincident: Count.optional(), betydande_incident: Count.optional() })
    .optional(),
  maxImyDelayHours: z.number().min(0).nullable().optional(),
  lateImyWithoutReason: Count.optional(),
  breachesWithoutDecision: Count.optional(),
  lateEarlyWarnings: Count.optional(),
  lateNotifications: Count.optional(),
  missingFinalReports: Count.optional(),
});

export const RuleCase = z.strictObject({
  service: ServiceFacts.optional(),
  incidents: IncidentCaseFacts.optional().describe('Incidentregistret i exemplet; utan: inga incidenter, registret täcker perioden'),
  answers: z.record(z.string(), AnswerValue),
  previous: z.record(z.string(), AnswerValue).optional(),
});
export type RuleCase = z.infer<typeof RuleCase>;

export const Rule = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: () => m().ca_ruleNameForm }),
  description: LocalizedText.optional(),
  conditions: Condition.refine((c) => c.all !== undefined || c.any !== undefined || c.not !== undefined, {
    error: () => m().ca_ruleConditions,
  }),
  event: z.strictObject({ type: z.literal('gap'), params: GapParams }),
  examples: z.strictObject({
    fires: z.array(RuleCase).min(1),
    passes: z.array(RuleCase).min(1),
  }),
});
export type Rule = z.infer<typeof Rule>;

export const RuleFile = z.strictObject({
  $schema: z.string().optional(),
  checklist: z.string().regex(CHECKLIST_ID),
  control: z.string().regex(CONTROL_ID),
  rules: z.array(Rule).min(1),
});
export type RuleFile = z.infer<typeof RuleFile>;
