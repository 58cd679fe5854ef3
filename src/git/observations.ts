import type { ObservationFile } from '../store/observations.js';
import { byTime, cannotMerge, unite, type Merged } from './core.js';

/**
 * Merges a year's special observations. They are only ever added, so the merge is their union:
 * the base's in its order, then those added on either side by time; one added on both sides
 * (every field the same) stands once.
 */
export function mergeObservationFiles(base: ObservationFile | undefined, ours: ObservationFile, theirs: ObservationFile): Merged<ObservationFile> {
  if (ours.year !== theirs.year || (base !== undefined && base.year !== ours.year)) {
    return cannotMerge(`sidorna gäller olika år (vår: ${ours.year}, deras: ${theirs.year}${base ? `, basen: ${base.year}` : ''})`);
  }
  const observations = unite(
    base?.observations ?? [],
    ours.observations,
    theirs.observations,
    byTime((o) => o.at, (o) => o.text),
  );
  return { ok: true, value: { year: ours.year, observations }, notes: [] };
}
