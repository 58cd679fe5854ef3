import { UsageError } from '../errors.js';

/** `K3R2T3S2` (any order, any case) → { K: 3, R: 2, T: 3, S: 2 }. */
export function parseClassification(raw: string): { K: number; R: number; T: number; S: number } {
  const found: Record<string, number> = {};
  const rest = raw.toUpperCase().replace(/\s/g, '').replace(/([KRTS])([1-4])/g, (_m, aspect: string, level: string) => {
    found[aspect] = Number(level);
    return '';
  });
  const { K, R, T, S } = found;
  if (rest !== '' || K === undefined || R === undefined || T === undefined || S === undefined) {
    throw new UsageError(
      `Ogiltig klassning '${raw}'.`,
      'Ange konsekvensnivå 1–4 för konfidentialitet, riktighet, tillgänglighet och spårbarhet, t.ex. K3R2T3S2.',
    );
  }
  return { K, R, T, S };
}
