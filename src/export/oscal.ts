import { whyText } from '../plan/actions.js';
/**
 * The year's review as OSCAL 1.1 documents (JSON): Assessment Results (`oscal-ar`) and a Plan of
 * Action and Milestones (`oscal-poam`). Pure functions of the model: the figures and statuses
 * are the engine's, taken from the results; nothing is scored here. Every UUID is a version-5
 * UUID of a stable name and every time comes from the workspace, so the same workspace gives
 * byte-identical documents. How efterlev's terms map onto OSCAL's is told in docs/oscal.md.
 */
import type { Checklist, Question } from '../catalog/schema.js';
import { summarize, type ControlResult } from '../engine/assess.js';
import type { Status } from '../engine/score.js';
import { actionId, type Action } from '../plan/actions.js';
import type { ActionStatus } from '../plan/schema.js';
import { ORGANISATION_ID } from '../store/schema.js';
import { checklistAppliesIn } from '../store/answers.js';
import { decimal, msg, reviewSummary, statusAnswerLabel, t, text, type Lang } from '../ui/i18n.js';
import {
  contentVersion,
  earliest,
  EFTERLEV_NS,
  evidenceHref,
  latest,
  oneLine,
  OSCAL_VERSION,
  oscalDateTime,
  swedishDateTime,
  uuidsFor,
} from './oscal-ids.js';
import type { AnsweredQuestion, OscalModel, OscalService } from './oscal-model.js';

export type OscalFormat = 'oscal-ar' | 'oscal-poam';

type Json = Record<string, unknown>;

interface Prop {
  name: string;
  value: string;
  ns?: string;
}

/** An efterlev property; none when the value is empty (OSCAL's strings are never empty). */
function prop(name: string, value: string | number | boolean | undefined | null): Prop[] {
  const v = oneLine(value);
  return v === undefined ? [] : [{ name, ns: EFTERLEV_NS, value: v }];
}

/** OSCAL allows no empty arrays: a list is given only when it has something. */
function list<T>(key: string, items: readonly T[]): Record<string, T[]> {
  return items.length === 0 ? {} : { [key]: [...items] };
}

function points(n: number, lang: Lang): string {
  const s = n.toFixed(1);
  return decimal(s, lang);
}

/** The confidentiality marking: OSCAL's `marking` property, with the notice beside it. */
function marking(notice: string): Json {
  return { props: [{ name: 'marking', value: 'KONFIDENTIELLT' }], remarks: notice };
}

/** The engine's control status as an OSCAL objective status; ej bedömd has none (no finding at all). */
const OBJECTIVE_STATE: Record<Exclude<Status, 'ej_bedomd'>, { state: 'satisfied' | 'not-satisfied'; reason: 'pass' | 'fail' }> = {
  enligt_plan: { state: 'satisfied', reason: 'pass' },
  mellan: { state: 'not-satisfied', reason: 'fail' },
  stor: { state: 'not-satisfied', reason: 'fail' },
};

/** The follow-up status of an action as the status of its risk. */
export const RISK_STATUS: Record<ActionStatus, 'open' | 'remediating' | 'closed' | 'deviation-approved'> = {
  ej_påbörjad: 'open',
  pågår: 'remediating',
  klar: 'closed',
  accepterad_risk: 'deviation-approved',
};

const REMEDIATION_LIFECYCLE: Record<ActionStatus, 'planned' | 'completed' | 'recommendation'> = {
  ej_påbörjad: 'planned',
  pågår: 'planned',
  klar: 'completed',
  // The recommended fix is not to be carried out: the risk is accepted instead.
  accepterad_risk: 'recommendation',
};

/** What the shared parts of both documents need: names, UUIDs and the organisation's party. */
class Context {
  readonly id: (name: string) => string;
  readonly party: string;

  constructor(
    readonly model: OscalModel,
    readonly lang: Lang,
  ) {
    this.id = uuidsFor(model.identity);
    this.party = this.id('party/organisation');
  }

  serviceName(service: string): string {
    return this.model.services.find((s) => s.service.id === service)?.service.name ?? service;
  }

  controlName(checklist: string, control: string): string {
    const found = this.model.catalog.checklists.find((c) => c.id === checklist)?.controls.find((k) => k.id === control);
    return found === undefined ? control : `${control} ${text(found.name, this.lang)}`;
  }

  metadata(title: string, lastModified: string, notice: string): Json {
    return {
      title,
      'last-modified': lastModified,
      version: '',
      'oscal-version': OSCAL_VERSION,
      ...marking(notice),
      parties: [{ uuid: this.party, type: 'organization', name: oneLine(this.model.organisation) ?? this.model.organisation }],
    };
  }

  /** The organisation's answers are about the organisation (its party); a service's, about its component. */
  subject(service: string): Json {
    return service === ORGANISATION_ID ? { 'subject-uuid': this.party, type: 'party' } : { 'subject-uuid': this.id(`component/${service}`), type: 'component' };
  }

  component(s: OscalService): Json {
    const { service, result } = s;
    return {
      uuid: this.id(`component/${service.id}`),
      type: 'service',
      title: service.name,
      description: `${service.name} (${service.id})`,
      props: [
        ...prop('service', service.id),
        ...prop('area', service.area),
        ...prop('owner', service.owner),
        ...prop('review-state', result.review.state),
        ...prop('answered', result.review.answered),
        ...prop('applicable', result.review.applicable),
      ],
      status: { state: 'operational' },
    };
  }

  /** The risk of a gap, the same in both documents: status, deadline and owner from the handlingsplan. */
  risk(a: Action, observations: readonly string[]): Json {
    const lang = this.lang;
    const finding = text(a.finding, lang);
    const f = a.followUp;
    const accepted = a.status === 'accepterad_risk';
    const log =
      f === undefined
        ? []
        : [
            {
              uuid: this.id(`risk-log/${a.id}/${f.at}`),
              title: accepted ? t('plan_accepterad_risk', lang) : t('os_followUp', lang),
              ...(accepted && f.motivation !== undefined ? { description: f.motivation } : {}),
              start: oscalDateTime(f.at),
              props: [
                { name: 'type', value: accepted ? 'dr-approved' : 'status-update' },
                ...prop('accepted-by', accepted ? f.acceptedBy : undefined),
                ...prop('followed-up-by', f.by),
              ],
              'status-change': RISK_STATUS[a.status],
              ...(f.note !== undefined && f.note.trim() !== '' ? { remarks: f.note } : {}),
            },
          ];
    return {
      uuid: this.id(`risk/${a.id}`),
      title: `${this.serviceName(a.service)}: ${finding}`,
      description: [
        finding,
        `${t('service', lang)}: ${this.serviceName(a.service)} (id ${a.service}). ${t('control', lang)}: ${this.controlName(a.checklist, a.control)}.`,
        `${t('x_colReference', lang)}: ${a.reference}`,
      ].join('\n\n'),
      statement: `${t('os_severity', lang)}: ${t(`severity_${a.severity}`, lang)}. P${a.priority}: ${whyText(a, lang)}.`,
      props: [
        // OSCAL's own: the order in which risks should be addressed, lower first.
        { name: 'priority', value: String(a.priority) },
        ...prop('action-id', a.id),
        ...prop('service', a.service),
        ...prop('checklist', a.checklist),
        ...prop('control', a.control),
        ...prop('rule', a.rule),
        ...prop('severity', a.severity),
        ...prop('reference', a.reference),
        ...prop('owner', a.owner),
        ...prop('status', a.status),
      ],
      status: RISK_STATUS[a.status],
      deadline: swedishDateTime(a.due, '23:59:59'),
      remediations: [
        {
          uuid: this.id(`remediation/${a.id}`),
          lifecycle: REMEDIATION_LIFECYCLE[a.status],
          title: t('x_colAction', lang),
          description: text(a.action, lang),
        },
      ],
      ...(log.length > 0 ? { 'risk-log': { entries: log } } : {}),
      ...list(
        'related-observations',
        observations.map((o) => ({ 'observation-uuid': o })),
      ),
    };
  }
}

function answerText(q: AnsweredQuestion, lang: Lang): string {
  const question: Question = q.question;
  const v = q.value;
  if (question.type === 'status') return statusAnswerLabel(String(v), lang);
  if (question.type === 'choice') {
    const option = question.options.find((o) => o.value === v);
    return option === undefined ? String(v) : text(option.label, lang);
  }
  if (question.type === 'number') return `${decimal(String(v), lang)}${question.unit ? ` ${text(question.unit, lang)}` : ''}`;
  return String(v);
}

function observation(ctx: Context, s: OscalService, q: AnsweredQuestion): Json {
  const lang = ctx.lang;
  const a = q.answer;
  const evidence = q.fromIncidents ? undefined : a?.evidence?.trim() || undefined;
  const href = evidence === undefined ? undefined : evidenceHref(evidence);
  const source = q.fromIncidents ? t('os_fromIncidents', lang) : '';
  return {
    uuid: ctx.id(`observation/${ctx.model.year}/${s.service.id}/${q.question.id}`),
    title: `${q.question.id} – ${s.service.name}`,
    description: `${t('question', lang)} ${q.question.id}: ${text(q.question.text, lang)}\n\n${t('answer', lang)}: ${answerText(q, lang)}${source}`,
    props: [
      ...prop('service', s.service.id),
      ...prop('checklist', q.checklist.id),
      ...prop('control', q.control.id),
      ...prop('question', q.question.id),
      ...prop('value', q.value),
      ...prop('source', q.fromIncidents ? 'incident-register' : undefined),
      ...prop('answered-by', q.fromIncidents ? undefined : a?.by),
    ],
    // A document to point at is examined; a statement without one is the reviewer's word.
    methods: [q.fromIncidents || evidence !== undefined ? 'EXAMINE' : 'INTERVIEW'],
    types: ['control-objective'],
    subjects: [ctx.subject(s.service.id)],
    ...(evidence === undefined ? {} : { 'relevant-evidence': [{ ...(href === undefined ? {} : { href }), description: evidence }] }),
    collected: !q.fromIncidents && a !== undefined ? oscalDateTime(a.at) : swedishDateTime(s.reviewDate, '23:59:59'),
    ...(!q.fromIncidents && a?.comment !== undefined && a.comment.trim() !== '' ? { remarks: a.comment } : {}),
  };
}

function finding(ctx: Context, s: OscalService, checklist: string, k: ControlResult, observations: readonly string[], risks: readonly string[]): Json {
  const lang = ctx.lang;
  const status = k.status as Exclude<Status, 'ej_bedomd'>;
  const score = k.score === null ? t('os_noScore', lang) : msg(lang).os_score(points(k.score, lang));
  const coverage = msg(lang).os_coverage(k.answered, k.total);
  const gaps = k.gaps.map((g) => text(g.rule.rule.event.params.finding, lang));
  return {
    uuid: ctx.id(`finding/${ctx.model.year}/${s.service.id}/${checklist}/${k.control}`),
    title: `${ctx.controlName(checklist, k.control)} – ${s.service.name}`,
    description: [`${t(`status_${status}`, lang)}. ${score}; ${coverage}.`, ...(gaps.length > 0 ? [`${t('gaps', lang)}:`, gaps.map((g) => `- ${g}`).join('\n')] : [])].join('\n\n'),
    props: [
      ...prop('service', s.service.id),
      ...prop('checklist', checklist),
      ...prop('control', k.control),
      ...prop('status', k.status),
      ...prop('score', k.score),
      ...prop('answered', k.answered),
      ...prop('applicable', k.total),
      ...prop('gaps', k.gaps.length),
    ],
    target: { type: 'objective-id', 'target-id': `${k.control}_obj`, status: OBJECTIVE_STATE[status] },
    ...list(
      'related-observations',
      observations.map((o) => ({ 'observation-uuid': o })),
    ),
    ...list(
      'related-risks',
      risks.map((r) => ({ 'risk-uuid': r })),
    ),
  };
}

/** The checklists the year was reviewed against: every checklist of the catalogue that applies that year. */
function yearChecklists(model: OscalModel): Checklist[] {
  return model.catalog.checklists.filter((c) => checklistAppliesIn(c, model.year));
}

function reviewedControls(ctx: Context): Json {
  return {
    'control-selections': yearChecklists(ctx.model).map((c) => ({
      props: [...prop('checklist', c.id), ...prop('checklist-version', c.version)],
      'include-controls': c.controls.map((k) => ({ 'control-id': k.id })),
      remarks: text(c.name, ctx.lang),
    })),
  };
}

/** Each control's objective, so that a finding's target names something the document defines. */
function objectives(ctx: Context): Json[] {
  return yearChecklists(ctx.model).flatMap((c) =>
    c.controls.map((k) => ({
      'control-id': k.id,
      description: text(k.name, ctx.lang),
      props: prop('checklist', c.id),
      parts: [{ id: `${k.id}_obj`, name: 'objective', title: text(k.name, ctx.lang), prose: text(k.description, ctx.lang) }],
    })),
  );
}

/** Where an action's gap was found: the observations of the questions its rule tests. */
function gapQuestions(model: OscalModel): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const s of model.services) {
    for (const c of s.result.checklists) for (const k of c.controls) for (const g of k.gaps) byId.set(actionId(s.service.id, g.rule.rule.name), g.rule.questions);
  }
  return byId;
}

function finish(root: string, year: number, doc: Json): string {
  const body = doc as { metadata: { version: string } };
  body.metadata.version = contentVersion(year, doc);
  return JSON.stringify({ [root]: doc }, null, 2) + '\n';
}

/** The year's OSCAL Assessment Results. */
export function assessmentResults(model: OscalModel, lang: Lang): string {
  const ctx = new Context(model, lang);
  const l = msg(lang);
  const { year, organisation } = model;
  const observations: Json[] = [];
  const findings: Json[] = [];
  const notAssessed: Prop[] = [];
  const observationOf = new Map<string, string>();
  const risksByControl = new Map<string, string[]>();
  for (const a of model.actions) {
    const key = `${a.service}/${a.checklist}/${a.control}`;
    risksByControl.set(key, [...(risksByControl.get(key) ?? []), ctx.id(`risk/${a.id}`)]);
  }

  for (const s of model.services) {
    for (const q of s.answered) {
      const o = observation(ctx, s, q);
      observations.push(o);
      observationOf.set(`${s.service.id}/${q.question.id}`, o['uuid'] as string);
    }
    for (const c of s.result.checklists) {
      for (const k of c.controls) {
        if (k.status === 'ej_bedomd') {
          notAssessed.push(...prop('not-assessed', `${s.service.id}/${c.checklist}/${k.control}`));
          continue;
        }
        const mine = s.answered.filter((q) => q.checklist.id === c.checklist && q.control.id === k.control).map((q) => observationOf.get(`${s.service.id}/${q.question.id}`)!);
        findings.push(finding(ctx, s, c.checklist, k, mine, risksByControl.get(`${s.service.id}/${c.checklist}/${k.control}`) ?? []));
      }
    }
  }

  const questionsOf = gapQuestions(model);
  const risks = model.actions.map((a) =>
    ctx.risk(
      a,
      (questionsOf.get(a.id) ?? []).flatMap((q) => observationOf.get(`${a.service}/${q}`) ?? []),
    ),
  );

  const answerTimes = model.services.flatMap((s) => s.answered.flatMap((q) => (q.answer === undefined ? [] : [q.answer.at])));
  const yearStart = swedishDateTime(`${year}-01-01`, '00:00:00');
  const lastModified = latest(answerTimes) ?? yearStart;
  const totals = summarize(model.services.map((s) => s.result));
  const pairs = findings.length + notAssessed.length;
  const services = model.services.filter((s) => s.service.id !== ORGANISATION_ID);
  const planResource = ctx.id(`assessment-plan/${year}`);
  const checklists = yearChecklists(model).map((c) => `${c.id} ${c.version} (${text(c.name, lang)})`).join(', ');

  const doc: Json = {
    uuid: ctx.id(`assessment-results/${year}`),
    metadata: ctx.metadata(
      `${l.os_complianceReview} ${year} – ${organisation}`,
      lastModified,
      l.os_arNotice(year, organisation),
    ),
    'import-ap': {
      href: `#${planResource}`,
      remarks: l.os_planRemarks,
    },
    'local-definitions': { 'objectives-and-methods': objectives(ctx) },
    results: [
      {
        uuid: ctx.id(`result/${year}`),
        title: `${l.os_complianceReview} ${year}`,
        description: [
          // The organisation's own review counts as one: "7 av 9 granskningar klara".
          l.os_reviewOf(services.length, reviewSummary(totals.review, lang, 'reviews')),
          l.os_findings(findings.length, pairs, notAssessed.length),
        ].join('\n\n'),
        start: earliest(answerTimes) ?? yearStart,
        end: lastModified,
        ...list('props', notAssessed),
        ...(services.length > 0 ? { 'local-definitions': { components: services.map((s) => ctx.component(s)) } } : {}),
        'reviewed-controls': reviewedControls(ctx),
        ...list('observations', observations),
        ...list('risks', risks),
        ...list('findings', findings),
      },
    ],
    'back-matter': {
      resources: [
        {
          uuid: planResource,
          title: l.os_planTitle(year),
          description: l.os_planDescription(checklists),
          props: yearChecklists(model).flatMap((c) => prop('checklist-version', `${c.id} ${c.version}`)),
        },
      ],
    },
  };
  return finish('assessment-results', year, doc);
}

/** The year's handlingsplan as an OSCAL Plan of Action and Milestones: one poam-item per action. */
export function planOfActionAndMilestones(model: OscalModel, lang: Lang): string {
  const ctx = new Context(model, lang);
  const { year, organisation } = model;
  const times = [
    ...model.services.flatMap((s) => s.answered.flatMap((q) => (q.answer === undefined ? [] : [q.answer.at]))),
    ...model.actions.flatMap((a) => (a.followUp === undefined ? [] : [a.followUp.at])),
  ];
  const withActions = new Set(model.actions.map((a) => a.service));
  const components = model.services.filter((s) => s.service.id !== ORGANISATION_ID && withActions.has(s.service.id)).map((s) => ctx.component(s));

  const items = model.actions.map((a) => {
    const status = t(`plan_${a.status}`, lang);
    const owner = a.owner ?? '–';
    return {
      uuid: ctx.id(`poam-item/${a.id}`),
      title: `P${a.priority} ${ctx.serviceName(a.service)}: ${text(a.finding, lang)}`,
      description: [
        text(a.action, lang),
        `${t('owner', lang)}: ${owner}. ${t('x_colDue', lang)}: ${a.due}. ${t('status', lang)}: ${status}.`,
        ...(a.status === 'accepterad_risk'
          ? [`${t('os_acceptedBy', lang)} ${a.followUp?.acceptedBy ?? '–'}: ${a.followUp?.motivation ?? '–'}`]
          : []),
      ].join('\n\n'),
      props: [
        ...prop('priority', a.priority),
        ...prop('action-id', a.id),
        ...prop('service', a.service),
        ...prop('checklist', a.checklist),
        ...prop('control', a.control),
        ...prop('rule', a.rule),
        ...prop('severity', a.severity),
        ...prop('status', a.status),
        ...prop('why', a.why),
        ...prop('first-seen', a.firstSeen),
        ...prop('recurring', a.recurring),
        ...prop('reopened', a.reopened),
        ...prop('effect-control', a.effect.control),
        ...prop('effect-service', a.effect.service),
      ],
      'related-risks': [{ 'risk-uuid': ctx.id(`risk/${a.id}`) }],
    };
  });

  const doc: Json = {
    uuid: ctx.id(`poam/${year}`),
    metadata: ctx.metadata(
      `${t('x_actionPlan', lang)} ${year} – ${organisation}`,
      latest(times) ?? swedishDateTime(`${year}-01-01`, '00:00:00'),
      msg(lang).x_notice(t('x_actionPlanWord', lang), year, organisation),
    ),
    // No OSCAL system security plan to import: the organisation's reviewed IT is the system.
    'system-id': { 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: ctx.id('system') },
    ...(components.length > 0 ? { 'local-definitions': { components } } : {}),
    ...list(
      'risks',
      model.actions.map((a) => ctx.risk(a, [])),
    ),
    'poam-items': items,
  };
  return finish('plan-of-action-and-milestones', year, doc);
}

export function oscalDocument(format: OscalFormat, model: OscalModel, lang: Lang): string {
  return format === 'oscal-ar' ? assessmentResults(model, lang) : planOfActionAndMilestones(model, lang);
}
