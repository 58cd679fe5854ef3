import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { now as clockNow } from '../clock.js';
import { InvalidInputError, UsageError, type Problem } from '../errors.js';
import { m as tr } from '../ui/i18n.js';
import { locate, parseJsonText, readTextFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { stringify } from '../store/canonical.js';
import { openDocument } from '../store/adapter.js';
import { transact } from '../store/transaction.js';
import { MAX_YEAR, MIN_YEAR } from '../store/year.js';
import type { Workspace } from '../store/workspace.js';
import { Incident, IncidentFile, notifiesCsirt, notifiesImy } from './schema.js';

export function incidentFilePath(ws: Workspace, year: number): string {
  return join(ws.answersDir, 'incidents', `${year}.json`);
}

/** Years with an incident file, ascending. */
export function incidentYears(ws: Workspace): number[] {
  const dir = join(ws.answersDir, 'incidents');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => /^(\d{4})\.json$/.exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .filter((y) => y >= MIN_YEAR && y <= MAX_YEAR)
    .sort((a, b) => a - b);
}

const day = (moment: string): string => moment.slice(0, 10);

/** What is wrong with one incident in itself (dates in order, the right reporting chain for its kind). */
export function incidentProblems(incident: Incident, year: number, shown: string, at: string): Problem[] {
  const problems: Problem[] = [];
  const p = (field: string, message: string) => problems.push({ file: shown, pointer: `${at}/${field}`, message });
  if (Number(incident.occurred.slice(0, 4)) !== year) p('occurred', tr().ni_wrongYear(incident.occurred, year));
  if (incident.detected !== undefined && day(incident.detected) < incident.occurred) p('detected', tr().ni_detectedBefore(day(incident.detected), incident.occurred));
  if (incident.resolved !== undefined && incident.resolved < incident.occurred) p('resolved', tr().ni_resolvedBefore(incident.resolved, incident.occurred));
  const afterDetected = (field: 'imyNotified' | 'earlyWarning' | 'notification', label: string) => {
    const v = incident[field];
    if (v === undefined) return;
    if (incident.detected === undefined) p(field, tr().ni_needsDetected(label));
    else if (Date.parse(v) < Date.parse(incident.detected)) p(field, tr().ni_beforeDetected(label, v, incident.detected));
  };
  afterDetected('imyNotified', tr().ni_imyNotification);
  afterDetected('earlyWarning', tr().ni_earlyWarning);
  afterDetected('notification', tr().ni_notification);
  if (incident.finalReport !== undefined && incident.notification !== undefined && incident.finalReport < day(incident.notification)) {
    p('finalReport', tr().ni_finalBeforeNotification(incident.finalReport, day(incident.notification)));
  }
  if (incident.imyNotified !== undefined && incident.notNotified !== undefined) p('notNotified', tr().ni_notifiedAndNot);
  if (!notifiesImy(incident)) {
    for (const f of ['imyNotified', 'delayReason', 'notNotified', 'subjectsInformed'] as const) {
      if (incident[f] !== undefined) p(f, tr().ni_onlyPersonalData);
    }
  }
  if (!notifiesCsirt(incident)) {
    for (const f of ['earlyWarning', 'notification', 'finalReport'] as const) {
      if (incident[f] !== undefined) p(f, tr().ni_onlySignificant);
    }
  }
  return problems;
}

export function parseIncidentFile(text: string, path: string, year: number): IncidentFile {
  const shown = shownPath(path);
  const value = parseJsonText(text, shown, IncidentFile);
  const problems: Problem[] = [];
  if (value.year !== year) problems.push({ file: shown, pointer: '/year', message: tr().ni_yearNotFileName(value.year, year) });
  const ids = new Set<string>();
  value.incidents.forEach((incident, i) => {
    if (ids.has(incident.id)) problems.push({ file: shown, pointer: `/incidents/${i}/id`, message: `incidenten '${incident.id}' finns redan` });
    ids.add(incident.id);
    problems.push(...incidentProblems(incident, year, shown, `/incidents/${i}`));
  });
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return value;
}

export function readIncidents(ws: Workspace, year: number): IncidentFile {
  const path = incidentFilePath(ws, year);
  try {
    return parseIncidentFile(readTextFile(path, shownPath(path)), path, year);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { year, incidents: [], history: [] };
    throw err;
  }
}

/** Every incident in the workspace, all years. */
export function allIncidents(ws: Workspace): Incident[] {
  return incidentYears(ws).flatMap((y) => readIncidents(ws, y).incidents);
}

export const canonicalIncidents = (file: IncidentFile): string =>
  stringify(IncidentFile.parse({ ...file, incidents: [...file.incidents].sort((a, b) => a.occurred.localeCompare(b.occurred) || a.id.localeCompare(b.id)) }));

/** The next free id of a year: `2025-007`. */
export function nextIncidentId(existing: readonly Incident[], year: number): string {
  const numbers = existing.map((i) => new RegExp(`^${year}-(\\d+)$`).exec(i.id)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `${year}-${String(Math.max(0, ...numbers) + 1).padStart(3, '0')}`;
}

export type IncidentUpdate = { kind: 'add'; incident: Omit<Incident, 'id' | 'by' | 'at'> & { id?: string | undefined } } | { kind: 'set'; id: string; patch: (before: Incident) => Incident };

/**
 * Adds or changes incidents as one unit over the year files they touch (an incident that moves
 * to another year when its date is corrected moves file too). A replaced incident goes to the
 * history. Returns the incidents as saved.
 */
export async function saveIncidents(ws: Workspace, updates: readonly IncidentUpdate[], by: string, now = clockNow()): Promise<Incident[]> {
  const at = now.toISOString();
  const years = new Set<number>(incidentYears(ws));
  for (const u of updates) if (u.kind === 'add') years.add(Number(u.incident.occurred.slice(0, 4)));
  const paths = [...years].map((y) => incidentFilePath(ws, y));
  // Moving an incident to a year without a file needs that file's lock too: set patches may change
  // the date, so all years that exist plus the years of new dates are locked.
  return transact(ws, paths, async (tx) => {
    const files = new Map<number, IncidentFile>();
    for (const year of years) {
      const path = incidentFilePath(ws, year);
      const db = await openDocument(tx, path, (t) => parseIncidentFile(t, path, year), canonicalIncidents, { year, incidents: [], history: [] });
      files.set(year, db.data);
    }
    const saved: Incident[] = [];
    for (const u of updates) {
      if (u.kind === 'add') {
        const year = Number(u.incident.occurred.slice(0, 4));
        const file = files.get(year)!;
        const all = [...files.values()].flatMap((f) => f.incidents);
        const id = u.incident.id ?? nextIncidentId(all, year);
        if (all.some((i) => i.id === id)) throw new UsageError(`Incidenten '${id}' finns redan.`);
        const incident = Incident.parse({ ...u.incident, id, by, at });
        file.incidents.push(incident);
        file.history.push({ incident: id, before: null, by, at });
        saved.push(incident);
      } else {
        const from = [...files.values()].find((f) => f.incidents.some((i) => i.id === u.id));
        if (from === undefined) throw new UsageError(tr().ni_unknown(u.id), tr().ni_unknownHint);
        const before = from.incidents.find((i) => i.id === u.id)!;
        const after = Incident.parse({ ...u.patch(before), id: before.id, by, at });
        const toYear = Number(after.occurred.slice(0, 4));
        const to = files.get(toYear);
        if (to === undefined) throw new UsageError(tr().ni_noRegister(toYear));
        from.incidents = from.incidents.filter((i) => i.id !== u.id);
        to.incidents.push(after);
        from.history.push({ incident: before.id, before, by, at });
        saved.push(after);
      }
    }
    for (const [year, file] of files) {
      const path = incidentFilePath(ws, year);
      const problems = file.incidents.flatMap((incident, i) => incidentProblems(incident, year, shownPath(path), `/incidents/${i}`));
      if (problems.length > 0) throw new InvalidInputError(problems);
      if (file.incidents.length > 0 || file.history.length > 0) tx.write(path, canonicalIncidents(file));
    }
    return saved;
  });
}
