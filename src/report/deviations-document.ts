import { KIND_LABEL, type Incident } from '../incidents/schema.js';
import { decimal, msg, t, type Lang } from '../ui/i18n.js';
import type { Block, GridCell } from './document.js';
import { MANY_MAJOR, type BreachReason, type DeviationIncident, type DeviationReport, type DeviationRow, type IncidentReason, type ServiceCount, type StatusCell } from './deviations.js';

/**
 * The deviation report's content as blocks, in Swedish (or English with --lang en), laid out by
 * the Markdown and HTML renderers of the annual report and by the workbook renderer. Nothing is
 * decided here that the model has not decided: the colours and their reasons come from it.
 */

const day = (moment: string): string => moment.slice(0, 10);
const hours = (n: number, lang: Lang): string => decimal(n, lang);
const capital = (s: string): string => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
/** A text as a sentence: a full stop added unless it ends in one (or in ! or ?). */
const sentence = (s: string): string => s.trim().replace(/([^.!?])$/, '$1.');

function lastDayOfMonth(isoDay: string): boolean {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

/** "2023-01-01 – 2023-05-31 (2301–2305)": the seeds' short form when the period is whole months. */
export function periodLabel(from: string, to: string): string {
  const long = `${from} – ${to}`;
  if (!from.endsWith('-01') || !lastDayOfMonth(to)) return long;
  const short = (d: string) => `${d.slice(2, 4)}${d.slice(5, 7)}`;
  return `${long} (${short(from)}–${short(to)})`;
}

export const areaLabel = (area: string | undefined, lang: Lang): string => area ?? msg(lang).dev_other;

export function deviationNotice(m: DeviationReport, lang: Lang): string {
  return msg(lang).dev_notice(m.from, m.to, m.organisation);
}

/** "a, b eller c" / "a, b or c". */
function either(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${msg(lang).orWord} ${items.at(-1)}`;
}

const majors = (n: number, lang: Lang) => msg(lang).dev_majors(n);
const breachesText = (n: number, lang: Lang) => msg(lang).dev_breaches(n);

/** Where an incident stands: "Åtgärdad 2023-01-12", "Pågår", carried over from before the period. */
function stateText(d: DeviationIncident, to: string, lang: Lang): string {
  const l = msg(lang);
  const i = d.incident;
  const parts: string[] = [];
  if (!d.inPeriod) parts.push(l.dev_beforePeriod);
  if (i.resolved !== undefined) parts.push(l.dev_resolvedOn(i.resolved, i.resolved > to));
  else if (i.status === 'pågår') parts.push(l.dev_ongoing);
  else parts.push(i.status === 'stängd' ? l.dev_closed : l.dev_resolved);
  return sentence(capital(parts.join('; ')));
}

function csirtText(d: DeviationIncident, lang: Lang): string {
  const l = msg(lang);
  const i = d.incident;
  const step = (label: string, at: string | undefined, late: boolean, limit: number) => {
    if (at === undefined) return l.dev_stepMissing(label, late, limit);
    const h = i.detected === undefined ? '' : l.dev_stepHours(hours(Math.round(((Date.parse(at) - Date.parse(i.detected)) / 3_600_000) * 10) / 10, lang), late, limit);
    return `${label} ${day(at)}${h}`;
  };
  return [
    step(l.dev_earlyWarning, i.earlyWarning, d.lateCsirt?.earlyWarning === true, 24),
    step(l.dev_notification, i.notification, d.lateCsirt?.notification === true, 72),
    i.finalReport ? l.dev_finalReport(i.finalReport) : l.dev_finalReportMissing,
  ].join('; ') + '.';
}

function imyText(d: DeviationIncident, lang: Lang): string {
  const l = msg(lang);
  const i = d.incident;
  const h = d.imy?.hours == null ? '' : l.dev_imyHours(hours(d.imy.hours, lang));
  switch (d.imy?.state) {
    case 'notified':
      return `${l.dev_imyNotified} ${day(i.imyNotified!)}${h}.`;
    case 'late_with_reason':
      return sentence(`${l.dev_imyNotified} ${day(i.imyNotified!)}${h}; ${l.dev_delayReason}: ${i.delayReason}`);
    case 'late_without_reason':
      return `${l.dev_imyNotified} ${day(i.imyNotified!)}${h}, ${l.dev_noDelayReason}.`;
    case 'not_notified':
      return sentence(`${l.dev_imyNotNotified}: ${i.notNotified!.reason}`);
    case 'assessing':
      return l.dev_imyAssessing;
    default:
      return l.dev_imyNoDecision;
  }
}

function incidentLine(d: DeviationIncident, to: string, lang: Lang): string {
  const i: Incident = d.incident;
  const head = sentence(`${KIND_LABEL[i.kind][lang]} ${i.occurred}: ${i.title}${i.description ? ` – ${i.description.trim()}` : ''}`);
  const extra = i.kind === 'personuppgiftsincident' ? [imyText(d, lang)] : i.kind === 'betydande_incident' ? [csirtText(d, lang)] : [];
  return `• ${[head, ...extra, stateText(d, to, lang)].join(' ')}`;
}

function incidentReasonText(cell: StatusCell<IncidentReason>, lang: Lang): string[] {
  const l = msg(lang);
  const inPeriodMajors = cell.incidents.filter((d) => d.inPeriod && d.incident.kind === 'major_incident').length;
  const open = cell.incidents.filter((d) => d.openAtEnd && d.incident.kind !== 'informationssakerhetsincident').length;
  return cell.reasons.map((r) => {
    switch (r) {
      case 'unresolved':
        return l.dev_unresolved(open);
      case 'many_major':
        return l.dev_manyMajor(inPeriodMajors, MANY_MAJOR);
      case 'late_csirt':
        return l.dev_lateCsirt;
      case 'handled':
        return l.dev_handled(cell.incidents.length, cell.incidents.some((d) => d.openAtEnd));
      case 'none':
        return l.dev_noIncidents;
    }
  });
}

function breachReasonText(cell: StatusCell<BreachReason>, lang: Lang): string[] {
  const l = msg(lang);
  const notified = cell.incidents.filter((d) => d.incident.imyNotified !== undefined).length;
  const notNotified = cell.incidents.filter((d) => d.imy?.state === 'not_notified').length;
  const assessing = cell.incidents.filter((d) => d.imy?.state === 'assessing').length;
  return cell.reasons.map((r) => {
    switch (r) {
      case 'notified':
        return l.dev_notifiedCount(notified);
      case 'late_without_reason':
        return l.dev_lateWithoutReason;
      case 'no_decision':
        return l.dev_noDecision;
      case 'not_notified': {
        const parts = [notNotified > 0 ? l.dev_notNotifiedCount(notNotified) : '', assessing > 0 ? l.dev_beingAssessed(assessing) : ''];
        return parts.filter(Boolean).join('; ');
      }
      case 'none':
        return l.dev_noBreachesInPeriod;
    }
  });
}

function statusCell<R extends string>(cell: StatusCell<R>, reasons: string[], to: string, lang: Lang): GridCell {
  const lines = cell.incidents.map((d) => incidentLine(d, to, lang));
  return { status: cell.status, label: t(`status_${cell.status}`, lang), text: [capital(reasons.join('; ')), ...lines].join('\n') };
}

function actionsCell(row: DeviationRow, lang: Lang): GridCell {
  if (row.actions.length === 0) return { text: msg(lang).dev_noActions };
  if (row.actions.length === 1) return { text: row.actions[0]!.text };
  return { text: row.actions.map((a) => `• ${a.occurred}: ${a.text}`).join('\n') };
}

/** The table's columns, as the seeds' report has them; Tjänst is the service's owner in the register. */
export function deviationHead(lang: Lang): string[] {
  const l = msg(lang);
  return [l.dev_colService, l.dev_colSystem, l.dev_colActions, l.dev_colIncidents, l.dev_colBreaches];
}

export const DEVIATION_WIDTHS = [24, 24, 40, 52, 52];

export function deviationRowCells(row: DeviationRow, to: string, lang: Lang): GridCell[] {
  const name = `${row.service.name}${row.service.retired ? msg(lang).dev_retired : ''}`;
  return [
    { text: row.service.owner ?? '–' },
    { text: name },
    actionsCell(row, lang),
    statusCell(row.incidents, incidentReasonText(row.incidents, lang), to, lang),
    statusCell(row.breaches, breachReasonText(row.breaches, lang), to, lang),
  ];
}

function countsText(list: readonly ServiceCount[], noun: (n: number, lang: Lang) => string, lang: Lang): string {
  return list.map((c, i) => msg(lang).dev_countIn(i === 0 ? noun(c.count, lang) : String(c.count), c.name)).join(', ');
}

/** The summary lines: major incidents per service, breaches per area, and what the rest of the report rests on. */
export function summaryLines(m: DeviationReport, lang: Lang): string[] {
  const l = msg(lang);
  const s = m.summary;
  const lines: string[] = [];
  lines.push(s.major.length === 0 ? l.dev_noMajorsInPeriod : `${l.dev_inPeriod}: ${countsText(s.major, majors, lang)}.`);

  const b = s.breaches;
  if (b.total === 0) lines.push(`${l.dev_noBreachesInPeriod}.`);
  else {
    const notified = b.total === 1 ? (b.notified === 1 ? l.dev_oneNotified : '') : l.dev_notifiedOf(b.notified);
    const without = m.areas.filter((a) => !b.byArea.some((x) => x.area === a)).map((a) => areaLabel(a, lang));
    const where = b.byArea.length === 1 ? l.dev_whereOne(b.total !== 1, areaLabel(b.byArea[0]!.area, lang)) : b.byArea.map((a) => l.dev_whereCount(a.count, areaLabel(a.area, lang))).join(', ');
    const none = without.length === 0 ? '' : l.dev_noneIn(either(without, lang));
    lines.push(`${capital(breachesText(b.total, lang))}${notified}${b.byArea.length === 1 ? ', ' : ': '}${where}${none}.`);
  }
  if (s.significant.length > 0) {
    const late = s.lateCsirt === 0 ? '' : l.dev_reportedLate(s.lateCsirt);
    lines.push(`${l.dev_significant}: ${countsText(s.significant, (n) => String(n), lang)}${late}.`);
  }
  if (s.informationSecurity.length > 0) lines.push(`${l.dev_informationSecurity}: ${countsText(s.informationSecurity, (n) => String(n), lang)}.`);
  if (s.carriedOver > 0) lines.push(l.dev_carriedOver(s.carriedOver));
  if (s.openAtEnd > 0) lines.push(l.dev_openAtEnd(s.openAtEnd));
  if (m.sections.length > 0) lines.push(l.dev_servicesWithout(m.servicesWithout, m.servicesTotal));
  return lines;
}

/** How each colour is derived: in the report itself, beside the tables. */
export function legendRows(lang: Lang): GridCell[][] {
  const l = msg(lang);
  const label = (s: 'stor' | 'mellan' | 'enligt_plan'): GridCell => ({ status: s, label: t(`status_${s}`, lang), text: '' });
  return [
    [label('stor'), { text: l.dev_legendMajorIncidents(MANY_MAJOR) }, { text: l.dev_legendMajorBreaches }],
    [label('mellan'), { text: l.dev_legendMediumIncidents }, { text: l.dev_legendMediumBreaches }],
    [label('enligt_plan'), { text: l.dev_legendNoIncidents }, { text: l.dev_legendNoBreaches }],
  ];
}

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'omrade';

/** The deviation report as blocks: notice, title, summary, one table per area, legend. */
export function deviationDocument(m: DeviationReport, lang: Lang): Block[] {
  const l = msg(lang);
  const period = periodLabel(m.from, m.to);
  const blocks: Block[] = [
    { kind: 'notice', text: deviationNotice(m, lang) },
    { kind: 'title', text: l.dev_title },
    { kind: 'subtitle', text: `${m.organisation} · ${l.dev_period}: ${period}` },
    { kind: 'h2', id: 'sammanfattning', text: l.report_summary },
    { kind: 'list', items: summaryLines(m, lang) },
  ];
  if (m.sections.length === 0) blocks.push({ kind: 'p', text: l.dev_noneAtAll(m.servicesTotal) });
  const used = new Set<string>();
  for (const section of m.sections) {
    const area = areaLabel(section.area, lang);
    let id = `omrade-${slug(area)}`;
    while (used.has(id)) id += '-2';
    used.add(id);
    blocks.push(
      { kind: 'h2', id, newPage: true, text: l.dev_areaHeading(area) },
      { kind: 'subtitle', text: `${l.dev_period}: ${period} · ${l.dev_services(section.rows.length)}` },
      { kind: 'grid', head: deviationHead(lang), rows: section.rows.map((r) => deviationRowCells(r, m.to, lang)), className: 'deviations', sheet: area, widths: DEVIATION_WIDTHS },
    );
  }
  blocks.push(
    { kind: 'h2', id: 'statusfarger', text: l.dev_howColours },
    { kind: 'p', text: l.dev_howTables(day(m.asOf)) },
    { kind: 'grid', head: [l.status, l.dev_colIncidents, l.dev_colBreaches], rows: legendRows(lang), className: 'legend', widths: [24, 60, 60] },
  );
  return blocks;
}
