import { KIND_LABEL, notifiesCsirt, notifiesImy, type Incident } from '../incidents/schema.js';
import { t, type Lang } from './i18n.js';
import { grid, labelled, terminalWidth, wrap } from './layout.js';
import { bold, dim } from './style.js';

const hours = (from: string, to: string): number => Math.round(((Date.parse(to) - Date.parse(from)) / 3_600_000) * 10) / 10;
const shortKind = (kind: Incident['kind'], lang: Lang): string =>
  ({ major_incident: 'MI', personuppgiftsincident: 'PUI', informationssakerhetsincident: 'IS-incident', betydande_incident: t('incidentKindSignificant', lang) })[kind];
const h = (n: number, lang: Lang) => (lang === 'sv' ? String(n).replace('.', ',') : String(n));
/** A stored moment (UTC) as the reader's local time, `2025-04-07 11:10`. */
function moment(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The reporting chain in a few words: `IMY 2025-04-09 15:00 (54 h)`, `ej anmäld: …`, `tidig varning saknas`. */
export function reportingSummary(i: Incident, lang: Lang): string {
  const sv = lang === 'sv';
  const parts: string[] = [];
  if (notifiesImy(i)) {
    if (i.imyNotified !== undefined) parts.push(`IMY ${moment(i.imyNotified)}${i.detected ? ` (${h(hours(i.detected, i.imyNotified), lang)} h${hours(i.detected, i.imyNotified) > 72 ? (i.delayReason ? (sv ? ', skäl angivet' : ', reason given') : sv ? ', för sent utan skäl' : ', late without reason') : ''})` : ''}`);
    else if (i.notNotified !== undefined) parts.push(`${sv ? 'ej anmäld' : 'not notified'}: ${i.notNotified.reason}`);
    else parts.push(sv ? 'beslut om anmälan saknas' : 'no notification decision');
  }
  if (notifiesCsirt(i)) {
    const step = (label: string, at: string | undefined, limit: number) =>
      at === undefined ? `${label} ${sv ? 'saknas' : 'missing'}` : `${label} ${moment(at)}${i.detected && hours(i.detected, at) > limit ? ` (${h(hours(i.detected, at), lang)} h)` : ''}`;
    parts.push(step(sv ? 'tidig varning' : 'early warning', i.earlyWarning, 24), step(sv ? 'incidentanmälan' : 'notification', i.notification, 72));
    parts.push(i.finalReport ? `${sv ? 'slutrapport' : 'final report'} ${i.finalReport}` : `${sv ? 'slutrapport' : 'final report'} ${sv ? 'saknas' : 'missing'}`);
  }
  return parts.join(' · ');
}

export function renderIncidentList(list: readonly Incident[], lang: Lang, width = terminalWidth()): string {
  const sv = lang === 'sv';
  if (list.length === 0) return sv ? 'Inga incidenter.' : 'No incidents.';
  const head = ['Id', sv ? 'Inträffad' : 'Occurred', sv ? 'Tjänst' : 'Service', sv ? 'Typ' : 'Kind', sv ? 'Rubrik' : 'Title', 'Status', sv ? 'Rapportering' : 'Reporting'];
  const rows = list.map((i) => [i.id, i.occurred, i.service, shortKind(i.kind, lang), i.title, t(`incident_${i.status}`, lang), reportingSummary(i, lang) || dim('–')]);
  const table = grid(head, rows, { width, columns: [{ fit: 'keep' }, { fit: 'keep' }, {}, {}, { fit: 'text', min: 14 }, {}, { fit: 'text', min: 14 }] });
  return `${bold(sv ? `Incidentregistret: ${list.length} incidenter` : `Incident register: ${list.length} incidents`)}\n${table}`;
}

export function renderIncident(i: Incident, history: readonly { before: Incident | null; by: string; at: string }[], lang: Lang, width = terminalWidth()): string {
  const sv = lang === 'sv';
  const line = (label: string, value: string | undefined) => (value === undefined ? [] : [labelled(label, value, width, '  ')]);
  return [
    wrap(`${bold(`${i.id} ${i.title}`)} ${dim(`(${KIND_LABEL[i.kind][lang]})`)}`, width, { hanging: '  ' }),
    ...line(sv ? 'Tjänst' : 'Service', i.service),
    ...line(sv ? 'Inträffad' : 'Occurred', i.occurred),
    ...line(sv ? 'Kännedom' : 'Detected', i.detected && moment(i.detected)),
    ...line(sv ? 'Åtgärdad' : 'Resolved', i.resolved),
    ...line('Status', t(`incident_${i.status}`, lang)),
    ...line(sv ? 'Leverantör' : 'Supplier', i.supplier),
    ...line(sv ? 'Rotorsaksanalys' : 'Root-cause analysis', i.rootCauseAnalysis === undefined ? undefined : i.rootCauseAnalysis ? (sv ? 'gjord' : 'done') : sv ? 'inte gjord' : 'not done'),
    ...line(sv ? 'Beskrivning' : 'Description', i.description),
    ...line(sv ? 'Åtgärder' : 'Actions', i.actions),
    ...line(sv ? 'Rapportering' : 'Reporting', reportingSummary(i, lang) || undefined),
    ...line(sv ? 'Registrerade informerade' : 'Data subjects informed', i.subjectsInformed),
    ...line(sv ? 'Registrerad' : 'Recorded', `${i.by}, ${moment(i.at)}`),
    ...(history.length > 1 ? ['', dim(`${history.length - 1} ${sv ? 'tidigare versioner i historiken' : 'earlier versions in the history'}`)] : []),
  ].join('\n');
}
