import type { Catalog } from '../catalog/load.js';
import type { LocalizedText } from '../catalog/schema.js';
import { summarize, type ServiceResult } from '../engine/assess.js';
import type { Action } from '../plan/actions.js';
import { PRIORITIES } from '../plan/priority.js';
import type { Status } from '../engine/score.js';
import { msg, text, t, type Lang } from '../ui/i18n.js';
import { actionStatusLabel } from '../ui/actions.js';
import { whyText } from '../plan/actions.js';
import { controlName, checklistName } from '../ui/score.js';

export type Cell = string | number | boolean | null;

/** The names beside the ids: the year's service register and the catalogue, in the export's language. */
export interface Names {
  service(id: string): string;
  control(checklist: string, control: string): string;
}

/** Names from the year's register (the organisation under its own name) and the catalogue; an unknown id names itself. */
export function namesOf(catalog: Catalog, services: readonly { id: string; name: string }[], lang: Lang): Names {
  const serviceNames = new Map(services.map((s) => [s.id, s.name.normalize('NFC')]));
  return {
    service: (id) => serviceNames.get(id) ?? id,
    control: (checklist, control) => {
      const found = catalog.checklists.find((c) => c.id === checklist)?.controls.find((k) => k.id === control);
      return found === undefined ? control : text(found.name, lang);
    },
  };
}

/** One column of the exported handlingsplan; `plan import` reads back the editable ones by header. */
export interface Column {
  key: string;
  header: LocalizedText;
  /** Width in XLSX character units; long text wraps within it. */
  width: number;
  /** The cell; the name columns are empty without `names` (plan import reads only the editable columns). */
  value(a: Action, lang: Lang, names?: Names): Cell;
  /** A date cell (YYYY-MM-DD), written as a real date in XLSX. */
  date?: boolean;
}

/** ja/nej (yes/no) in words, as every export writes a yes-or-no column: never 0/1 or TRUE/FALSE. */
export const yesNo = (value: boolean, lang: Lang): string => t(value ? 'yes' : 'no', lang);

export const COLUMNS: Column[] = [
  { key: 'id', header: { sv: 'Id', en: 'Id' }, width: 30, value: (a) => a.id },
  { key: 'priority', header: { sv: 'Prioritet', en: 'Priority' }, width: 10, value: (a) => a.priority },
  { key: 'why', header: { sv: 'Varför', en: 'Why' }, width: 22, value: (a, lang) => whyText(a, lang) },
  { key: 'service', header: { sv: 'Tjänst', en: 'Service' }, width: 16, value: (a) => a.service },
  { key: 'serviceName', header: { sv: 'Tjänstens namn', en: 'Service name' }, width: 20, value: (a, _lang, names) => names?.service(a.service) ?? '' },
  { key: 'checklist', header: { sv: 'Checklista', en: 'Checklist' }, width: 10, value: (a) => a.checklist },
  { key: 'control', header: { sv: 'Kontroll', en: 'Control' }, width: 10, value: (a) => a.control },
  { key: 'controlName', header: { sv: 'Kontrollens namn', en: 'Control name' }, width: 22, value: (a, _lang, names) => names?.control(a.checklist, a.control) ?? '' },
  { key: 'rule', header: { sv: 'Regel', en: 'Rule' }, width: 26, value: (a) => a.rule },
  { key: 'severity', header: { sv: 'Allvarlighet', en: 'Severity' }, width: 11, value: (a, lang) => t(`severity_${a.severity}`, lang) },
  { key: 'finding', header: { sv: 'Brist', en: 'Finding' }, width: 45, value: (a, lang) => text(a.finding, lang) },
  { key: 'action', header: { sv: 'Åtgärd', en: 'Action' }, width: 55, value: (a, lang) => text(a.action, lang) },
  { key: 'reference', header: { sv: 'Referens', en: 'Reference' }, width: 24, value: (a) => a.reference },
  { key: 'owner', header: { sv: 'Ansvarig', en: 'Owner' }, width: 18, value: (a) => a.owner ?? '' },
  { key: 'due', header: { sv: 'Klart senast', en: 'Due' }, width: 12, value: (a) => a.due, date: true },
  { key: 'status', header: { sv: 'Status', en: 'Status' }, width: 16, value: (a, lang) => actionStatusLabel(a.status, lang) },
  { key: 'recurring', header: { sv: 'Återkommande', en: 'Recurring' }, width: 12, value: (a, lang) => yesNo(a.recurring, lang) },
  { key: 'firstSeen', header: { sv: 'Först sedd', en: 'First seen' }, width: 10, value: (a) => a.firstSeen },
  { key: 'reopened', header: { sv: 'Återöppnad', en: 'Reopened' }, width: 10, value: (a, lang) => yesNo(a.reopened, lang) },
  { key: 'effectControl', header: { sv: 'Effekt kontroll', en: 'Effect control' }, width: 10, value: (a) => a.effect.control },
  { key: 'effectService', header: { sv: 'Effekt tjänst', en: 'Effect service' }, width: 10, value: (a) => a.effect.service },
  { key: 'note', header: { sv: 'Anteckning', en: 'Note' }, width: 30, value: (a) => a.followUp?.note ?? '' },
  { key: 'motivation', header: { sv: 'Motivering (accepterad risk)', en: 'Motivation (accepted risk)' }, width: 24, value: (a) => a.followUp?.motivation ?? '' },
  { key: 'acceptedBy', header: { sv: 'Accepterad av', en: 'Accepted by' }, width: 16, value: (a) => a.followUp?.acceptedBy ?? '' },
];

export function confidentialityNotice(year: number, organisation: string, lang: Lang, document: string = msg(lang).x_actionPlanWord): string {
  return msg(lang).x_notice(document, year, organisation);
}

export interface SummaryRow {
  checklist: string;
  control: string;
  score: number | null;
  /** "6 av 8": the services the mean is taken over, of those the control applies to. */
  assessed: string;
  /** The status in words ("Avvikelse – stor"), and which it is, for its colour. */
  status: string;
  level: Status;
  actions: number;
  byPriority: number[];
}

export const SUMMARY_HEADERS: LocalizedText[] = [
  { sv: 'Checklista', en: 'Checklist' },
  { sv: 'Kontroll', en: 'Control' },
  { sv: 'Poäng (medel)', en: 'Score (mean)' },
  { sv: 'Bedömda tjänster', en: 'Services assessed' },
  { sv: 'Status', en: 'Status' },
  { sv: 'Åtgärder', en: 'Actions' },
  ...PRIORITIES.map((p) => ({ sv: `P${p}`, en: `P${p}` })),
];

/** Per checklist and control: the organisation's mean score and status (summarize), and the actions by priority. */
export function summaryRows(catalog: Catalog, results: readonly ServiceResult[], actions: readonly Action[], lang: Lang): SummaryRow[] {
  return summarize(results).controls.map((c) => {
    const mine = actions.filter((a) => a.checklist === c.checklist && a.control === c.control);
    return {
      checklist: checklistName(catalog, c.checklist, lang),
      control: controlName(catalog, c.checklist, c.control, lang),
      score: c.score,
      assessed: msg(lang).report_of(c.assessed, c.services),
      status: t(`status_${c.status}`, lang),
      level: c.status,
      actions: mine.length,
      byPriority: PRIORITIES.map((p) => mine.filter((a) => a.priority === p).length),
    };
  });
}

export const summaryCells = (r: SummaryRow): Cell[] => [r.checklist, r.control, r.score, r.assessed, r.status, r.actions, ...r.byPriority];
