import { KIND_LABEL, type Incident } from '../incidents/schema.js';
import { t, type Lang } from '../ui/i18n.js';
import type { Block, GridCell } from './document.js';
import { MANY_MAJOR, type BreachReason, type DeviationIncident, type DeviationReport, type DeviationRow, type IncidentReason, type ServiceCount, type StatusCell } from './deviations.js';

/**
 * The deviation report's content as blocks, in Swedish (or English with --lang en), laid out by
 * the Markdown and HTML renderers of the annual report and by the workbook renderer. Nothing is
 * decided here that the model has not decided: the colours and their reasons come from it.
 */

const day = (moment: string): string => moment.slice(0, 10);
const hours = (n: number, lang: Lang): string => (lang === 'sv' ? String(n).replace('.', ',') : String(n));
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

export const areaLabel = (area: string | undefined, lang: Lang): string => area ?? (lang === 'sv' ? 'Övrigt' : 'Other');

export function deviationNotice(m: DeviationReport, lang: Lang): string {
  return lang === 'sv'
    ? `KONFIDENTIELLT – avvikelserapport ${m.from} – ${m.to} för ${m.organisation}. Innehåller kända säkerhetsbrister och personuppgiftsincidenter: sprid inte utanför behöriga.`
    : `CONFIDENTIAL – deviation report ${m.from} – ${m.to} for ${m.organisation}. Contains known security gaps and personal data breaches: do not share beyond those authorised.`;
}

/** "a, b eller c" / "a, b or c". */
function either(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'sv' ? 'eller' : 'or'} ${items.at(-1)}`;
}

function counted(n: number, sv: [string, string], en: [string, string], lang: Lang): string {
  const [one, many] = lang === 'sv' ? sv : en;
  return `${n} ${n === 1 ? one : many}`;
}

const majors = (n: number, lang: Lang) => counted(n, ['major incident', 'major incidents'], ['major incident', 'major incidents'], lang);
const breachesText = (n: number, lang: Lang) => counted(n, ['personuppgiftsincident', 'personuppgiftsincidenter'], ['personal data breach', 'personal data breaches'], lang);
const incidentsText = (n: number, lang: Lang) => counted(n, ['incident', 'incidenter'], ['incident', 'incidents'], lang);

/** Where an incident stands: "Åtgärdad 2023-01-12", "Pågår", carried over from before the period. */
function stateText(d: DeviationIncident, to: string, lang: Lang): string {
  const sv = lang === 'sv';
  const i = d.incident;
  const parts: string[] = [];
  if (!d.inPeriod) parts.push(sv ? 'inträffade före perioden och var öppen när den började' : 'occurred before the period and was open when it began');
  if (i.resolved !== undefined) parts.push(`${sv ? 'åtgärdad' : 'resolved'} ${i.resolved}${i.resolved > to ? (sv ? ', efter periodens slut' : ', after the period ended') : ''}`);
  else if (i.status === 'pågår') parts.push(sv ? 'pågår, inte åtgärdad' : 'ongoing, not resolved');
  else parts.push(i.status === 'stängd' ? (sv ? 'stängd' : 'closed') : sv ? 'åtgärdad' : 'resolved');
  return sentence(capital(parts.join('; ')));
}

function csirtText(d: DeviationIncident, lang: Lang): string {
  const sv = lang === 'sv';
  const i = d.incident;
  const step = (label: string, at: string | undefined, late: boolean, limit: number) => {
    if (at === undefined) return `${label} ${sv ? 'saknas' : 'missing'}${late ? (sv ? ` (fristen ${limit} h har gått ut)` : ` (the ${limit} h deadline has passed)`) : ''}`;
    const h = i.detected === undefined ? '' : ` (${hours(Math.round(((Date.parse(at) - Date.parse(i.detected)) / 3_600_000) * 10) / 10, lang)} h${late ? (sv ? `, för sent: frist ${limit} h` : `, late: deadline ${limit} h`) : ''})`;
    return `${label} ${day(at)}${h}`;
  };
  return [
    step(sv ? 'Tidig varning till CSIRT-enheten' : 'Early warning to the CSIRT unit', i.earlyWarning, d.lateCsirt?.earlyWarning === true, 24),
    step(sv ? 'incidentanmälan' : 'incident notification', i.notification, d.lateCsirt?.notification === true, 72),
    i.finalReport ? `${sv ? 'slutrapport' : 'final report'} ${i.finalReport}` : `${sv ? 'slutrapport saknas' : 'final report missing'}`,
  ].join('; ') + '.';
}

function imyText(d: DeviationIncident, lang: Lang): string {
  const sv = lang === 'sv';
  const i = d.incident;
  const h = d.imy?.hours == null ? '' : sv ? `, ${hours(d.imy.hours, lang)} h efter kännedom` : `, ${hours(d.imy.hours, lang)} h after detection`;
  switch (d.imy?.state) {
    case 'notified':
      return `${sv ? 'Anmäld till IMY' : 'Notified to IMY'} ${day(i.imyNotified!)}${h}.`;
    case 'late_with_reason':
      return sentence(`${sv ? 'Anmäld till IMY' : 'Notified to IMY'} ${day(i.imyNotified!)}${h}; ${sv ? 'skäl till dröjsmålet' : 'reason for the delay'}: ${i.delayReason}`);
    case 'late_without_reason':
      return `${sv ? 'Anmäld till IMY' : 'Notified to IMY'} ${day(i.imyNotified!)}${h}, ${sv ? 'utan angivet skäl till dröjsmålet' : 'with no reason given for the delay'}.`;
    case 'not_notified':
      return sentence(`${sv ? 'Inte anmäld till IMY' : 'Not notified to IMY'}: ${i.notNotified!.reason}`);
    case 'assessing':
      return sv ? 'Bedömning pågår: 72 timmar från kännedom har inte gått.' : 'Being assessed: 72 hours from detection have not passed.';
    default:
      return sv ? 'Beslut om anmälan till IMY saknas.' : 'No decision on notifying IMY.';
  }
}

function incidentLine(d: DeviationIncident, to: string, lang: Lang): string {
  const i: Incident = d.incident;
  const head = sentence(`${KIND_LABEL[i.kind][lang]} ${i.occurred}: ${i.title}${i.description ? ` – ${i.description.trim()}` : ''}`);
  const extra = i.kind === 'personuppgiftsincident' ? [imyText(d, lang)] : i.kind === 'betydande_incident' ? [csirtText(d, lang)] : [];
  return `• ${[head, ...extra, stateText(d, to, lang)].join(' ')}`;
}

function incidentReasonText(cell: StatusCell<IncidentReason>, lang: Lang): string[] {
  const sv = lang === 'sv';
  const inPeriodMajors = cell.incidents.filter((d) => d.inPeriod && d.incident.kind === 'major_incident').length;
  const open = cell.incidents.filter((d) => d.openAtEnd && d.incident.kind !== 'informationssakerhetsincident').length;
  return cell.reasons.map((r) => {
    switch (r) {
      case 'unresolved':
        return sv ? `${incidentsText(open, lang)} inte åtgärdad${open === 1 ? '' : 'e'} vid periodens slut` : `${incidentsText(open, lang)} not resolved at the end of the period`;
      case 'many_major':
        return sv ? `${majors(inPeriodMajors, lang)} under perioden (${MANY_MAJOR} eller fler)` : `${majors(inPeriodMajors, lang)} in the period (${MANY_MAJOR} or more)`;
      case 'late_csirt':
        return sv ? 'för sen rapportering till CSIRT-enheten' : 'late reporting to the CSIRT unit';
      case 'handled': {
        const n = cell.incidents.length;
        const anyOpen = cell.incidents.some((d) => d.openAtEnd);
        return sv ? `${incidentsText(n, lang)}, ${anyOpen ? 'ingen major incident öppen' : n === 1 ? 'åtgärdad' : 'alla åtgärdade'}` : `${incidentsText(n, lang)}, ${anyOpen ? 'no major incident open' : n === 1 ? 'resolved' : 'all resolved'}`;
      }
      case 'none':
        return sv ? 'Inga incidenter' : 'No incidents';
    }
  });
}

function breachReasonText(cell: StatusCell<BreachReason>, lang: Lang): string[] {
  const sv = lang === 'sv';
  const notified = cell.incidents.filter((d) => d.incident.imyNotified !== undefined).length;
  const notNotified = cell.incidents.filter((d) => d.imy?.state === 'not_notified').length;
  const assessing = cell.incidents.filter((d) => d.imy?.state === 'assessing').length;
  return cell.reasons.map((r) => {
    switch (r) {
      case 'notified':
        return sv ? `${breachesText(notified, lang)} anmäld${notified === 1 ? '' : 'a'} till IMY` : `${breachesText(notified, lang)} notified to IMY`;
      case 'late_without_reason':
        return sv ? 'anmäld efter mer än 72 timmar utan angivet skäl' : 'notified after more than 72 hours with no reason given';
      case 'no_decision':
        return sv ? 'beslut om anmälan till IMY saknas' : 'no decision on notifying IMY';
      case 'not_notified': {
        const parts = [
          notNotified > 0 ? (sv ? `${breachesText(notNotified, lang)}, inte anmäld${notNotified === 1 ? '' : 'a'} till IMY efter dokumenterad bedömning (låg risk)` : `${breachesText(notNotified, lang)}, not notified to IMY after a documented assessment (low risk)`) : '',
          assessing > 0 ? (sv ? `${assessing} under bedömning` : `${assessing} being assessed`) : '',
        ];
        return parts.filter(Boolean).join('; ');
      }
      case 'none':
        return sv ? 'Inga personuppgiftsincidenter under perioden' : 'No personal data breaches in the period';
    }
  });
}

function statusCell<R extends string>(cell: StatusCell<R>, reasons: string[], to: string, lang: Lang): GridCell {
  const lines = cell.incidents.map((d) => incidentLine(d, to, lang));
  return { status: cell.status, label: t(`status_${cell.status}`, lang), text: [capital(reasons.join('; ')), ...lines].join('\n') };
}

function actionsCell(row: DeviationRow, lang: Lang): GridCell {
  if (row.actions.length === 0) return { text: lang === 'sv' ? 'Inga åtgärder registrerade' : 'No actions recorded' };
  if (row.actions.length === 1) return { text: row.actions[0]!.text };
  return { text: row.actions.map((a) => `• ${a.occurred}: ${a.text}`).join('\n') };
}

/** The table's columns, as the seeds' report has them; Tjänst is the service's owner in the register. */
export function deviationHead(lang: Lang): string[] {
  return lang === 'sv'
    ? ['Tjänst (ansvarig)', 'IT-stöd', 'Åtgärder', 'Status incidenter', 'Status personuppgiftsincidenter']
    : ['Service (owner)', 'IT system', 'Actions', 'Status of incidents', 'Status of personal data breaches'];
}

export const DEVIATION_WIDTHS = [24, 24, 40, 52, 52];

export function deviationRowCells(row: DeviationRow, to: string, lang: Lang): GridCell[] {
  const name = `${row.service.name}${row.service.retired ? (lang === 'sv' ? ' (avvecklad)' : ' (retired)') : ''}`;
  return [
    { text: row.service.owner ?? '–' },
    { text: name },
    actionsCell(row, lang),
    statusCell(row.incidents, incidentReasonText(row.incidents, lang), to, lang),
    statusCell(row.breaches, breachReasonText(row.breaches, lang), to, lang),
  ];
}

function countsText(list: readonly ServiceCount[], noun: (n: number, lang: Lang) => string, lang: Lang): string {
  return list.map((c, i) => `${i === 0 ? noun(c.count, lang) : c.count} ${lang === 'sv' ? 'i' : 'in'} ${c.name}`).join(', ');
}

/** The summary lines: major incidents per service, breaches per area, and what the rest of the report rests on. */
export function summaryLines(m: DeviationReport, lang: Lang): string[] {
  const sv = lang === 'sv';
  const s = m.summary;
  const lines: string[] = [];
  lines.push(s.major.length === 0 ? (sv ? 'Inga major incidents under perioden.' : 'No major incidents in the period.') : `${sv ? 'Under perioden' : 'In the period'}: ${countsText(s.major, majors, lang)}.`);

  const b = s.breaches;
  if (b.total === 0) lines.push(sv ? 'Inga personuppgiftsincidenter under perioden.' : 'No personal data breaches in the period.');
  else {
    const notified =
      b.total === 1
        ? b.notified === 1
          ? sv
            ? ', anmäld till IMY'
            : ', notified to IMY'
          : ''
        : sv
          ? `, varav ${b.notified} anmäld${b.notified === 1 ? '' : 'a'} till IMY`
          : `, ${b.notified} of them notified to IMY`;
    const without = m.areas.filter((a) => !b.byArea.some((x) => x.area === a)).map((a) => areaLabel(a, lang));
    const where =
      b.byArea.length === 1
        ? sv
          ? `${b.total === 1 ? '' : 'alla '}inom ${areaLabel(b.byArea[0]!.area, lang)}`
          : `${b.total === 1 ? '' : 'all '}in ${areaLabel(b.byArea[0]!.area, lang)}`
        : b.byArea.map((a) => `${a.count} ${sv ? 'inom' : 'in'} ${areaLabel(a.area, lang)}`).join(', ');
    const none = without.length === 0 ? '' : sv ? `; inga inom ${either(without, lang)}` : `; none in ${either(without, lang)}`;
    lines.push(`${capital(breachesText(b.total, lang))}${notified}${b.byArea.length === 1 ? ', ' : ': '}${where}${none}.`);
  }
  if (s.significant.length > 0) {
    const late = s.lateCsirt === 0 ? '' : sv ? `; ${s.lateCsirt} rapporterad${s.lateCsirt === 1 ? '' : 'e'} för sent till CSIRT-enheten` : `; ${s.lateCsirt} reported late to the CSIRT unit`;
    lines.push(`${sv ? 'Betydande incidenter enligt cybersäkerhetslagen' : 'Significant incidents under the Cybersecurity Act'}: ${countsText(s.significant, (n) => String(n), lang)}${late}.`);
  }
  if (s.informationSecurity.length > 0) lines.push(`${sv ? 'Informationssäkerhetsincidenter' : 'Information security incidents'}: ${countsText(s.informationSecurity, (n) => String(n), lang)}.`);
  if (s.carriedOver > 0) lines.push(sv ? `${incidentsText(s.carriedOver, lang)} från före perioden var fortfarande ${s.carriedOver === 1 ? 'öppen' : 'öppna'} när den började.` : `${incidentsText(s.carriedOver, lang)} from before the period ${s.carriedOver === 1 ? 'was' : 'were'} still open when it began.`);
  if (s.openAtEnd > 0) lines.push(sv ? `${incidentsText(s.openAtEnd, lang)} var inte ${s.openAtEnd === 1 ? 'åtgärdad' : 'åtgärdade'} vid periodens slut.` : `${incidentsText(s.openAtEnd, lang)} ${s.openAtEnd === 1 ? 'was' : 'were'} not resolved at the end of the period.`);
  if (m.sections.length > 0) lines.push(
    sv
      ? `${m.servicesWithout} av ${m.servicesTotal} tjänster hade ingen incident under perioden och ingen öppen incident; de redovisas inte i tabellerna.`
      : `${m.servicesWithout} of ${m.servicesTotal} services had no incident in the period and none open; they are not listed in the tables.`,
  );
  return lines;
}

/** How each colour is derived: in the report itself, beside the tables. */
export function legendRows(lang: Lang): GridCell[][] {
  const sv = lang === 'sv';
  const label = (s: 'stor' | 'mellan' | 'enligt_plan'): GridCell => ({ status: s, label: t(`status_${s}`, lang), text: '' });
  return sv
    ? [
        [
          label('stor'),
          { text: `En major incident eller betydande incident var inte åtgärdad vid periodens slut; ${MANY_MAJOR} eller fler major incidents i tjänsten under perioden; eller en betydande incident rapporterades för sent till CSIRT-enheten (tidig varning mer än 24 timmar, incidentanmälan mer än 72 timmar efter kännedom, eller saknas när fristen har gått ut).` },
          { text: 'En personuppgiftsincident anmäldes till IMY (sannolik risk för de registrerades rättigheter och friheter); anmäldes mer än 72 timmar efter kännedom utan angivet skäl; eller saknar beslut om anmälan när 72 timmar har gått.' },
        ],
        [
          label('mellan'),
          { text: 'Incidenter under perioden, eller öppna från tidigare, utan något av ovanstående: t.ex. major incidents som åtgärdades, informationssäkerhetsincidenter.' },
          { text: 'Alla personuppgiftsincidenter har ett dokumenterat beslut att inte anmäla till IMY (ingen sannolik risk), eller är inom 72 timmar från kännedom.' },
        ],
        [label('enligt_plan'), { text: 'Inga incidenter.' }, { text: 'Inga personuppgiftsincidenter.' }],
      ]
    : [
        [
          label('stor'),
          { text: `A major or significant incident was not resolved at the end of the period; ${MANY_MAJOR} or more major incidents on the service in the period; or a significant incident was reported late to the CSIRT unit (early warning more than 24 hours, incident notification more than 72 hours after detection, or missing once the deadline has passed).` },
          { text: 'A breach was notified to IMY (a likely risk to the rights and freedoms of the data subjects); was notified more than 72 hours after detection with no reason given; or has no decision on notification once 72 hours have passed.' },
        ],
        [
          label('mellan'),
          { text: 'Incidents in the period, or open from before, with none of the above: e.g. major incidents that were resolved, information security incidents.' },
          { text: 'Every breach has a documented decision not to notify IMY (no likely risk), or is within 72 hours of detection.' },
        ],
        [label('enligt_plan'), { text: 'No incidents.' }, { text: 'No personal data breaches.' }],
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
  const sv = lang === 'sv';
  const period = periodLabel(m.from, m.to);
  const blocks: Block[] = [
    { kind: 'notice', text: deviationNotice(m, lang) },
    { kind: 'title', text: sv ? 'Allvarliga kvalitetsavvikelser: incidenter och personuppgiftsincidenter' : 'Serious quality deviations: incidents and personal data breaches' },
    { kind: 'subtitle', text: `${m.organisation} · ${sv ? 'Period' : 'Period'}: ${period}` },
    { kind: 'h2', id: 'sammanfattning', text: sv ? 'Sammanfattning' : 'Summary' },
    { kind: 'list', items: summaryLines(m, lang) },
  ];
  if (m.sections.length === 0) {
    blocks.push({
      kind: 'p',
      text: sv
        ? `Inga incidenter under perioden: ingen av de ${m.servicesTotal} tjänsterna i registret hade en incident eller en öppen incident.`
        : `No incidents in the period: none of the ${m.servicesTotal} services in the register had an incident or an open one.`,
    });
  }
  const used = new Set<string>();
  for (const section of m.sections) {
    const area = areaLabel(section.area, lang);
    let id = `omrade-${slug(area)}`;
    while (used.has(id)) id += '-2';
    used.add(id);
    blocks.push(
      { kind: 'h2', id, newPage: true, text: sv ? `Återrapportering tjänster med avvikelser: ${area}` : `Services with deviations: ${area}` },
      { kind: 'subtitle', text: `${sv ? 'Period' : 'Period'}: ${period} · ${counted(section.rows.length, ['tjänst', 'tjänster'], ['service', 'services'], lang)}` },
      { kind: 'grid', head: deviationHead(lang), rows: section.rows.map((r) => deviationRowCells(r, m.to, lang)), className: 'deviations', sheet: area, widths: DEVIATION_WIDTHS },
    );
  }
  blocks.push(
    { kind: 'h2', id: 'statusfarger', text: sv ? 'Så sätts statusfärgerna' : 'How the status colours are set' },
    {
      kind: 'p',
      text: sv
        ? `Tabellerna tar upp tjänsterna som hade en incident under perioden, eller en incident från tidigare som inte var åtgärdad när perioden började. Status incidenter avser major incidents, informationssäkerhetsincidenter och betydande incidenter enligt cybersäkerhetslagen; Status personuppgiftsincidenter avser personuppgiftsincidenterna och anmälan till IMY. Åtgärder är incidenternas vidtagna åtgärder. Tjänst (ansvarig), IT-stöd och område är tjänsteregistrets uppgifter i dag; tidsfrister som inte har hållits räknas fram till ${day(m.asOf)}.`
        : `The tables list the services that had an incident in the period, or an incident from before that was not resolved when the period began. Status of incidents covers major incidents, information security incidents and significant incidents under the Cybersecurity Act; status of personal data breaches covers the breaches and their notification to IMY. Actions are the incidents' actions taken. Service (owner), IT system and area are the register's as it stands today; deadlines not met are counted up to ${day(m.asOf)}.`,
    },
    { kind: 'grid', head: [sv ? 'Status' : 'Status', sv ? 'Status incidenter' : 'Status of incidents', sv ? 'Status personuppgiftsincidenter' : 'Status of personal data breaches'], rows: legendRows(lang), className: 'legend', widths: [24, 60, 60] },
  );
  return blocks;
}
