import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { freeText } from '../io/free-text.js';
import { InvalidInputError } from '../errors.js';
import { loadJsonFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { stringify } from './canonical.js';
import { ValidatedJsonFile } from './adapter.js';
import { withFileLock } from './locked.js';
import type { Workspace } from './workspace.js';

/** A special observation (särskild iakttagelse) for the year's report. */
export const Observation = z.strictObject({
  text: freeText().trim().min(1),
  by: freeText().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type Observation = z.infer<typeof Observation>;

export const ObservationFile = z.strictObject({ year: z.number().int(), observations: z.array(Observation) });
export type ObservationFile = z.infer<typeof ObservationFile>;

export function observationsPath(ws: Workspace, year: number): string {
  return join(ws.answersDir, 'observations', `${year}.json`);
}

export function readObservations(ws: Workspace, year: number): ObservationFile {
  const path = observationsPath(ws, year);
  if (!existsSync(path)) return { year, observations: [] };
  const shown = shownPath(path);
  const { value } = loadJsonFile(path, shown, ObservationFile);
  if (value.year !== year) throw new InvalidInputError([{ file: shown, pointer: '/year', message: `${value.year} stämmer inte med filnamnet (${year})` }]);
  return value;
}

export function addObservation(ws: Workspace, year: number, text: string, by: string, now = new Date()): Promise<Observation> {
  return withFileLock(observationsPath(ws, year), async () => {
    const db = new Low<ObservationFile>(new ValidatedJsonFile(observationsPath(ws, year), () => readObservations(ws, year), (d) => stringify(ObservationFile.parse(d))), { year, observations: [] });
    await db.read();
    const observation = Observation.parse({ text: text.normalize('NFC').trim(), by, at: now.toISOString() });
    db.data.observations.push(observation);
    await db.write();
    return observation;
  });
}
