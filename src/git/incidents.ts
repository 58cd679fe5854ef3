import { m } from '../ui/i18n.js';
import type { z } from 'zod';
import { nextIncidentId } from '../incidents/store.js';
import type { Incident, IncidentChange, IncidentFile } from '../incidents/schema.js';
import { byId, byTime, cannotMerge, decide, keysOf, laterFirst, shortMoment, stableKey, unite, type Merged, type Notes } from './core.js';

type Change = z.infer<typeof IncidentChange>;
type Side = 'ours' | 'theirs';

interface Registration {
  incident: Incident;
  /** When it was registered: its side's history entry that added it, else its own time. */
  registered: string;
}

const registeredAt = (file: IncidentFile, i: Incident): string => file.history.find((h) => h.incident === i.id && h.before === null)?.at ?? i.at;

/** Earlier registration first; at the same moment a fixed order of the incidents' text, so neither side is favoured. */
const earlierRegistered = (a: Registration, b: Registration): number => Date.parse(a.registered) - Date.parse(b.registered) || -laterFirst(a.incident, b.incident);

const shownIncident = (i: Incident): string => `'${i.title}' (${i.by}, ${shortMoment(i.at)})`;

/**
 * Merges a year's incident register per incident. An incident changed on one side takes that
 * side's version; changed on both, the later (by `at`) is current and the other goes to the
 * history, as `before` of the change that replaced it; removed on one side (moved to another
 * year, say) and changed on the other, the changed one stays.
 *
 * Two branches that each register an incident get the same next id (2025-004 on both): those are
 * two incidents, not two versions of one, so both stay and the one registered later gets the
 * next free id (its own history entries follow it). An id chosen by hand (`--id`) that both
 * sides used for different incidents is left for a person to settle.
 */
export function mergeIncidentFiles(base: IncidentFile | undefined, ours: IncidentFile, theirs: IncidentFile): Merged<IncidentFile> {
  const year = ours.year;
  if (theirs.year !== year || (base !== undefined && base.year !== year)) {
    return cannotMerge(m().gm_differentYears(year, theirs.year, base?.year));
  }
  const id = (i: Incident): string => i.id;
  const b = byId(base?.incidents, id);
  const o = byId(ours.incidents, id)!;
  const t = byId(theirs.incidents, id)!;
  const notes: Notes = [];
  const incidents: Incident[] = [];
  const replaced: Change[] = [];
  const renumber: (Registration & { side: Side; other: Registration })[] = [];
  for (const key of keysOf(b, o, t)) {
    const d = decide(b?.[key], o[key], t[key]);
    if (d.kind === 'kept') {
      if (d.value !== undefined) incidents.push(d.value);
    } else if (d.kind === 'changed-over-removed') {
      incidents.push(d.value);
      notes.push(
        m().gm_incidentRemovedChanged(key, d.removedBy === 'ours' ? m().gm_our : m().gm_their),
      );
    } else if (b?.[key] === undefined) {
      if (!new RegExp(`^${year}-\\d+$`).test(key)) {
        return cannotMerge(m().gm_incidentBothAdded(key, shownIncident(d.ours), shownIncident(d.theirs)));
      }
      // The earlier registration keeps the id; the later one is renumbered below.
      const mine = { incident: d.ours, registered: registeredAt(ours, d.ours) };
      const yours = { incident: d.theirs, registered: registeredAt(theirs, d.theirs) };
      const oursFirst = earlierRegistered(mine, yours) <= 0;
      incidents.push(oursFirst ? d.ours : d.theirs);
      renumber.push(oursFirst ? { ...yours, side: 'theirs', other: mine } : { ...mine, side: 'ours', other: yours });
    } else {
      const [winner, loser] = laterFirst(d.ours, d.theirs) <= 0 ? [d.ours, d.theirs] : [d.theirs, d.ours];
      incidents.push(winner);
      replaced.push({ incident: key, before: loser, by: winner.by, at: winner.at });
      notes.push(m().gm_incidentBoth(key, shownIncident(winner), shownIncident(loser)));
    }
  }
  // New ids are taken after every id any version has used, so none is given out twice.
  const used = [...(base?.incidents ?? []), ...ours.incidents, ...theirs.incidents];
  const renamed = new Map<Side, Map<string, string>>([
    ['ours', new Map()],
    ['theirs', new Map()],
  ]);
  renumber.sort(earlierRegistered);
  for (const r of renumber) {
    const next = nextIncidentId([...used, ...incidents], year);
    incidents.push({ ...r.incident, id: next });
    renamed.get(r.side)!.set(r.incident.id, next);
    notes.push(
      m().gm_incidentRenumbered(r.incident.id, r.other.incident.title, shortMoment(r.other.registered), r.incident.title, shortMoment(r.registered), next),
    );
  }
  // A renumbered incident's own history entries (those neither the base nor the other side has) follow it to its new id.
  const keysIn = (list: readonly Change[]): Set<string> => new Set(list.map(stableKey));
  const follow = (history: readonly Change[], s: Side, elsewhere: Set<string>): Change[] =>
    history.map((h) => {
      const to = renamed.get(s)!.get(h.incident);
      if (to === undefined || elsewhere.has(stableKey(h))) return h;
      return { ...h, incident: to, before: h.before === null ? null : { ...h.before, id: to } };
    });
  const history = unite(
    base?.history ?? [],
    follow(ours.history, 'ours', keysIn([...(base?.history ?? []), ...theirs.history])),
    follow(theirs.history, 'theirs', keysIn([...(base?.history ?? []), ...ours.history])),
    byTime((h) => h.at, (h) => h.incident),
    replaced,
  );
  return { ok: true, value: { year, incidents, history }, notes };
}
