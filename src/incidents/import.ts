import { parse } from 'csv-parse/sync';
import { InvalidInputError, type Problem } from '../errors.js';
import { stringify } from '../store/canonical.js';
import { m as tr } from '../ui/i18n.js';
import { incidentFrom, type IncidentField, type IncidentFields } from './input.js';
import type { Incident } from './schema.js';
import type { IncidentUpdate } from './store.js';

/** Headers as a service desk exports them (Swedish or English, lower case, without punctuation). */
const HEADERS: Record<string, IncidentField> = {
  id: 'id',
  ärendenummer: 'id',
  ärende: 'id',
  tjänst: 'service',
  service: 'service',
  typ: 'kind',
  kind: 'kind',
  type: 'kind',
  rubrik: 'title',
  titel: 'title',
  title: 'title',
  beskrivning: 'description',
  description: 'description',
  inträffad: 'occurred',
  inträffade: 'occurred',
  occurred: 'occurred',
  kännedom: 'detected',
  upptäckt: 'detected',
  detected: 'detected',
  åtgärdad: 'resolved',
  löst: 'resolved',
  resolved: 'resolved',
  leverantör: 'supplier',
  supplier: 'supplier',
  rotorsaksanalys: 'rootCauseAnalysis',
  rotorsak: 'rootCauseAnalysis',
  'root cause analysis': 'rootCauseAnalysis',
  åtgärder: 'actions',
  actions: 'actions',
  status: 'status',
  'anmäld till imy': 'imyNotified',
  'imy anmäld': 'imyNotified',
  'imy notified': 'imyNotified',
  'skäl till dröjsmål': 'delayReason',
  'delay reason': 'delayReason',
  'ej anmäld': 'notNotified',
  'ej anmäld motivering': 'notNotified',
  'not notified': 'notNotified',
  'registrerade informerade': 'subjectsInformed',
  'subjects informed': 'subjectsInformed',
  'tidig varning': 'earlyWarning',
  'early warning': 'earlyWarning',
  incidentanmälan: 'notification',
  notification: 'notification',
  slutrapport: 'finalReport',
  'final report': 'finalReport',
};

const headerKey = (h: string): IncidentField | undefined =>
  HEADERS[h.normalize('NFC').trim().toLowerCase().replace(/[()]/g, '').replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').replace(/[.:*]+$/, '')];

export interface IncidentRow {
  line: number;
  fields: IncidentFields;
  /** Header text per field, for messages. */
  columns: Partial<Record<IncidentField, { column: number; header: string }>>;
}

export function readIncidentCsv(text: string, shown: string): IncidentRow[] {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: { cells: string[]; line: number }[] = [];
  let line = 1;
  try {
    parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      on_record: (record: string[]) => {
        records.push({ cells: record, line });
        line += 1 + record.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        return null;
      },
    });
  } catch (err) {
    throw new InvalidInputError([{ file: shown, line, message: `ogiltig CSV: ${(err as Error).message}` }]);
  }
  const [header, ...body] = records;
  if (header === undefined) throw new InvalidInputError([{ file: shown, message: tr().si_empty }]);
  const columns: IncidentRow['columns'] = {};
  header.cells.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== undefined && columns[key] === undefined) columns[key] = { column: i + 1, header: h.trim() };
  });
  const missing = (['service', 'kind', 'title', 'occurred'] as const).filter((k) => columns[k] === undefined && columns['id'] === undefined);
  if (missing.length > 0) {
    throw new InvalidInputError([{ file: shown, line: header.line, message: tr().ni_headerMissing(missing.map((m) => tr()[`ni_column_${m}`])) }]);
  }
  return body
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map(({ cells, line: at }) => {
      const fields: IncidentFields = {};
      for (const [key, where] of Object.entries(columns) as [IncidentField, { column: number }][]) {
        const v = cells[where.column - 1];
        // An empty cell of a new row says nothing; of an existing incident it keeps what is stored.
        if (v !== undefined && v.trim() !== '') fields[key] = v;
      }
      return { line: at, fields, columns };
    });
}

export interface IncidentImportPlan {
  updates: IncidentUpdate[];
  added: string[];
  changed: string[];
  unchanged: number;
}

/** Checks every row before anything is written; any bad row refuses the whole file. */
export function planIncidentImport(rows: readonly IncidentRow[], existing: readonly Incident[], register: { services: readonly { id: string }[] }, shown: string, by: string, at: string): IncidentImportPlan {
  const problems: Problem[] = [];
  const plan: IncidentImportPlan = { updates: [], added: [], changed: [], unchanged: 0 };
  const seen = new Map<string, number>();
  if (rows.length === 0) problems.push({ file: shown, message: tr().ni_noIncidents });
  for (const row of rows) {
    const where = (field: IncidentField): Problem => {
      const c = row.columns[field];
      return { file: shown, line: row.line, ...(c ? { column: c.column, columnName: c.header } : {}), message: '' };
    };
    const id = row.fields.id?.trim();
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({ ...where('id'), message: tr().ni_duplicate(id, first) });
        continue;
      }
      seen.set(id, row.line);
    }
    const before = id === undefined ? undefined : existing.find((i) => i.id === id);
    const result = incidentFrom(row.fields, before, by, at);
    if ('problems' in result) {
      for (const p of result.problems) problems.push({ ...where(p.field), message: p.message });
      continue;
    }
    const incident = result.incident;
    if (!register.services.some((s) => s.id === incident.service)) {
      problems.push({ ...where('service'), message: tr().ni_unknownService(incident.service) });
      continue;
    }
    if (before === undefined) {
      const { id: _placeholder, by: _by, at: _at, ...fields } = incident;
      plan.updates.push({ kind: 'add', incident: { ...fields, ...(id !== undefined ? { id } : {}) } });
      plan.added.push(id ?? incident.title);
    } else {
      const same = stringify({ ...before, by: '', at: '' }) === stringify({ ...incident, by: '', at: '' });
      if (same) plan.unchanged++;
      else {
        plan.updates.push({ kind: 'set', id: before.id, patch: () => incident });
        plan.changed.push(before.id);
      }
    }
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return plan;
}
