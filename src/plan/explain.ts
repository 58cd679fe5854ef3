import type { Catalog } from '../catalog/load.js';
import { appliesTo } from '../catalog/profile.js';
import { ruleInputOf } from '../engine/assess.js';
import { explainRule, type ConditionTrace } from '../engine/reference.js';
import type { Assessed } from '../review.js';
import type { Action } from './actions.js';

/**
 * The "why" of each action: its rule run through json-rules-engine, the reference evaluator,
 * with every condition and the value it saw.
 */
export async function explainActions(catalog: Catalog, actions: readonly Action[], assessed: readonly Assessed[]): Promise<Map<string, ConditionTrace[]>> {
  const out = new Map<string, ConditionTrace[]>();
  for (const action of actions) {
    const service = assessed.find((a) => a.service.id === action.service);
    const checklist = catalog.checklists.find((c) => c.id === action.checklist);
    const rule = catalog.rulesByChecklist.get(action.checklist)?.find((r) => r.rule.name === action.rule);
    if (service === undefined || checklist === undefined || rule === undefined) continue;
    const applicable = checklist.controls.flatMap((k) => k.questions).filter((q) => appliesTo(q, service.input.profile));
    out.set(action.id, await explainRule(rule, ruleInputOf(service.input, applicable)));
  }
  return out;
}

/** `LOG.3 = "nej" · in ["nej","delvis"] ✓`, one line a condition. */
export function describeTrace(t: ConditionTrace): string {
  const question = typeof t.params?.['question'] === 'string' ? (t.params['question'] as string) : undefined;
  const subject =
    t.fact === 'answer' ? question : t.fact === 'previous' ? `${question} förra året` : t.fact === 'service' ? `tjänsten ${t.path?.slice(2) ?? ''}` : t.fact;
  return `${subject} = ${JSON.stringify(t.factValue)} · ${t.operator} ${JSON.stringify(t.value)} ${t.result ? '✓' : '✗'}`;
}
