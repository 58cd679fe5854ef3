import type { AssessedStatus } from '../engine/score.js';
import type { Incident, IncidentKind } from '../incidents/schema.js';
import type { Service } from '../store/schema.js';

/**
 * The board's report of serious quality deviations (allvarliga kvalitetsavvikelser) for a
 * period: per area (verksamhetsområde), the services that had an incident in the period or an
 * open one, what was done, and the status of their incidents and of their personal-data
 * breaches, each with one of the three status colours. Everything the report says is computed
 * here, from the register, the incident register and the period; the renderers only lay it out.
 */

/** The incidents of the "Status incidenter" column: all kinds but personal-data breaches. */
export const INCIDENT_COLUMN_KINDS: readonly IncidentKind[] = ['major_incident', 'betydande_incident', 'informationssakerhetsincident'];

/** Three or more major incidents on one service in the period: the same bar as rule DRI-manga-allvarliga-incidenter sets over twelve months. */
export const MANY_MAJOR = 3;
const IMY_HOURS = 72;
const EARLY_WARNING_HOURS = 24;
const CSIRT_NOTIFICATION_HOURS = 72;
const HOUR = 3_600_000;

/** Why a status cell has its colour; the document says each in words, the legend says all. */
export type IncidentReason =
  /** A major or significant incident was not resolved at the end of the period. */
  | 'unresolved'
  /** Three or more major incidents on the service in the period. */
  | 'many_major'
  /** A significant incident's early warning (24 h) or incident notification (72 h) to the CSIRT unit came late, or not at all. */
  | 'late_csirt'
  /** Incidents, none of the above: all resolved, or only information-security incidents still open. */
  | 'handled'
  | 'none';

export type BreachReason =
  /** Notified to IMY: a likely risk to the data subjects' rights and freedoms. */
  | 'notified'
  /** Notified more than 72 hours after detection with no reason for the delay recorded (GDPR art. 33.1). */
  | 'late_without_reason'
  /** Neither notified nor a documented decision not to notify, and the 72 hours have run out (art. 33.5). */
  | 'no_decision'
  /** Every breach documented with a decision not to notify (no likely risk), or still within its 72 hours. */
  | 'not_notified'
  | 'none';

/** Where a breach stands with IMY, as of the report. */
export type ImyState = 'notified' | 'late_without_reason' | 'late_with_reason' | 'not_notified' | 'no_decision' | 'assessing';

export interface DeviationIncident {
  incident: Incident;
  /** Occurred within the period; otherwise it occurred before and was still open in it. */
  inPeriod: boolean;
  /** Not resolved at the end of the period (or, for a period not yet over, now). */
  openAtEnd: boolean;
  /** A breach: where it stands with IMY, and the hours from detection to the notification. */
  imy?: { state: ImyState; hours: number | null } | undefined;
  /** A significant incident: the steps to the CSIRT unit that came late or are missing past their deadline. */
  lateCsirt?: { earlyWarning: boolean; notification: boolean } | undefined;
}

export interface StatusCell<R extends string> {
  status: AssessedStatus;
  /** The reasons for the colour, most serious first; `none` alone when there is nothing. */
  reasons: R[];
  incidents: DeviationIncident[];
}

export interface DeviationService {
  id: string;
  name: string;
  owner: string | undefined;
  area: string | undefined;
  retired: boolean;
}

export interface DeviationRow {
  service: DeviationService;
  /** The actions taken (Åtgärder), from the incidents of both columns, each once, in date order. */
  actions: { incident: string; occurred: string; text: string }[];
  incidents: StatusCell<IncidentReason>;
  breaches: StatusCell<BreachReason>;
}

export interface AreaSection {
  /** The register's area; undefined for the services without one (Övrigt). */
  area: string | undefined;
  rows: DeviationRow[];
}

export interface ServiceCount {
  service: string;
  name: string;
  count: number;
}

export interface DeviationReport {
  organisation: string;
  from: string;
  to: string;
  /** When the report was made: deadlines not met are measured at this moment (a step still missing is late once its deadline has passed). */
  asOf: string;
  /** Only areas with a service listed, in alphabetical order, Övrigt last. */
  sections: AreaSection[];
  /** Every area the register knows (of the services reviewed and of those listed), Övrigt last when a service has none. */
  areas: (string | undefined)[];
  /** The services looked at (the register's, not retired, and any retired one with an incident in the period). */
  servicesTotal: number;
  /** Of those, how many had no incident in the period and none open: not listed. */
  servicesWithout: number;
  summary: {
    /** Major incidents that occurred in the period, per service, most first. */
    major: ServiceCount[];
    significant: ServiceCount[];
    /** Significant incidents of the period reported late to the CSIRT unit (or not at all, past the deadline). */
    lateCsirt: number;
    informationSecurity: ServiceCount[];
    breaches: { total: number; notified: number; byArea: { area: string | undefined; count: number }[] };
    /** Incidents of the period (and open ones from before) still unresolved at its end. */
    openAtEnd: number;
    /** Incidents listed that occurred before the period and were still open in it. */
    carriedOver: number;
  };
}

const hoursBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / HOUR;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Resolved after the day (or not at all): a resolved date later than the day, or none while the incident is still going on. */
function openAfter(i: Incident, day: string): boolean {
  if (i.resolved !== undefined) return i.resolved > day;
  return i.status === 'pågår';
}

/** The incidents of a period: those that occurred in it, and those from before it that were still open at its start. */
export function incidentsOfPeriod(incidents: readonly Incident[], from: string, to: string): Incident[] {
  return incidents.filter((i) => i.occurred <= to && (i.occurred >= from || openAfter(i, previousDay(from))));
}

function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Late, or missing once its deadline has passed by `asOf`. */
function lateOrMissing(detected: string | undefined, done: string | undefined, hours: number, asOf: string): boolean {
  if (detected === undefined) return done === undefined;
  if (done !== undefined) return hoursBetween(detected, done) > hours;
  return hoursBetween(detected, asOf) > hours;
}

function imyState(i: Incident, asOf: string): { state: ImyState; hours: number | null } {
  if (i.imyNotified !== undefined) {
    const hours = i.detected === undefined ? null : round1(hoursBetween(i.detected, i.imyNotified));
    if (hours !== null && hours > IMY_HOURS) return { state: i.delayReason === undefined ? 'late_without_reason' : 'late_with_reason', hours };
    return { state: 'notified', hours };
  }
  if (i.notNotified !== undefined) return { state: 'not_notified', hours: null };
  // No decision yet: in its 72 hours that is an assessment going on; after them, a gap.
  if (i.detected !== undefined && hoursBetween(i.detected, asOf) <= IMY_HOURS) return { state: 'assessing', hours: null };
  return { state: 'no_decision', hours: null };
}

function describe(i: Incident, from: string, to: string, asOf: string): DeviationIncident {
  const out: DeviationIncident = { incident: i, inPeriod: i.occurred >= from, openAtEnd: openAfter(i, to) };
  if (i.kind === 'personuppgiftsincident') out.imy = imyState(i, asOf);
  if (i.kind === 'betydande_incident') {
    out.lateCsirt = {
      earlyWarning: lateOrMissing(i.detected, i.earlyWarning, EARLY_WARNING_HOURS, asOf),
      notification: lateOrMissing(i.detected, i.notification, CSIRT_NOTIFICATION_HOURS, asOf),
    };
  }
  return out;
}

const byDate = (a: DeviationIncident, b: DeviationIncident) => a.incident.occurred.localeCompare(b.incident.occurred) || a.incident.id.localeCompare(b.incident.id);

/**
 * The colour of Status incidenter. stor: a major or significant incident unresolved at the end of
 * the period, three or more major incidents in the period, or a significant incident reported
 * late to the CSIRT unit; mellan/liten: incidents, none of that; enligt plan: none.
 */
export function incidentStatus(list: readonly DeviationIncident[]): StatusCell<IncidentReason> {
  const incidents = [...list].sort(byDate);
  if (incidents.length === 0) return { status: 'enligt_plan', reasons: ['none'], incidents };
  const reasons: IncidentReason[] = [];
  if (incidents.some((d) => d.openAtEnd && (d.incident.kind === 'major_incident' || d.incident.kind === 'betydande_incident'))) reasons.push('unresolved');
  if (incidents.filter((d) => d.inPeriod && d.incident.kind === 'major_incident').length >= MANY_MAJOR) reasons.push('many_major');
  if (incidents.some((d) => d.lateCsirt !== undefined && (d.lateCsirt.earlyWarning || d.lateCsirt.notification))) reasons.push('late_csirt');
  return reasons.length > 0 ? { status: 'stor', reasons, incidents } : { status: 'mellan', reasons: ['handled'], incidents };
}

/**
 * The colour of Status personuppgiftsincidenter. stor: a breach notified to IMY (a likely risk
 * to the data subjects), notified late without a reason, or without a decision on notification
 * once the 72 hours have run out; mellan/liten: every breach a documented decision not to notify
 * (or still within its 72 hours); enligt plan: none.
 */
export function breachStatus(list: readonly DeviationIncident[]): StatusCell<BreachReason> {
  const incidents = [...list].sort(byDate);
  if (incidents.length === 0) return { status: 'enligt_plan', reasons: ['none'], incidents };
  const states = new Set(incidents.map((d) => d.imy?.state));
  const reasons: BreachReason[] = [];
  if (states.has('late_without_reason')) reasons.push('late_without_reason');
  if (states.has('no_decision')) reasons.push('no_decision');
  if (states.has('notified') || states.has('late_with_reason') || states.has('late_without_reason')) reasons.push('notified');
  return reasons.length > 0 ? { status: 'stor', reasons, incidents } : { status: 'mellan', reasons: ['not_notified'], incidents };
}

const areaKey = (area: string | undefined): string => (area === undefined ? '' : area.normalize('NFC').trim().toLocaleLowerCase('sv'));

/** Areas alphabetically (Swedish order), the services without one (Övrigt) last. */
function compareAreas(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a.localeCompare(b, 'sv');
}

function countBy(list: readonly DeviationIncident[], kind: IncidentKind, names: Map<string, string>): ServiceCount[] {
  const counts = new Map<string, number>();
  for (const d of list) if (d.inPeriod && d.incident.kind === kind) counts.set(d.incident.service, (counts.get(d.incident.service) ?? 0) + 1);
  return [...counts]
    .map(([service, count]) => ({ service, name: names.get(service) ?? service, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'sv'));
}

/**
 * The deviation report for the period [from, to] (ISO days, inclusive). `services` is the
 * register as it stands (names, owners and areas as the board knows them today), retired
 * services included so that their incidents keep a name; `asOf` is the moment of the report.
 */
export function buildDeviationReport(input: { organisation: string; services: readonly Service[]; incidents: readonly Incident[]; from: string; to: string; asOf: string }): DeviationReport {
  const { from, to, asOf } = input;
  const registered = new Map(input.services.map((s) => [s.id, s]));
  const relevant = incidentsOfPeriod(input.incidents, from, to).map((i) => describe(i, from, to, asOf));
  const byService = new Map<string, DeviationIncident[]>();
  for (const d of relevant) byService.set(d.incident.service, [...(byService.get(d.incident.service) ?? []), d]);

  const serviceOf = (id: string): DeviationService => {
    const s = registered.get(id);
    // An incident names a service no longer in the register: kept under its id, among Övrigt.
    if (s === undefined) return { id, name: id, owner: undefined, area: undefined, retired: false };
    return { id, name: s.name, owner: s.owner, area: s.area?.normalize('NFC').trim(), retired: s.retired !== undefined };
  };
  const looked = new Map<string, DeviationService>();
  for (const s of input.services) if (s.retired === undefined) looked.set(s.id, serviceOf(s.id));
  for (const id of byService.keys()) if (!looked.has(id)) looked.set(id, serviceOf(id));

  // One spelling per area (the first in the register's order), so "HR" and "hr" are one area.
  const spelling = new Map<string, string | undefined>();
  for (const s of looked.values()) if (!spelling.has(areaKey(s.area))) spelling.set(areaKey(s.area), s.area);
  const areaOf = (s: DeviationService) => spelling.get(areaKey(s.area));

  const rows: DeviationRow[] = [...byService].map(([id, list]) => {
    const incidents = incidentStatus(list.filter((d) => d.incident.kind !== 'personuppgiftsincident'));
    const breaches = breachStatus(list.filter((d) => d.incident.kind === 'personuppgiftsincident'));
    const actions: DeviationRow['actions'] = [];
    for (const d of [...list].sort(byDate)) {
      const text = d.incident.actions?.trim();
      if (text && !actions.some((a) => a.text === text)) actions.push({ incident: d.incident.id, occurred: d.incident.occurred, text });
    }
    return { service: { ...looked.get(id)!, area: areaOf(looked.get(id)!) }, actions, incidents, breaches };
  });

  const sections = new Map<string, AreaSection>();
  for (const row of rows) {
    const key = areaKey(row.service.area);
    if (!sections.has(key)) sections.set(key, { area: row.service.area, rows: [] });
    sections.get(key)!.rows.push(row);
  }
  for (const s of sections.values()) s.rows.sort((a, b) => a.service.name.localeCompare(b.service.name, 'sv') || a.service.id.localeCompare(b.service.id));

  const areas = [...new Set([...looked.values()].map((s) => areaKey(s.area)))].map((k) => spelling.get(k)).sort(compareAreas);
  const names = new Map([...looked.values()].map((s) => [s.id, s.name]));
  const breachesInPeriod = relevant.filter((d) => d.inPeriod && d.incident.kind === 'personuppgiftsincident');
  return {
    organisation: input.organisation,
    from,
    to,
    asOf,
    sections: [...sections.values()].sort((a, b) => compareAreas(a.area, b.area)),
    areas,
    servicesTotal: looked.size,
    servicesWithout: looked.size - rows.length,
    summary: {
      major: countBy(relevant, 'major_incident', names),
      significant: countBy(relevant, 'betydande_incident', names),
      lateCsirt: relevant.filter((d) => d.inPeriod && d.lateCsirt !== undefined && (d.lateCsirt.earlyWarning || d.lateCsirt.notification)).length,
      informationSecurity: countBy(relevant, 'informationssakerhetsincident', names),
      breaches: {
        total: breachesInPeriod.length,
        notified: breachesInPeriod.filter((d) => d.incident.imyNotified !== undefined).length,
        byArea: areas
          .map((area) => ({ area, count: breachesInPeriod.filter((d) => areaKey(areaOf(looked.get(d.incident.service)!)) === areaKey(area)).length }))
          .filter((a) => a.count > 0),
      },
      openAtEnd: relevant.filter((d) => d.openAtEnd).length,
      carriedOver: relevant.filter((d) => !d.inPeriod).length,
    },
  };
}
