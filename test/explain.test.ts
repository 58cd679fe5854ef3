import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCatalog, type Catalog, type CatalogRule } from '../src/catalog/load.js';
import { EMPTY_PROFILE, profileOf } from '../src/catalog/profile.js';
import type { ConditionNode } from '../src/catalog/schema.js';
import { NUMERIC_OPERATORS, RULE_FACTS, RULE_OPERATORS } from '../src/catalog/vocabulary.js';
import type { RuleInput } from '../src/engine/input.js';
import { explainRule } from '../src/engine/reference.js';
import { EMPTY_INCIDENT_FACTS } from '../src/incidents/facts.js';
import { describeExplanation, explainRuleTree } from '../src/plan/explain.js';
import { removeDir, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

/** `actions --explain` in words: every fact and every operator of the rule language, in Swedish and English. */

let dir: string;
let catalog: Catalog;
beforeAll(() => {
  dir = tempDir();
  writeMiniCatalog(dir);
  catalog = loadCatalog({ checklistsDir: join(dir, 'checklists'), rulesDir: join(dir, 'rules') });
});
afterAll(() => removeDir(dir));

const answer = (question: string, operator: string, value: unknown): ConditionNode => ({ fact: 'answer', params: { question }, operator, value });
const service = (path: string, operator: string, value: unknown): ConditionNode => ({ fact: 'service', path, operator, value });
const incidents = (path: string, operator: string, value: unknown): ConditionNode => ({ fact: 'incidents', path, operator, value });

/** Each line of the Swedish explanation, what it must say, and the English. */
const CASES: [ConditionNode, string, string][] = [
  [answer('ACC.1', 'equal', 'nej'), 'ACC.1 är Nej ✓ (svaret: Nej)', 'ACC.1 is No ✓ (answer: No)'],
  [answer('ACC.1', 'notEqual', 'ja'), 'ACC.1 är inte Ja ✓ (svaret: Nej)', 'ACC.1 is not Yes ✓ (answer: No)'],
  [answer('ACC.1', 'in', ['nej', 'delvis']), 'ACC.1 är Nej eller Delvis ✓ (svaret: Nej)', 'ACC.1 is No or Partly ✓ (answer: No)'],
  [answer('ACC.1', 'notIn', ['ja', 'ej_tillamplig']), 'ACC.1 är varken Ja eller Ej tillämplig ✓ (svaret: Nej)', 'ACC.1 is neither Yes nor Not applicable ✓ (answer: No)'],
  [answer('LOG.2', 'in', ['aldrig', 'ibland']), 'LOG.2 är Aldrig eller Ibland ✓ (svaret: Ibland)', 'LOG.2 is Aldrig or Ibland ✓ (answer: Ibland)'],
  [{ fact: 'previous', params: { question: 'ACC.1' }, operator: 'in', value: ['nej', 'delvis'] }, 'ACC.1 förra året var Nej eller Delvis ✓ (förra årets svar: Delvis)', "ACC.1 last year was No or Partly ✓ (last year's answer: Partly)"],
  [
    answer('ACC.3', 'dateBefore', { fact: 'reviewDate', params: { monthsBack: 12 } }),
    'ACC.3 är äldre än 12 månader före granskningsdagen ✓ (svaret: 2024-09-30; gränsen 2024-11-06)',
    'ACC.3 is more than 12 months before the review date ✓ (answer: 2024-09-30; limit 2024-11-06)',
  ],
  [
    answer('ACC.3', 'dateOnOrAfter', { fact: 'reviewDate', params: { monthsBack: 24 } }),
    'ACC.3 är högst 24 månader före granskningsdagen ✓ (svaret: 2024-09-30; gränsen 2023-11-06)',
    'ACC.3 is at most 24 months before the review date ✓ (answer: 2024-09-30; limit 2023-11-06)',
  ],
  [answer('ACC.3', 'dateBefore', '2024-01-01'), 'ACC.3 är före 2024-01-01 ✗ (svaret: 2024-09-30)', 'ACC.3 is before 2024-01-01 ✗ (answer: 2024-09-30)'],
  [answer('ACC.3', 'dateOnOrAfter', '2024-01-01'), 'ACC.3 är 2024-01-01 eller senare ✓ (svaret: 2024-09-30)', 'ACC.3 is 2024-01-01 or later ✓ (answer: 2024-09-30)'],
  [answer('LOG.3', 'greaterThanInclusive', 3), 'LOG.3 är 3 eller mer ✓ (svaret: 7)', 'LOG.3 is 3 or more ✓ (answer: 7)'],
  [answer('LOG.3', 'greaterThan', 7), 'LOG.3 är mer än 7 ✗ (svaret: 7)', 'LOG.3 is more than 7 ✗ (answer: 7)'],
  [answer('LOG.3', 'lessThan', 10), 'LOG.3 är mindre än 10 ✓ (svaret: 7)', 'LOG.3 is less than 10 ✓ (answer: 7)'],
  [answer('LOG.3', 'lessThanInclusive', 7), 'LOG.3 är 7 eller mindre ✓ (svaret: 7)', 'LOG.3 is 7 or less ✓ (answer: 7)'],
  [answer('ACC.2', 'equal', 'nej'), 'ACC.2 är Nej ✗ (svaret: obesvarad)', 'ACC.2 is No ✗ (answer: unanswered)'],
  [service('$.classification.T', 'greaterThanInclusive', 3), 'tillgänglighet är 3 eller högre ✓ (T4)', 'availability is 3 or higher ✓ (T4)'],
  [service('$.classification.K', 'lessThanInclusive', 2), 'konfidentialitet är 2 eller lägre ✗ (K3)', 'confidentiality is 2 or lower ✗ (K3)'],
  [service('$.classification.max', 'lessThan', 4), 'högsta klassningsnivån är lägre än 4 ✗ (nivå 4)', 'the highest classification level is lower than 4 ✗ (level 4)'],
  [service('$.classification.R', 'greaterThan', 1), 'riktighet är högre än 1 ✓ (R2)', 'integrity is higher than 1 ✓ (R2)'],
  [service('$.classification.S', 'equal', 2), 'spårbarhet är 2 ✓ (S2)', 'traceability is 2 ✓ (S2)'],
  [service('$.sensitiveData', 'equal', true), 'tjänsten behandlar känsliga personuppgifter ✓', 'the service processes sensitive personal data ✓'],
  [service('$.personalData', 'equal', false), 'tjänsten behandlar inte personuppgifter ✗', 'the service does not process personal data ✗'],
  [service('$.thirdCountry', 'notEqual', false), 'tjänsten överför personuppgifter till tredje land ✓', 'the service transfers personal data to a third country ✓'],
  [service('$.hasSupplier', 'equal', true), 'tjänsten har en extern leverantör ✓', 'the service has an external supplier ✓'],
  [service('$.known.thirdCountry', 'equal', false), 'det är okänt om personuppgifter överförs till tredje land ✓', 'it is unknown whether personal data goes to a third country ✓'],
  [service('$.known.classification', 'equal', false), 'tjänsten är inte informationsklassad ✗', 'the service is not classified ✗'],
  [service('$.known.personalData', 'equal', true), 'registret vet om tjänsten behandlar personuppgifter ✓', 'the register knows whether the service processes personal data ✓'],
  [service('$.known.sensitiveData', 'equal', true), 'registret vet om tjänsten behandlar känsliga personuppgifter ✓', 'the register knows whether the service processes sensitive personal data ✓'],
  [service('$.known.hasSupplier', 'equal', true), 'registret vet om tjänsten har en extern leverantör ✓', 'the register knows whether the service has an external supplier ✓'],
  [{ fact: 'year', operator: 'greaterThanInclusive', value: 2025 }, 'granskningsåret är 2025 eller senare ✓ (2025)', 'the review year is 2025 or later ✓ (2025)'],
  [{ fact: 'reviewDate', operator: 'dateOnOrAfter', value: '2025-07-01' }, 'granskningsdagen är 2025-07-01 eller senare ✓ (2025-11-06)', 'the review date is 2025-07-01 or later ✓ (2025-11-06)'],
  [{ fact: 'reviewDate', params: { monthsBack: 6 }, operator: 'dateBefore', value: '2025-07-01' }, '6 månader före granskningsdagen är före 2025-07-01 ✓ (2025-05-06)', '6 months before the review date is before 2025-07-01 ✓ (2025-05-06)'],
  [incidents('$.covered', 'equal', true), 'incidentregistret täcker de senaste 12 månaderna ✓', 'the incident register covers the last 12 months ✓'],
  [incidents('$.count.major_incident', 'greaterThanInclusive', 3), 'antal major incidents de senaste 12 månaderna är 3 eller fler ✓ (7)', 'the number of major incidents in the last 12 months is 3 or more ✓ (7)'],
  [incidents('$.count.personuppgiftsincident', 'greaterThan', 2), 'antal personuppgiftsincidenter de senaste 12 månaderna är fler än 2 ✗ (1)', 'the number of personal data breaches in the last 12 months is more than 2 ✗ (1)'],
  [incidents('$.count.informationssakerhetsincident', 'lessThan', 1), 'antal informationssäkerhetsincidenter de senaste 12 månaderna är färre än 1 ✓ (0)', 'the number of information security incidents in the last 12 months is fewer than 1 ✓ (0)'],
  [incidents('$.count.betydande_incident', 'lessThanInclusive', 0), 'antal betydande incidenter de senaste 12 månaderna är 0 eller färre ✗ (1)', 'the number of significant incidents in the last 12 months is 0 or fewer ✗ (1)'],
  [incidents('$.maxImyDelayHours', 'greaterThan', 72), 'längsta tiden från kännedom till anmälan till IMY de senaste 12 månaderna är mer än 72 timmar ✓ (80 timmar)', 'the longest time from detection to notifying IMY in the last 12 months is more than 72 hours ✓ (80 hours)'],
  [incidents('$.lateImyWithoutReason', 'greaterThanInclusive', 1), 'antal personuppgiftsincidenter anmälda till IMY efter 72 timmar utan angivet skäl de senaste 12 månaderna är 1 eller fler ✓ (1)', 'the number of breaches notified to IMY after 72 hours without a reason in the last 12 months is 1 or more ✓ (1)'],
  [incidents('$.breachesWithoutDecision', 'greaterThanInclusive', 1), 'antal personuppgiftsincidenter utan anmälan till IMY eller beslut att inte anmäla de senaste 12 månaderna är 1 eller fler ✗ (0)', 'the number of breaches neither notified to IMY nor decided not to notify in the last 12 months is 1 or more ✗ (0)'],
  [incidents('$.lateEarlyWarnings', 'greaterThanInclusive', 1), 'antal betydande incidenter med sen eller utebliven tidig varning (24 timmar) de senaste 12 månaderna är 1 eller fler ✓ (1)', 'the number of significant incidents with a late or missing early warning (24 hours) in the last 12 months is 1 or more ✓ (1)'],
  [incidents('$.lateNotifications', 'greaterThanInclusive', 1), 'antal betydande incidenter med sen eller utebliven incidentanmälan (72 timmar) de senaste 12 månaderna är 1 eller fler ✓ (1)', 'the number of significant incidents with a late or missing incident notification (72 hours) in the last 12 months is 1 or more ✓ (1)'],
  [incidents('$.missingFinalReports', 'greaterThanInclusive', 1), 'antal betydande incidenter utan slutrapport inom en månad de senaste 12 månaderna är 1 eller fler ✗ (0)', 'the number of significant incidents without a final report within a month in the last 12 months is 1 or more ✗ (0)'],
];

const input: RuleInput = {
  answers: { 'ACC.1': 'nej', 'ACC.3': '2024-09-30', 'LOG.2': 'ibland', 'LOG.3': 7 },
  previous: { 'ACC.1': 'delvis' },
  service: profileOf({ personalData: true, sensitiveData: true, thirdCountry: 'okänt', supplier: 'Lev AB', classification: { K: 3, R: 2, T: 4, S: 2 } }, EMPTY_PROFILE),
  year: 2025,
  reviewDate: '2025-11-06',
  incidents: {
    ...EMPTY_INCIDENT_FACTS,
    covered: true,
    count: { major_incident: 7, personuppgiftsincident: 1, informationssakerhetsincident: 0, betydande_incident: 1 },
    maxImyDelayHours: 80,
    lateImyWithoutReason: 1,
    lateEarlyWarnings: 1,
    lateNotifications: 1,
  },
};

const ruleOf = (conditions: ConditionNode): CatalogRule => ({
  checklist: 'mini',
  control: 'ACC',
  rule: { name: 'prov', conditions, event: { type: 'gap', params: { severity: 'liten', finding: { sv: 'B', en: 'F' }, action: { sv: 'Å', en: 'A' }, reference: 'R', deadlineMonths: 3 } }, examples: { fires: [], passes: [] } },
  file: 'prov.json',
  pointer: '',
  questions: [],
});

describe('the explanation in words', () => {
  it('covers every fact and every operator of the rule language', () => {
    const facts = new Set(CASES.map(([c]) => c.fact));
    const operators = new Set(CASES.map(([c]) => c.operator));
    expect([...RULE_FACTS].filter((f) => !facts.has(f))).toEqual([]);
    expect([...RULE_OPERATORS].filter((o) => !operators.has(o))).toEqual([]);
    // Every numeric operator on a count, a level, a number and the year.
    for (const op of NUMERIC_OPERATORS) expect(CASES.some(([c]) => c.operator === op && c.fact === 'incidents')).toBe(true);
  });

  it.each(CASES.map(([c, sv, en]) => [sv, c, en] as const))('%s', async (sv, condition, en) => {
    const explained = await explainRuleTree(ruleOf({ all: [condition] }), input);
    expect(describeExplanation(catalog, explained!.tree, 'sv')[1]).toBe(`  ${sv}`);
    expect(describeExplanation(catalog, explained!.tree, 'en')[1]).toBe(`  ${en}`);
  });

  it('shows the all / any / not structure, each with its outcome', async () => {
    const tree = {
      all: [answer('ACC.1', 'equal', 'nej'), { any: [answer('ACC.1', 'equal', 'ja'), service('$.classification.T', 'greaterThanInclusive', 3)] }, { not: answer('LOG.2', 'equal', 'alltid') }],
    };
    const explained = (await explainRuleTree(ruleOf(tree), input))!;
    expect(describeExplanation(catalog, explained.tree, 'sv')).toEqual([
      'alla dessa: ✓',
      '  ACC.1 är Nej ✓ (svaret: Nej)',
      '  minst en av: ✓',
      '    ACC.1 är Ja ✗ (svaret: Nej)',
      '    tillgänglighet är 3 eller högre ✓ (T4)',
      '  inte: ✓',
      '    LOG.2 är Alltid ✗ (svaret: Ibland)',
    ]);
    expect(describeExplanation(catalog, explained.tree, 'en').filter((l) => l.endsWith(':') || /: [✓✗]$/.test(l))).toEqual(['all of: ✓', '  at least one of: ✓', '  not: ✓']);
    // The leaves are exactly what the engine's own explanation (and `--explain --json`) gives.
    expect(explained.leaves).toEqual(await explainRule(ruleOf(tree), input));
  });
});
