import { isIsoDate } from '../catalog/values.js';
import { describeControlCharacter, normaliseLineBreaks } from '../io/text.js';
import { lengthProblem } from '../store/limits.js';
import { m as tr } from '../ui/i18n.js';
import { Incident, parseIncidentStatus, parseKind, type IncidentKind } from './schema.js';
import { incidentProblems } from './store.js';

/**
 * An incident's fields as a user gives them, on the command line or in a service desk's CSV:
 * text, not yet checked. Undefined: not given (keep what is there); '' : given empty (clear it).
 */
export interface IncidentFields {
  id?: string | undefined;
  service?: string | undefined;
  kind?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  occurred?: string | undefined;
  detected?: string | undefined;
  resolved?: string | undefined;
  supplier?: string | undefined;
  rootCauseAnalysis?: string | undefined;
  actions?: string | undefined;
  status?: string | undefined;
  imyNotified?: string | undefined;
  delayReason?: string | undefined;
  notNotified?: string | undefined;
  subjectsInformed?: string | undefined;
  earlyWarning?: string | undefined;
  notification?: string | undefined;
  finalReport?: string | undefined;
}

export type IncidentField = keyof IncidentFields;

/** How each field is named to the user: the command-line option. */
export const OPTION: Record<IncidentField, string> = {
  id: '--id',
  service: '--service',
  kind: '--kind',
  title: '--title',
  description: '--description',
  occurred: '--occurred',
  detected: '--detected',
  resolved: '--resolved',
  supplier: '--supplier',
  rootCauseAnalysis: '--root-cause',
  actions: '--actions',
  status: '--status',
  imyNotified: '--imy-notified',
  delayReason: '--delay-reason',
  notNotified: '--not-notified',
  subjectsInformed: '--subjects-informed',
  earlyWarning: '--early-warning',
  notification: '--notification',
  finalReport: '--final-report',
};

const MOMENT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A moment as people write it: `2025-04-12 14:30` (local time), `2025-04-12T14:30:00+02:00`, or a
 * day alone (its first minute, the strictest reading of a deadline counted from it). ISO with Z.
 */
export function parseMoment(raw: string): { value: string } | { error: string } {
  const m = MOMENT.exec(raw.trim());
  if (m === null || !isIsoDate(m[1]!)) return { error: tr().ni_badMomentHint(raw) };
  const [, date, hh = '00', mm = '00', ss = '00', zone] = m;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return { error: tr().ni_noSuchTime(raw) };
  const text = `${date}T${hh}:${mm}:${ss}${zone === undefined ? '' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? { error: tr().ni_badMoment(raw) } : { value: d.toISOString() };
}

const YES = /^(ja|j|yes|x|true|1)$/i;
const NO = /^(nej|n|no|false|0)$/i;

export interface FieldProblem {
  field: IncidentField;
  message: string;
}

const TEXT_LIMIT: Partial<Record<IncidentField, Parameters<typeof lengthProblem>[0]>> = {
  title: 'name',
  supplier: 'name',
  description: 'comment',
  actions: 'comment',
  delayReason: 'motivation',
  notNotified: 'motivation',
};

/**
 * The incident that results from fields given over `base` (a new one: undefined). Returns it, or
 * every field that is wrong, each named by the field the user gave.
 */
export function incidentFrom(fields: IncidentFields, base: Incident | undefined, by: string, at: string): { incident: Incident } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const out: Record<string, unknown> = base === undefined ? {} : { ...base };
  const put = (field: IncidentField, value: unknown) => {
    if (value === undefined) delete out[field];
    else out[field] = value;
  };
  for (const [field, given] of Object.entries(fields) as [IncidentField, string | undefined][]) {
    if (given === undefined) continue;
    const raw = normaliseLineBreaks(given).normalize('NFC').trim();
    const control = describeControlCharacter(raw);
    if (control !== undefined) {
      problems.push({ field, message: control });
      continue;
    }
    const limit = TEXT_LIMIT[field];
    const tooLong = limit === undefined ? undefined : lengthProblem(limit, raw);
    if (tooLong !== undefined) {
      problems.push({ field, message: tooLong });
      continue;
    }
    if (raw === '') {
      if (['id', 'service', 'kind', 'title', 'occurred', 'status'].includes(field)) problems.push({ field, message: tr().ni_empty });
      else put(field, undefined);
      continue;
    }
    switch (field) {
      case 'kind': {
        const kind = parseKind(raw);
        if (kind === undefined) problems.push({ field, message: tr().ni_badKind(raw) });
        else put(field, kind satisfies IncidentKind);
        break;
      }
      case 'status': {
        const status = parseIncidentStatus(raw);
        if (status === undefined) problems.push({ field, message: tr().ni_badStatus(raw) });
        else put(field, status);
        break;
      }
      case 'occurred':
      case 'resolved':
      case 'finalReport':
        if (!isIsoDate(raw)) problems.push({ field, message: tr().ni_badDate(raw) });
        else put(field, raw);
        break;
      case 'detected':
      case 'imyNotified':
      case 'earlyWarning':
      case 'notification': {
        const moment = parseMoment(raw);
        if ('error' in moment) problems.push({ field, message: moment.error });
        else put(field, moment.value);
        break;
      }
      case 'rootCauseAnalysis':
        if (YES.test(raw)) put(field, true);
        else if (NO.test(raw)) put(field, false);
        else problems.push({ field, message: `'${raw}': svara ja eller nej` });
        break;
      case 'subjectsInformed': {
        const v = YES.test(raw) ? 'ja' : NO.test(raw) ? 'nej' : /^(ej[ _]aktuellt|ej aktuell|-)$/i.test(raw) ? 'ej_aktuellt' : undefined;
        if (v === undefined) problems.push({ field, message: `'${raw}': svara ja, nej eller ej aktuellt` });
        else put(field, v);
        break;
      }
      case 'notNotified':
        put(field, { reason: raw });
        break;
      default:
        put(field, raw);
    }
  }
  if (problems.length > 0) return { problems };
  // A resolved date given on a new incident says it is resolved, unless a status says otherwise.
  if (out['status'] === undefined) out['status'] = out['resolved'] !== undefined ? 'åtgärdad' : 'pågår';
  for (const required of ['service', 'kind', 'title', 'occurred'] as const) {
    if (out[required] === undefined) problems.push({ field: required, message: tr().ni_missing });
  }
  if (problems.length > 0) return { problems };
  const parsed = Incident.safeParse({ ...out, id: out['id'] ?? 'nytt', by, at });
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ field: (String(i.path[0] ?? 'id') as IncidentField), message: i.message })) };
  const year = Number(parsed.data.occurred.slice(0, 4));
  const crossChecks = incidentProblems(parsed.data, year, '', '').map((p) => ({ field: p.pointer!.slice(1) as IncidentField, message: p.message }));
  if (crossChecks.length > 0) return { problems: crossChecks };
  return { incident: parsed.data };
}
