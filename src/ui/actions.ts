import chalk from 'chalk';
import type { Catalog } from '../catalog/load.js';
import type { Action, Fix } from '../plan/actions.js';
import { describeExplanation, type Explanation } from '../plan/explain.js';
import type { Priority } from '../plan/priority.js';
import type { ActionStatus } from '../plan/schema.js';
import { decimal, msg, statusAnswerLabel, t, text, type Lang } from './i18n.js';
import { whyText } from '../plan/actions.js';
import { gridParts, labelled, tableFit, pack, terminalWidth, wrap, type Column } from './layout.js';
import { bold, dim } from './style.js';

/** `actions --json`, and the JSON export: the documented shape. */
export function actionsJson(year: number, actions: readonly Action[], lang: Lang, explanations?: ReadonlyMap<string, Explanation>) {
  return { year, actions: actions.map((a) => actionJson(a, lang, explanations)) };
}

/** One action of actionsJson. */
export function actionJson(a: Action, lang: Lang, explanations?: ReadonlyMap<string, Explanation>) {
  return {
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
      ...(explanations ? { explanation: explanations.get(a.id)?.leaves ?? [] } : {}),
  };
}

const PRIORITY_COLOR: Record<Priority, (s: string) => string> = {
  1: (s) => chalk.bold.red(s),
  2: chalk.red,
  3: chalk.yellow,
  4: chalk.cyan,
};

/** A handlingsplan status in words: `Pågår`, `In progress`. */
export const actionStatusLabel = (status: ActionStatus, lang: Lang): string => t(`plan_${status}`, lang);

export const priorityLabel = (p: Priority): string => PRIORITY_COLOR[p](`P${p}`);

function formatPoints(n: number, lang: Lang): string {
  const s = (n > 0 ? '+' : '') + n.toFixed(1);
  return decimal(s, lang);
}

/** The answer change an effect is computed with: `DRI.4 = 2`, `LOG.3 = Ja`, `underlag för KP12.4`. */
export function fixLabel(catalog: Catalog, fix: Fix, lang: Lang): string {
  if ('evidence' in fix) return msg(lang).act_evidenceFor(fix.question);
  const question = catalog.questions.get(fix.question)?.question;
  const option = question?.type === 'choice' ? question.options.find((o) => o.value === fix.value) : undefined;
  const shown =
    option !== undefined ? text(option.label, lang) : typeof fix.value === 'number' ? decimal(fix.value, lang) : statusAnswerLabel(String(fix.value), lang);
  return `${fix.question} = ${shown}`;
}

const noFix = (lang: Lang) => t('act_noFix', lang);

/** The effect in one line: `kontrollen +12,5, tjänsten +1,1 (med BEH.3 = 2024-11-06)`, or `– (inget enskilt svar …)`. */
export function effectLine(catalog: Catalog, a: Action, lang: Lang): string {
  if (a.fix === null) return `– (${noFix(lang)})`;
  return msg(lang).act_effectLine(formatPoints(a.effect.control, lang), formatPoints(a.effect.service, lang), fixLabel(catalog, a.fix, lang));
}

/** A condition's line wrapped under its own text, two columns in. */
const whyWrap = (line: string, width: number): string => wrap(line, width, { hanging: `${/^ */.exec(line)![0]}  ` });

function whyLines(catalog: Catalog, explanation: Explanation | undefined, lang: Lang): string[] {
  if (explanation === undefined) return [];
  return [t('act_why', lang), ...describeExplanation(catalog, explanation.tree, lang, '  ')];
}

function tableRow(catalog: Catalog, a: Action, lang: Lang, explanation: Explanation | undefined): string[] {
  const l = msg(lang);
  return [
    priorityLabel(a.priority),
    [
      bold(a.id),
      dim(whyText(a, lang)),
      `${l.act_finding}: ${text(a.finding, lang)}`,
      `${l.act_action}: ${text(a.action, lang)}`,
      dim(a.reference),
      dim(a.fix === null ? `${l.act_effect}: ${noFix(lang)}` : l.act_effectWith(fixLabel(catalog, a.fix, lang))),
      ...whyLines(catalog, explanation, lang).map((line) => dim(line)),
    ].join('\n'),
    `${a.owner ?? dim('–')}\n${a.due}`,
    actionStatusLabel(a.status, lang) + (a.reopened ? `\n${chalk.red(l.act_reopened)}` : ''),
    a.fix === null ? dim('–') : `${formatPoints(a.effect.control, lang)}\n${formatPoints(a.effect.service, lang)}`,
  ];
}

/** One action as a block, for a terminal too narrow for the table (an id alone can be 60 columns). */
function actionBlock(catalog: Catalog, a: Action, lang: Lang, explanation: Explanation | undefined, width: number): string {
  const l = msg(lang);
  const indent = '    ';
  const field = (label: string, value: string) => labelled(label, value, width, indent);
  return [
    wrap(`${priorityLabel(a.priority)}  ${bold(a.id)}`, width, { hanging: indent }),
    dim(wrap(`${indent}${whyText(a, lang)}`, width)),
    field(l.act_finding, text(a.finding, lang)),
    field(l.act_action, text(a.action, lang)),
    dim(field(l.act_reference, a.reference)),
    pack([`${l.owner}: ${a.owner ?? '–'}`, `${l.dueBy} ${a.due}`], width, indent),
    field(l.status, actionStatusLabel(a.status, lang) + (a.reopened ? ` · ${chalk.red(l.act_reopened)}` : '')),
    field(l.act_effect, effectLine(catalog, a, lang)),
    ...whyLines(catalog, explanation, lang).map((line) => dim(whyWrap(`${indent}${line}`, width))),
  ].join('\n');
}

const HEAD = (lang: Lang) => {
  const l = msg(lang);
  return [l.x_colPrio, l.act_action, l.act_ownerDue, l.status, l.act_effect];
};
const COLUMNS: Column[] = [{ fit: 'keep' }, { fit: 'text', min: 40 }, {}, {}, { fit: 'keep' }];

function* actionList(catalog: Catalog, actions: readonly Action[], lang: Lang, explanations: ReadonlyMap<string, Explanation> | undefined, width: number): Generator<string> {
  // Made as they are measured and drawn: a city's rows are never held.
  const rows: Iterable<string[]> = {
    *[Symbol.iterator]() {
      for (const a of actions) yield tableRow(catalog, a, lang, explanations?.get(a.id));
    },
  };
  const fit = tableFit(HEAD(lang), rows, { width, columns: COLUMNS });
  if (fit !== undefined) {
    yield* gridParts(HEAD(lang), rows, { width, columns: COLUMNS }, fit);
    yield dim(wrap(t('act_effectNote', lang), width));
    return;
  }
  // Block by block, each printed as it is made: a city's handlingsplan is never one string.
  let first = true;
  for (const a of actions) {
    yield (first ? '' : '\n') + actionBlock(catalog, a, lang, explanations?.get(a.id), width);
    first = false;
  }
}

/** The handlingsplan for a person, in pieces that joined by line breaks are its text, made as they are printed. */
export function* renderActionsParts(
  catalog: Catalog,
  year: number,
  actions: readonly Action[],
  accepted: readonly Action[],
  lang: Lang,
  explanations?: ReadonlyMap<string, Explanation>,
  width = terminalWidth(),
): Generator<string> {
  yield* [bold(msg(lang).act_heading(year, actions.length))];
  if (actions.length > 0) yield* actionList(catalog, actions, lang, explanations, width);
  const out: string[] = [];
  if (accepted.length > 0) {
    out.push('', bold(`${t('act_acceptedRisks', lang)}: ${accepted.length}`));
    for (const a of accepted) {
      out.push(wrap(`  ${bold(a.id)}: ${text(a.finding, lang)}`, width, { hanging: '    ' }), dim(wrap(`    ${a.followUp?.motivation ?? ''} (${a.followUp?.acceptedBy ?? ''}, ${a.followUp?.at.slice(0, 10) ?? ''})`, width)));
      const why = whyLines(catalog, explanations?.get(a.id), lang);
      if (why.length > 0) out.push(...why.map((l) => dim(whyWrap(`    ${l}`, width))));
    }
  }
  yield* out;
}
