import { parse } from 'csv-parse/sync';
import { InvalidInputError, type Problem } from '../errors.js';
import { ORGANISATION_ID, SERVICE_ID, type Service, type ServiceRegister } from '../store/schema.js';
import { serviceDiff, serviceFrom, type ServiceFields } from '../store/service-fields.js';
import { stringify } from '../store/canonical.js';
import { m, outputLang } from '../ui/i18n.js';

/** One row of a system inventory (systemförteckning), with where it stands for messages. */
export interface ServiceRow {
  line: number;
  id: string | undefined;
  fields: ServiceFields;
}

type Column = keyof ServiceFields | 'id' | 'K' | 'R' | 'T' | 'S';

/** Column headers as Swedish and English inventories write them (lower case, without punctuation). */
const HEADERS: Record<string, Column> = {
  id: 'id',
  'tjänste-id': 'id',
  tjänsteid: 'id',
  namn: 'name',
  name: 'name',
  tjänst: 'name',
  system: 'name',
  systemnamn: 'name',
  ansvarig: 'owner',
  owner: 'owner',
  tjänsteägare: 'owner',
  systemägare: 'owner',
  område: 'area',
  verksamhetsområde: 'area',
  area: 'area',
  leverantör: 'supplier',
  supplier: 'supplier',
  personuppgifter: 'personalData',
  'personal data': 'personalData',
  känsliga: 'sensitiveData',
  'känsliga personuppgifter': 'sensitiveData',
  sensitive: 'sensitiveData',
  'sensitive data': 'sensitiveData',
  tredjeland: 'thirdCountry',
  'tredje land': 'thirdCountry',
  'third country': 'thirdCountry',
  k: 'K',
  konfidentialitet: 'K',
  confidentiality: 'K',
  r: 'R',
  riktighet: 'R',
  integrity: 'R',
  t: 'T',
  tillgänglighet: 'T',
  availability: 'T',
  s: 'S',
  spårbarhet: 'S',
  traceability: 'S',
  klassning: 'classification',
  informationsklassning: 'classification',
  classification: 'classification',
};

const headerKey = (h: string): Column | undefined => HEADERS[h.normalize('NFC').trim().toLowerCase().replace(/[.:*]+$/g, '')];

/** Rows from a table whose first non-empty row is the header. */
export function serviceRowsFromTable(table: readonly { cells: string[]; line: number }[], shown: string): ServiceRow[] {
  const headerAt = table.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt === -1) throw new InvalidInputError([{ file: shown, message: m().si_empty }]);
  const header = table[headerAt]!;
  const columns = header.cells.map(headerKey);
  if (!columns.includes('name') && !columns.includes('id')) {
    throw new InvalidInputError([{ file: shown, line: header.line, message: m().si_noNameColumn }]);
  }
  const problems: Problem[] = [];
  const rows: ServiceRow[] = [];
  for (const { cells, line } of table.slice(headerAt + 1)) {
    if (cells.every((c) => c.trim() === '')) continue; // the empty ;;;; rows Excel writes
    const get = (col: Column): string | undefined => {
      const i = columns.indexOf(col);
      return i === -1 ? undefined : (cells[i] ?? '').normalize('NFC').trim();
    };
    const fields: ServiceFields = {};
    for (const key of ['name', 'owner', 'area', 'supplier', 'personalData', 'sensitiveData', 'thirdCountry', 'classification'] as const) {
      const v = get(key);
      if (v !== undefined) fields[key] = v;
    }
    const levels = (['K', 'R', 'T', 'S'] as const).map((a) => get(a));
    if (levels.some((l) => l !== undefined)) {
      const given = levels.filter((l) => l !== undefined && l !== '');
      if (given.length === 0) fields.classification ??= '';
      else if (given.length < 4) problems.push({ file: shown, line, message: m().si_partialClassification });
      else fields.classification = `K${levels[0]}R${levels[1]}T${levels[2]}S${levels[3]}`;
    }
    rows.push({ line, id: get('id') || undefined, fields });
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return rows;
}

export function readServiceCsv(text: string, shown: string): ServiceRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (err) {
    throw new InvalidInputError([{ file: shown, message: m().si_badCsv((err as Error).message) }]);
  }
  // csv-parse gives the line where a record ends; a record that holds line breaks starts earlier.
  return serviceRowsFromTable(
    records.map((r) => ({ cells: r.record, line: r.info.lines - r.record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0) })),
    shown,
  );
}

const RESERVED = new Set([ORGANISATION_ID, 'con', 'prn', 'aux', 'nul', ...Array.from({ length: 10 }, (_, i) => `com${i}`), ...Array.from({ length: 10 }, (_, i) => `lpt${i}`)]);

/** An id from a name: safe as a file name, the same for the same name. `Visma Recruit (rekrytering)` → `visma-recruit-rekrytering`. */
export function idFromName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const id = base === '' ? 'tjanst' : base;
  return RESERVED.has(id) ? `${id}-tjanst` : id;
}

export interface ServiceImportPlan {
  services: Service[];
  added: Service[];
  changed: { service: Service; changes: string[] }[];
  unchanged: number;
}

/**
 * Checks every row against the register before anything is written; any bad row refuses the
 * whole file. A row without an id takes the id of the registered service with the same name, else
 * one derived from the name, made unique within the file.
 */
export function planServiceImport(rows: readonly ServiceRow[], register: ServiceRegister, shown: string): ServiceImportPlan {
  const problems: Problem[] = [];
  const byName = new Map(register.services.map((s) => [s.name.normalize('NFC').toLowerCase(), s.id]));
  const used = new Map<string, number>();
  const names = new Map<string, number>();
  const plan: ServiceImportPlan = { services: [], added: [], changed: [], unchanged: 0 };
  if (rows.length === 0) problems.push({ file: shown, message: m().si_noServices });
  for (const row of rows) {
    const name = row.fields.name;
    let id = row.id?.toLowerCase();
    if (id === undefined) {
      if (name === undefined || name === '') {
        problems.push({ file: shown, line: row.line, message: m().si_noIdOrName });
        continue;
      }
      const same = names.get(name.toLowerCase());
      if (same !== undefined) {
        problems.push({ file: shown, line: row.line, message: m().si_sameName(name, same) });
        continue;
      }
      names.set(name.toLowerCase(), row.line);
      id = byName.get(name.toLowerCase()) ?? idFromName(name);
      // Two different names that make the same id: the later one gets a number, in file order.
      let candidate = id;
      for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
      id = candidate;
    }
    if (!SERVICE_ID.test(id)) {
      problems.push({ file: shown, line: row.line, message: m().si_badId(id) });
      continue;
    }
    const first = used.get(id);
    if (first !== undefined) {
      problems.push({ file: shown, line: row.line, message: m().si_duplicateId(id, first) });
      continue;
    }
    used.set(id, row.line);
    const base = register.services.find((s) => s.id === id);
    const result = serviceFrom(id, row.fields, base);
    if ('errors' in result) {
      for (const e of result.errors) problems.push({ file: shown, line: row.line, message: `${id}: ${e}` });
      continue;
    }
    plan.services.push(result.service);
    if (base === undefined) plan.added.push(result.service);
    else if (stringify(base) !== stringify(result.service)) plan.changed.push({ service: result.service, changes: serviceDiff(base, result.service, outputLang()) });
    else plan.unchanged++;
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return plan;
}
