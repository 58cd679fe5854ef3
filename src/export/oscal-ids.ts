import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** The namespace of efterlev's own OSCAL property names (`props[].ns`). */
export const EFTERLEV_NS = 'https://efterlev.se/ns/oscal';

/** The OSCAL version the documents are written in, and validated against in the tests. */
export const OSCAL_VERSION = '1.1.3';

const ROOT_NAMESPACE = uuidv5(EFTERLEV_NS, uuidv5.URL);

/**
 * Version-5 UUIDs from stable names (`result/2025`, `poam-item/<action id>`), in a namespace of
 * the organisation's own: the same workspace gives the same UUIDs in every export and every year,
 * and two organisations never share one. Renaming the organisation in the register gives new UUIDs.
 */
export function uuidsFor(organisation: string): (name: string) => string {
  const namespace = uuidv5(`organisation/${organisation.normalize('NFC').trim()}`, ROOT_NAMESPACE);
  return (name) => uuidv5(name, namespace);
}

/**
 * OSCAL's string type (props, names, versions) is one line without leading or trailing space:
 * free text is folded onto one line. Undefined when nothing is left.
 */
export function oneLine(value: string | number | boolean | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const line = String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
  return line === '' ? undefined : line;
}

/** A stored date-time (any offset) as OSCAL wants it: seconds and a time zone, here UTC. */
export function oscalDateTime(iso: string): string {
  return new Date(iso).toISOString();
}

/** The UTC offset of Swedish time on a day, `+01:00` or `+02:00`. */
function stockholmOffset(day: string): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${day}T12:00:00Z`))
      .find((p) => p.type === 'timeZoneName')?.value;
    const offset = name?.match(/^GMT([+-]\d{2}:\d{2})$/)?.[1];
    if (offset !== undefined) return offset;
  } catch {
    // No time-zone data: Swedish standard time.
  }
  return '+01:00';
}

/** A day (YYYY-MM-DD) at a time of day in Swedish time, e.g. a due date as the end of that day. */
export function swedishDateTime(day: string, time: '00:00:00' | '23:59:59'): string {
  return `${day}T${time}${stockholmOffset(day)}`;
}

/** The latest of some ISO date-times, normalised; undefined when there are none. */
export function latest(times: Iterable<string>): string | undefined {
  let found: string | undefined;
  for (const t of times) {
    const n = oscalDateTime(t);
    if (found === undefined || n > found) found = n;
  }
  return found;
}

export function earliest(times: Iterable<string>): string | undefined {
  let found: string | undefined;
  for (const t of times) {
    const n = oscalDateTime(t);
    if (found === undefined || n < found) found = n;
  }
  return found;
}

/** A short digest of a document's content: its `metadata.version`, the same for the same content. */
export function contentVersion(year: number, content: unknown): string {
  return `${year}-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12)}`;
}

/** The first http(s) link in a piece of evidence, as a URI OSCAL accepts; undefined when there is none. */
export function evidenceHref(evidence: string): string | undefined {
  for (const candidate of evidence.match(/https?:\/\/[^\s<>"]+/gi) ?? []) {
    try {
      const url = new URL(candidate.replace(/[.,;:)\]]+$/, ''));
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not a URL after all: keep looking.
    }
  }
  return undefined;
}
