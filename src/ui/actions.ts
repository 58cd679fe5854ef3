import chalk from 'chalk';
import type { Action } from '../plan/actions.js';
import type { ConditionTrace } from '../engine/reference.js';
import { describeTrace } from '../plan/explain.js';
import type { Priority } from '../plan/priority.js';
import type { ActionStatus } from '../plan/schema.js';
import { text, type Lang } from './i18n.js';
import { table } from './score.js';
import { bold, dim } from './style.js';

/** `actions --json`, and the JSON export: the documented shape. */
export function actionsJson(year: number, actions: readonly Action[], lang: Lang, explanations?: ReadonlyMap<string, ConditionTrace[]>) {
  return {
    year,
    actions: actions.map((a) => ({
      id: a.id,
      priority: a.priority,
      why: a.why,
      service: a.service,
      checklist: a.checklist,
      control: a.control,
      rule: a.rule,
      severity: a.severity,
      finding: text(a.finding, lang),
      action: text(a.action, lang),
      reference: a.reference,
      owner: a.owner ?? null,
      due: a.due,
      status: a.status,
      recurring: a.recurring,
      firstSeen: a.firstSeen,
      reopened: a.reopened,
      effect: a.effect,
      note: a.followUp?.note ?? null,
      ...(a.status === 'accepterad_risk' ? { motivation: a.followUp?.motivation ?? null, acceptedBy: a.followUp?.acceptedBy ?? null } : {}),
      ...(explanations ? { explanation: explanations.get(a.id) ?? [] } : {}),
    })),
  };
}

const PRIORITY_COLOR: Record<Priority, (s: string) => string> = {
  1: (s) => chalk.bold.red(s),
  2: chalk.red,
  3: chalk.yellow,
  4: chalk.cyan,
};

export const STATUS_LABEL: Record<ActionStatus, string> = {
  ej_påbörjad: 'Ej påbörjad',
  pågår: 'Pågår',
  klar: 'Klar',
  accepterad_risk: 'Accepterad risk',
};

export const priorityLabel = (p: Priority): string => PRIORITY_COLOR[p](`P${p}`);

function formatPoints(n: number, lang: Lang): string {
  const s = (n > 0 ? '+' : '') + n.toFixed(1);
  return lang === 'sv' ? s.replace('.', ',') : s;
}

function actionTable(actions: readonly Action[], lang: Lang, explanations?: ReadonlyMap<string, ConditionTrace[]>): string {
  const rows = table(['Prio', lang === 'sv' ? 'Åtgärd' : 'Action', lang === 'sv' ? 'Ansvarig, klart senast' : 'Owner, due', 'Status', lang === 'sv' ? 'Effekt' : 'Effect'], [6, 54, 18, 12, 10]);
  for (const a of actions) {
    rows.push([
      priorityLabel(a.priority),
      [
        bold(a.id),
        dim(a.why),
        `${lang === 'sv' ? 'Brist' : 'Finding'}: ${text(a.finding, lang)}`,
        `${lang === 'sv' ? 'Åtgärd' : 'Action'}: ${text(a.action, lang)}`,
        dim(a.reference),
        ...(explanations?.get(a.id) ?? []).map((t) => dim(`  ${describeTrace(t)}`)),
      ].join('\n'),
      `${a.owner ?? dim('–')}\n${a.due}`,
      STATUS_LABEL[a.status] + (a.reopened ? `\n${chalk.red(lang === 'sv' ? 'återöppnad' : 'reopened')}` : ''),
      `${formatPoints(a.effect.control, lang)}\n${formatPoints(a.effect.service, lang)}`,
    ]);
  }
  return rows.toString();
}

export function renderActions(year: number, actions: readonly Action[], accepted: readonly Action[], lang: Lang, explanations?: ReadonlyMap<string, ConditionTrace[]>): string {
  const out = [bold(`${lang === 'sv' ? 'Handlingsplan' : 'Action plan'} ${year}: ${actions.length} ${lang === 'sv' ? (actions.length === 1 ? 'åtgärd' : 'åtgärder') : actions.length === 1 ? 'action' : 'actions'}`)];
  if (actions.length > 0) {
    out.push(actionTable(actions, lang, explanations));
    out.push(dim(lang === 'sv' ? 'Effekt: poäng som kontrollen (övre) och tjänsten (nedre) vinner när bristen är åtgärdad.' : 'Effect: points the control (upper) and the service (lower) gain when fixed.'));
  }
  if (accepted.length > 0) {
    out.push('', bold(`${lang === 'sv' ? 'Accepterade risker' : 'Accepted risks'}: ${accepted.length}`));
    for (const a of accepted) {
      out.push(`  ${a.id}: ${text(a.finding, lang)}`, dim(`    ${a.followUp?.motivation ?? ''} (${a.followUp?.acceptedBy ?? ''}, ${a.followUp?.at.slice(0, 10) ?? ''})`));
    }
  }
  return out.join('\n');
}
