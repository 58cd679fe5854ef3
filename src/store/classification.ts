import { m } from '../ui/i18n.js';
import { UsageError } from '../errors.js';
import type { Classification, RegisterFlag } from './schema.js';

const NOT_CLASSIFIED = /^(ej(\s*klassad)?|ingen|-|okänt|okand|unclassified|none)$/i;

/**
 * `K3R2T3S2` (any order, any case, KLASSA 4.0 levels 0–4) → { K: 3, R: 2, T: 3, S: 2 };
 * `ej klassad` (or `ej`, `-`) → null, not classified yet.
 */
export function parseClassification(raw: string): Classification | null {
  if (NOT_CLASSIFIED.test(raw.trim())) return null;
  const found: Record<string, number> = {};
  const rest = raw.toUpperCase().replace(/\s/g, '').replace(/([KRTS])([0-4])/g, (_m, aspect: string, level: string) => {
    found[aspect] = Number(level);
    return '';
  });
  const { K, R, T, S } = found;
  if (rest !== '' || K === undefined || R === undefined || T === undefined || S === undefined) {
    throw new UsageError(m().e_badClassification(raw), m().e_badClassificationHint);
  }
  return { K, R, T, S };
}

export const formatClassification = (c: Classification | null): string => (c === null ? 'ej klassad' : `K${c.K}R${c.R}T${c.T}S${c.S}`);

const YES = /^(ja|j|yes|y|true|sant|x|1)$/i;
const NO = /^(nej|n|no|false|falskt|0)$/i;
const UNKNOWN = /^(okänt|okant|unknown|\?|vet ej|vet inte)$/i;

/** A register yes/no as people write it: ja/nej/okänt (and English, x, 1/0). Undefined when it is none of them. */
export function parseFlag(raw: string | boolean): RegisterFlag | undefined {
  if (typeof raw === 'boolean') return raw;
  const s = raw.trim();
  if (YES.test(s)) return true;
  if (NO.test(s)) return false;
  if (UNKNOWN.test(s)) return 'okänt';
  return undefined;
}

export const formatFlag = (f: RegisterFlag): string => (f === 'okänt' ? 'okänt' : f ? 'ja' : 'nej');
