import { KIND_LABEL, notifiesCsirt, notifiesImy, type Incident } from '../incidents/schema.js';
import { decimal, msg, t, type Lang } from './i18n.js';
import { grid, labelled, terminalWidth, wrap } from './layout.js';
import { bold, dim } from './style.js';

const hours = (from: string, to: string): number => Math.round(((Date.parse(to) - Date.parse(from)) / 3_600_000) * 10) / 10;
const shortKind = (kind: Incident['kind'], lang: Lang): string =>
  ({ major_incident: 'MI', personuppgiftsincident: 'PUI', informationssakerhetsincident: 'IS-incident', betydande_incident: t('incidentKindSignificant', lang) })[kind];
const h = (n: number, lang: Lang) => decimal(n, lang);
/** A stored moment (UTC) as the reader's local time, `2025-04-07 11:10`. */
function moment(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The reporting chain in a few words: `IMY 2025-04-09 15:00 (54 h)`, `ej anmäld: …`, `tidig varning saknas`. */
export function reportingSummary(i: Incident, lang: Lang): string {
  const l = msg(lang);
  const parts: string[] = [];
  if (notifiesImy(i)) {
    if (i.imyNotified !== undefined) parts.push(`IMY ${moment(i.imyNotified)}${i.detected ? ` (${h(hours(i.detected, i.imyNotified), lang)} h${hours(i.detected, i.imyNotified) > 72 ? (i.delayReason ? l.inc_reasonGiven : l.inc_lateWithoutReason) : ''})` : ''}`);
    else if (i.notNotified !== undefined) parts.push(`${l.inc_notNotified}: ${i.notNotified.reason}`);
    else parts.push(l.inc_noDecision);
  }
  if (notifiesCsirt(i)) {
    const step = (label: string, at: string | undefined, limit: number) =>
      at === undefined ? `${label} ${l.inc_missing}` : `${label} ${moment(at)}${i.detected && hours(i.detected, at) > limit ? ` (${h(hours(i.detected, at), lang)} h)` : ''}`;
    parts.push(step(l.inc_earlyWarning, i.earlyWarning, 24), step(l.inc_notification, i.notification, 72));
    parts.push(`${l.inc_finalReport} ${i.finalReport ? i.finalReport : l.inc_missing}`);
  }
  return parts.join(' · ');
}

export function renderIncidentList(list: readonly Incident[], lang: Lang, width = terminalWidth()): string {
  const l = msg(lang);
  if (list.length === 0) return l.inc_none;
  const head = [l.id, l.inc_occurred, l.service, l.inc_kind, l.inc_title, l.status, l.inc_reporting];
  const rows = list.map((i) => [i.id, i.occurred, i.service, shortKind(i.kind, lang), i.title, t(`incident_${i.status}`, lang), reportingSummary(i, lang) || dim('–')]);
  const table = grid(head, rows, { width, columns: [{ fit: 'keep' }, { fit: 'keep' }, {}, {}, { fit: 'text', min: 14 }, {}, { fit: 'text', min: 14 }] });
  return `${bold(l.inc_register(list.length))}\n${table}`;
}

export function renderIncident(i: Incident, history: readonly { before: Incident | null; by: string; at: string }[], lang: Lang, width = terminalWidth()): string {
  const l = msg(lang);
  const line = (label: string, value: string | undefined) => (value === undefined ? [] : [labelled(label, value, width, '  ')]);
  return [
    wrap(`${bold(`${i.id} ${i.title}`)} ${dim(`(${KIND_LABEL[i.kind][lang]})`)}`, width, { hanging: '  ' }),
    ...line(l.service, i.service),
    ...line(l.inc_occurred, i.occurred),
    ...line(l.inc_detected, i.detected && moment(i.detected)),
    ...line(l.inc_resolved, i.resolved),
    ...line(l.status, t(`incident_${i.status}`, lang)),
    ...line(l.supplier, i.supplier),
    ...line(l.inc_rootCause, i.rootCauseAnalysis === undefined ? undefined : i.rootCauseAnalysis ? l.inc_rootCauseDone : l.inc_rootCauseNotDone),
    ...line(l.inc_description, i.description),
    ...line(l.inc_actions, i.actions),
    ...line(l.inc_reporting, reportingSummary(i, lang) || undefined),
    ...line(l.inc_subjectsInformed, i.subjectsInformed),
    ...line(l.inc_recorded, `${i.by}, ${moment(i.at)}`),
    ...(history.length > 1 ? ['', dim(l.inc_earlierVersions(history.length - 1))] : []),
  ].join('\n');
}
