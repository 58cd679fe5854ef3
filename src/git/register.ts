import { m } from '../ui/i18n.js';
import type { RegisterSnapshot, Service, ServiceRegister } from '../store/schema.js';
import { byId, byTime, decide, keysOf, unite, type Merged } from './core.js';

type Organisation = ServiceRegister['organisation'];

/**
 * The register's services merged per service, and only where the sides do not overlap: a service
 * added, changed or removed on one side takes that side; the same change on both is taken once.
 * A service changed differently on both sides (or changed on one and removed on the other) is a
 * conflict for a person: a service carries no time of its own to tell the later change by, and
 * its fields decide who is reviewed and how a year is judged, so nothing here guesses.
 */
function mergeServices(base: readonly Service[] | undefined, ours: readonly Service[], theirs: readonly Service[]): { services: Service[] } | { conflicts: string[] } {
  const id = (s: Service): string => s.id;
  const b = byId(base, id);
  const o = byId(ours, id)!;
  const t = byId(theirs, id)!;
  const services: Service[] = [];
  const conflicts: string[] = [];
  for (const key of keysOf(b, o, t)) {
    const d = decide(b?.[key], o[key], t[key]);
    if (d.kind === 'kept') {
      if (d.value !== undefined) services.push(d.value);
    } else if (d.kind === 'changed-over-removed') {
      conflicts.push(m().gm_serviceRemovedChanged(key, d.removedBy === 'ours' ? m().gm_our : m().gm_their));
    } else {
      conflicts.push(m().gm_serviceBoth(key, b?.[key] === undefined));
    }
  }
  return conflicts.length > 0 ? { conflicts } : { services: services.sort((x, y) => x.id.localeCompare(y.id)) };
}

function mergeOrganisation(base: Organisation | undefined, ours: Organisation, theirs: Organisation): Organisation | undefined {
  const d = decide(base, ours, theirs);
  return d.kind === 'kept' ? d.value : undefined;
}

const conflictReason = (what: string, conflicts: string[]): string =>
  m().gm_registerConflict(what, conflicts);

/** Merges the service register (answers/services.json): per service as above, the organisation as a whole, the histories united. */
export function mergeRegisters(base: ServiceRegister | undefined, ours: ServiceRegister, theirs: ServiceRegister): Merged<ServiceRegister> {
  const organisation = mergeOrganisation(base?.organisation, ours.organisation, theirs.organisation);
  if (organisation === undefined) return { ok: false, reason: conflictReason(m().gm_organisation, [m().gm_organisationFields]) };
  const merged = mergeServices(base?.services, ours.services, theirs.services);
  if ('conflicts' in merged) return { ok: false, reason: conflictReason(m().gm_services, merged.conflicts) };
  const history = unite(base?.history ?? [], ours.history, theirs.history, byTime((h) => h.at, (h) => h.service));
  return { ok: true, value: { organisation, services: merged.services, history }, notes: [] };
}

/**
 * Merges a year's register snapshot (answers/register/<year>.json) by the register's rules, so that
 * an open year's snapshot follows the register's merge. Taken on both sides (the year's first
 * answer given on each branch), it was taken when the earlier of the two was.
 */
export function mergeSnapshots(base: RegisterSnapshot | undefined, ours: RegisterSnapshot, theirs: RegisterSnapshot): Merged<RegisterSnapshot> {
  if (ours.year !== theirs.year || (base !== undefined && base.year !== ours.year)) {
    return { ok: false, reason: m().gm_differentYears(ours.year, theirs.year, base?.year) };
  }
  const organisation = mergeOrganisation(base?.organisation, ours.organisation, theirs.organisation);
  if (organisation === undefined) return { ok: false, reason: conflictReason(m().gm_organisationOf(ours.year), [m().gm_organisationFields]) };
  const merged = mergeServices(base?.services, ours.services, theirs.services);
  if ('conflicts' in merged) return { ok: false, reason: conflictReason(m().gm_servicesOf(ours.year), merged.conflicts) };
  const d = decide(base?.takenAt, ours.takenAt, theirs.takenAt, (x, y) => x === y);
  const takenAt = d.kind === 'both' ? (Date.parse(d.ours) <= Date.parse(d.theirs) ? d.ours : d.theirs) : (d.value ?? ours.takenAt);
  return { ok: true, value: { year: ours.year, takenAt, organisation, services: merged.services }, notes: [] };
}
