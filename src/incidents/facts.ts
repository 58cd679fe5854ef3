import { addMonths, monthsBefore } from '../engine/dates.js';
import { INCIDENT_KINDS, type Incident, type IncidentKind } from './schema.js';

/**
 * What the rules may know from the incident register about one service (or, for the
 * organisation, all services) over the twelve months up to the review date: the `incidents` fact.
 */
export interface IncidentFacts {
  /** Whether the register covers the whole window (a file for every year it touches). */
  covered: boolean;
  count: Record<IncidentKind, number>;
  /** The longest delay from detection to notifying IMY among notified breaches, in hours; null if none. */
  maxImyDelayHours: number | null;
  /** Breaches notified more than 72 hours after detection with no reason for the delay recorded (GDPR art. 33.1). */
  lateImyWithoutReason: number;
  /** Breaches with neither a notification to IMY nor a documented decision not to notify (art. 33.5). */
  breachesWithoutDecision: number;
  /** Significant incidents whose early warning came more than 24 hours after detection, or not at all. */
  lateEarlyWarnings: number;
  /** Significant incidents whose incident notification came more than 72 hours after detection, or not at all. */
  lateNotifications: number;
  /** Significant incidents without a final report a month after the notification. */
  missingFinalReports: number;
}

const HOUR = 3_600_000;
const hoursBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / HOUR;

/** The end of the review day, as the moment deadlines not yet met are measured at. */
const endOf = (day: string): string => `${day}T23:59:59.999Z`;

function lateOrMissing(detected: string | undefined, done: string | undefined, hours: number, reviewDate: string): boolean {
  if (detected === undefined) return false;
  if (done !== undefined) return hoursBetween(detected, done) > hours;
  return hoursBetween(detected, endOf(reviewDate)) > hours;
}

export const EMPTY_INCIDENT_FACTS: IncidentFacts = {
  covered: false,
  count: Object.fromEntries(INCIDENT_KINDS.map((k) => [k, 0])) as Record<IncidentKind, number>,
  maxImyDelayHours: null,
  lateImyWithoutReason: 0,
  breachesWithoutDecision: 0,
  lateEarlyWarnings: 0,
  lateNotifications: 0,
  missingFinalReports: 0,
};

/** The years the window (reviewDate − 12 months, reviewDate] touches. */
export function windowYears(reviewDate: string): number[] {
  const from = Number(monthsBefore(reviewDate, 12).slice(0, 4));
  const to = Number(reviewDate.slice(0, 4));
  return from === to ? [to] : [from, to];
}

export function incidentFacts(incidents: readonly Incident[], reviewDate: string, coveredYears: ReadonlySet<number>): IncidentFacts {
  const start = monthsBefore(reviewDate, 12);
  const inWindow = incidents.filter((i) => i.occurred > start && i.occurred <= reviewDate);
  const count = Object.fromEntries(INCIDENT_KINDS.map((k) => [k, inWindow.filter((i) => i.kind === k).length])) as Record<IncidentKind, number>;
  const breaches = inWindow.filter((i) => i.kind === 'personuppgiftsincident');
  const significant = inWindow.filter((i) => i.kind === 'betydande_incident');
  const delays = breaches.filter((i) => i.detected !== undefined && i.imyNotified !== undefined).map((i) => hoursBetween(i.detected!, i.imyNotified!));
  return {
    covered: windowYears(reviewDate).every((y) => coveredYears.has(y)),
    count,
    maxImyDelayHours: delays.length === 0 ? null : Math.round(Math.max(...delays) * 10) / 10,
    lateImyWithoutReason: breaches.filter((i) => i.detected !== undefined && i.imyNotified !== undefined && hoursBetween(i.detected, i.imyNotified) > 72 && i.delayReason === undefined).length,
    breachesWithoutDecision: breaches.filter((i) => i.imyNotified === undefined && i.notNotified === undefined).length,
    lateEarlyWarnings: significant.filter((i) => lateOrMissing(i.detected, i.earlyWarning, 24, reviewDate)).length,
    lateNotifications: significant.filter((i) => lateOrMissing(i.detected, i.notification, 72, reviewDate)).length,
    missingFinalReports: significant.filter((i) => {
      if (i.finalReport !== undefined) return false;
      const from = (i.notification ?? i.detected)?.slice(0, 10);
      return from !== undefined && addMonths(from, 1) < reviewDate;
    }).length,
  };
}
