import { m as tr } from '../ui/i18n.js';
import { join } from 'node:path';
import { now as clockNow } from '../clock.js';
import { z } from 'zod';
import { freeText } from '../io/free-text.js';
import { MAX_TEXT } from './limits.js';
import { InvalidInputError } from '../errors.js';
import { parseJsonText, readTextFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { stringify } from './canonical.js';
import { openDocument } from './adapter.js';
import { transact } from './transaction.js';
import type { Workspace } from './workspace.js';

/** A special observation (särskild iakttagelse) for the year's report. */
export const Observation = z.strictObject({
  text: freeText().trim().min(1).max(MAX_TEXT.observation),
  by: freeText().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type Observation = z.infer<typeof Observation>;

export const ObservationFile = z.strictObject({ year: z.number().int(), observations: z.array(Observation) });
export type ObservationFile = z.infer<typeof ObservationFile>;

export function observationsPath(ws: Workspace, year: number): string {
  return join(ws.answersDir, 'observations', `${year}.json`);
}

export function parseObservations(text: string, path: string, year: number): ObservationFile {
  const shown = shownPath(path);
  const value = parseJsonText(text, shown, ObservationFile);
  if (value.year !== year) throw new InvalidInputError([{ file: shown, pointer: '/year', message: tr().ni_yearNotFileName(value.year, year) }]);
  return value;
}

export function readObservations(ws: Workspace, year: number): ObservationFile {
  const path = observationsPath(ws, year);
  try {
    return parseObservations(readTextFile(path, shownPath(path)), path, year);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { year, observations: [] };
    throw err;
  }
}

export function addObservation(ws: Workspace, year: number, text: string, by: string, now = clockNow()): Promise<Observation> {
  const path = observationsPath(ws, year);
  return transact(ws, [path], async (tx) => {
    const db = await openDocument(tx, path, (t) => parseObservations(t, path, year), (d) => stringify(ObservationFile.parse(d)), { year, observations: [] });
    const observation = Observation.parse({ text: text.normalize('NFC').trim(), by, at: now.toISOString() });
    db.data.observations.push(observation);
    await db.write();
    return observation;
  });
}
