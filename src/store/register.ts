import { m } from '../ui/i18n.js';
import { join } from 'node:path';
import { profileOf, EMPTY_PROFILE, type ServiceProfile } from '../catalog/profile.js';
import { currentYear, now as clockNow } from '../clock.js';
import { InvalidInputError, UsageError, type Problem } from '../errors.js';
import { locate, parseJsonText, readTextFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { stringify } from './canonical.js';
import { transact, type Transaction } from './transaction.js';
import { ORGANISATION_ID, RegisterSnapshot, Service, ServiceRegister } from './schema.js';
import type { Workspace } from './workspace.js';
import { yearsWithAnswers } from './years.js';
import { closingIn } from '../years/record.js';
import { didYouMean } from '../suggest.js';

export function readRegister(ws: Workspace): ServiceRegister {
  return parseRegister(readTextFile(ws.registerFile, shownPath(ws.registerFile)), ws);
}

function duplicateIds(services: readonly Service[], shown: string, at: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  services.forEach((s, i) => {
    if (seen.has(s.id)) problems.push({ file: shown, pointer: `${at}/${i}/id`, message: m().sv_duplicate(s.id) });
    seen.add(s.id);
  });
  return problems;
}

export function parseRegister(text: string, ws: Workspace): ServiceRegister {
  const shown = shownPath(ws.registerFile);
  const value = parseJsonText(text, shown, ServiceRegister);
  const problems = duplicateIds(value.services, shown, '/services');
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return value;
}

const byId = (a: Service, b: Service) => a.id.localeCompare(b.id);

export function canonicalRegister(register: ServiceRegister): string {
  return stringify(ServiceRegister.parse({ ...register, services: [...register.services].sort(byId) }));
}

// ---- the services a year is judged by ----------------------------------------------------

export function snapshotPath(ws: Workspace, year: number): string {
  return join(ws.answersDir, 'register', `${year}.json`);
}

export function parseSnapshot(text: string, path: string, year: number): RegisterSnapshot {
  const shown = shownPath(path);
  const value = parseJsonText(text, shown, RegisterSnapshot);
  const problems = duplicateIds(value.services, shown, '/services');
  if (value.year !== year) problems.push({ file: shown, pointer: '/year', message: m().ni_yearNotFileName(value.year, year) });
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return value;
}

export function readSnapshot(ws: Workspace, year: number): RegisterSnapshot | undefined {
  const path = snapshotPath(ws, year);
  try {
    return parseSnapshot(readTextFile(path, shownPath(path)), path, year);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * A year is open for register changes until it is past: a past year keeps the register it was
 * judged by. A closed year (answers/closed/) is never changed at all: changeRegister skips it.
 */
export function isOpenYear(year: number): boolean {
  return year >= currentYear();
}

/** The services in a year's review: retired ones leave the years after they were retired. */
function activeIn(services: readonly Service[], year: number): Service[] {
  return services.filter((s) => s.retired === undefined || Number(s.retired.at.slice(0, 4)) > year);
}

export interface YearRegister {
  organisation: ServiceRegister['organisation'];
  services: Service[];
  /** Services retired by that year: not reviewed, but named when someone asks for them. */
  retired?: Service[] | undefined;
  /** Whether the year has its own snapshot, or is read from today's register. */
  snapshot: boolean;
}

/** The register a year is judged by: its snapshot, else today's register as it applies to that year. */
export function registerOfYear(ws: Workspace, register: ServiceRegister, year: number): YearRegister {
  const active = activeIn(register.services, year);
  const retired = register.services.filter((s) => !active.includes(s));
  const snapshot = readSnapshot(ws, year);
  if (snapshot !== undefined) return { organisation: snapshot.organisation, services: snapshot.services, retired, snapshot: true };
  return { organisation: register.organisation, services: active, retired, snapshot: false };
}

function snapshotOf(register: ServiceRegister, year: number, takenAt: string): RegisterSnapshot {
  return { year, takenAt, organisation: register.organisation, services: activeIn(register.services, year).sort(byId) };
}

const canonicalSnapshot = (s: RegisterSnapshot): string => stringify(RegisterSnapshot.parse(s));

/**
 * Inside a transaction that holds the register's and the snapshot's locks: takes the year's
 * snapshot from the register when it has none (the year's first answer is being saved).
 */
export function ensureSnapshot(tx: Transaction, ws: Workspace, year: number, at: string): void {
  const path = snapshotPath(ws, year);
  if (tx.read(path) !== undefined) return;
  const text = tx.read(ws.registerFile);
  if (text === undefined) return;
  tx.write(path, canonicalSnapshot(snapshotOf(parseRegister(text, ws), year, at)));
}

// ---- who is reviewed ---------------------------------------------------------------------

/** The organisation answers as a data controller that processes personal data. */
export const ORGANISATION_PROFILE: ServiceProfile = { ...EMPTY_PROFILE, personalData: true };

export function profileOfService(service: Service): ServiceProfile {
  return profileOf(service, EMPTY_PROFILE);
}

export interface RegisteredService {
  id: string;
  name: string;
  owner?: string | undefined;
  area?: string | undefined;
  profile: ServiceProfile;
}

/** The organisation first, then every service in the register (or a year's register) that is not retired. */
export function allServices(register: { organisation: ServiceRegister['organisation']; services: readonly Service[] }): RegisteredService[] {
  return [
    { id: ORGANISATION_ID, name: register.organisation.name, owner: register.organisation.owner, profile: ORGANISATION_PROFILE },
    ...register.services
      .filter((s) => s.retired === undefined)
      .map((s) => ({ id: s.id, name: s.name, owner: s.owner, area: s.area, profile: profileOfService(s) })),
  ];
}

export function findService(register: { organisation: ServiceRegister['organisation']; services: readonly Service[]; retired?: readonly Service[] | undefined }, id: string): RegisteredService {
  const found = allServices(register).find((s) => s.id === id);
  if (found === undefined) {
    const retired = [...register.services, ...(register.retired ?? [])].find((s) => s.id === id && s.retired !== undefined);
    if (retired) throw new UsageError(m().e_retired(id, retired.retired!.at.slice(0, 10), retired.retired!.reason), m().e_retiredHint);
    const known = allServices(register).map((s) => s.id);
    const meant = didYouMean(id, known);
    throw new UsageError(
      `${m().e_unknownService(id)}${meant ? ` ${meant}` : ''}`,
      `${m().e_known(known)}${meant ? '' : m().e_registerNew(id)}`,
    );
  }
  return found;
}

// ---- changing the register ---------------------------------------------------------------

/**
 * Changes the register as one unit with the snapshots that depend on it: a year with answers but
 * no snapshot is frozen first with the register as it was (so no change today moves a past
 * year), and the snapshots of open years follow the change. A closed year is left as it is.
 * Returns what `change` returns.
 */
export async function changeRegister<T>(ws: Workspace, change: (register: ServiceRegister, at: string) => T, now = clockNow()): Promise<T> {
  const years = yearsWithAnswers(ws);
  const at = now.toISOString();
  return transact(ws, [ws.registerFile, ...years.map((y) => snapshotPath(ws, y))], (tx) => {
    const text = tx.read(ws.registerFile);
    if (text === undefined) throw new UsageError(m().ws_none(ws.root));
    const before = parseRegister(text, ws);
    // A closed year's snapshot is part of what was closed: it is never taken or changed here.
    const unclosed = years.filter((year) => closingIn(tx, ws, year) === undefined);
    for (const year of unclosed) ensureSnapshotFrom(tx, ws, before, year, at);
    const after = structuredClone(before);
    const result = change(after, at);
    for (const year of unclosed.filter(isOpenYear)) {
      const path = snapshotPath(ws, year);
      const existing = parseSnapshot(tx.read(path)!, path, year);
      tx.write(path, canonicalSnapshot(snapshotOf(after, year, existing.takenAt)));
    }
    tx.write(ws.registerFile, canonicalRegister(after));
    return result;
  });
}

function ensureSnapshotFrom(tx: Transaction, ws: Workspace, register: ServiceRegister, year: number, at: string): void {
  const path = snapshotPath(ws, year);
  if (tx.read(path) === undefined) tx.write(path, canonicalSnapshot(snapshotOf(register, year, at)));
}

/** Creates the register; refuses when one is there. */
export async function createRegister(ws: Workspace, organisation: string): Promise<void> {
  await transact(ws, [ws.registerFile], (tx) => {
    if (tx.read(ws.registerFile) !== undefined) throw new UsageError(`Det finns redan en arbetsyta i ${ws.root}.`);
    tx.write(ws.registerFile, canonicalRegister({ organisation: { name: organisation }, services: [], history: [] }));
  });
}

export async function addService(ws: Workspace, service: Service, by: string): Promise<void> {
  await changeRegister(ws, (register, at) => {
    if (register.services.some((s) => s.id === service.id)) throw new UsageError(m().sv_exists(service.id), m().sv_existsHint(service.id));
    register.services.push(service);
    register.history.push({ service: service.id, before: null, by, at });
  });
}

/** Replaces services by id (or adds them), keeping each earlier version in the history. Returns the ids that changed. */
export function putServices(register: ServiceRegister, services: readonly Service[], by: string, at: string): { added: string[]; changed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  for (const next of services) {
    const i = register.services.findIndex((s) => s.id === next.id);
    if (i === -1) {
      register.services.push(next);
      register.history.push({ service: next.id, before: null, by, at });
      added.push(next.id);
    } else if (stringify(Service.parse(register.services[i])) !== stringify(Service.parse(next))) {
      register.history.push({ service: next.id, before: register.services[i]!, by, at });
      register.services[i] = next;
      changed.push(next.id);
    }
  }
  return { added, changed };
}
