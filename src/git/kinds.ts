import { m } from '../ui/i18n.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { parseIncidentFile, canonicalIncidents } from '../incidents/store.js';
import type { IncidentFile } from '../incidents/schema.js';
import { parseJsonText, parseJson } from '../io/json-file.js';
import { PlanFile } from '../plan/schema.js';
import { canonicalPlan } from '../plan/store.js';
import { canonicalAnswerFile } from '../store/answers.js';
import { stringify } from '../store/canonical.js';
import { ObservationFile } from '../store/observations.js';
import { canonicalRegister } from '../store/register.js';
import { AnswerFile, RegisterSnapshot, ServiceRegister, type Service } from '../store/schema.js';
import { mergeAnswerFiles } from './answers.js';
import type { Merged } from './core.js';
import { mergeIncidentFiles } from './incidents.js';
import { mergeObservationFiles } from './observations.js';
import { mergePlans } from './plan.js';
import { mergeRegisters, mergeSnapshots } from './register.js';

/** The workspace files the merge driver knows, as told by their path in the workspace. */
export type FileKind =
  | { kind: 'answers'; year: number; service: string }
  | { kind: 'plan'; year: number }
  | { kind: 'incidents'; year: number }
  | { kind: 'observations'; year: number }
  | { kind: 'register' }
  | { kind: 'snapshot'; year: number };

/** Read from the end of the path, so a workspace in a subfolder of the repository is known too. */
const PATHS: [RegExp, (m: RegExpExecArray) => FileKind][] = [
  [/(?:^|\/)answers\/services\.json$/, () => ({ kind: 'register' })],
  [/(?:^|\/)answers\/register\/(\d{4})\.json$/, (m) => ({ kind: 'snapshot', year: Number(m[1]) })],
  [/(?:^|\/)answers\/plan\/(\d{4})\.json$/, (m) => ({ kind: 'plan', year: Number(m[1]) })],
  [/(?:^|\/)answers\/incidents\/(\d{4})\.json$/, (m) => ({ kind: 'incidents', year: Number(m[1]) })],
  [/(?:^|\/)answers\/observations\/(\d{4})\.json$/, (m) => ({ kind: 'observations', year: Number(m[1]) })],
  [/(?:^|\/)answers\/(\d{4})\/([a-z0-9][a-z0-9-]*)\.json$/, (m) => ({ kind: 'answers', year: Number(m[1]), service: m[2]! })],
];

export function kindOfPath(path: string): FileKind | undefined {
  const normal = path.replace(/\\/g, '/');
  for (const [pattern, kind] of PATHS) {
    const m = pattern.exec(normal);
    if (m !== null) return kind(m);
  }
  return undefined;
}

/** Without a path (a git older than %P, or a call by hand), the kind is told by what the file holds. */
export function kindOfContent(text: string): FileKind | undefined {
  let value: unknown;
  try {
    value = parseJson(text, '');
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const year = typeof v['year'] === 'number' ? v['year'] : undefined;
  if ('answers' in v && typeof v['service'] === 'string' && year !== undefined) return { kind: 'answers', year, service: v['service'] };
  if ('actions' in v && year !== undefined) return { kind: 'plan', year };
  if ('incidents' in v && year !== undefined) return { kind: 'incidents', year };
  if ('observations' in v && year !== undefined) return { kind: 'observations', year };
  if ('takenAt' in v && year !== undefined) return { kind: 'snapshot', year };
  if ('organisation' in v && 'services' in v && year === undefined) return { kind: 'register' };
  return undefined;
}

/** A kind of file in words, in the language of the run: `svarsfil`, `answer file`. */
export const kindLabel = (kind: FileKind['kind']): string => m()[`gk_${kind}`];

/** How one kind of file is read (validated as the store validates it), merged and written. */
export interface KindHandler<T> {
  parse(text: string, shown: string): T;
  merge(base: T | undefined, ours: T, theirs: T): Merged<T>;
  /** The store's canonical form: pretty-printed, stable key order. */
  canonical(value: T): string;
}

const mismatch = (shown: string, pointer: string, message: string): InvalidInputError => new InvalidInputError([{ file: shown, pointer, message }]);

function duplicateServices(services: readonly Service[], shown: string): void {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  services.forEach((s, i) => {
    if (seen.has(s.id)) problems.push({ file: shown, pointer: `/services/${i}/id`, message: `tjänsten '${s.id}' finns redan` });
    seen.add(s.id);
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
}

function yearFile<T extends { year: number }>(parse: (text: string, shown: string) => T, year: number): (text: string, shown: string) => T {
  return (text, shown) => {
    const value = parse(text, shown);
    if (value.year !== year) throw mismatch(shown, '/year', `${value.year} stämmer inte med filnamnet (${year})`);
    return value;
  };
}

/** A handler with its file's type forgotten: the driver only passes values from parse to merge to canonical. */
const erase = <T>(handler: KindHandler<T>): KindHandler<unknown> => handler as unknown as KindHandler<unknown>;

/** The handler for a kind of file. Each parse is the store's own (schema, cross-checks within the file) against the path the file has. */
export function handlerFor(kind: FileKind): KindHandler<unknown> {
  switch (kind.kind) {
    case 'answers':
      return erase<AnswerFile>({
        parse: (text, shown) => {
          const file = parseJsonText(text, shown, AnswerFile);
          if (file.service !== kind.service) throw mismatch(shown, '/service', m().e_serviceNotFileName(file.service, kind.service));
          if (file.year !== kind.year) throw mismatch(shown, '/year', m().e_yearNotFolder(file.year, kind.year));
          return file;
        },
        merge: mergeAnswerFiles,
        canonical: canonicalAnswerFile,
      });
    case 'plan':
      return erase<PlanFile>({ parse: yearFile((text, shown) => parseJsonText(text, shown, PlanFile), kind.year), merge: mergePlans, canonical: canonicalPlan });
    case 'incidents':
      // The store's parser: the schema, every incident's dates and reporting chain, each id used once.
      return erase<IncidentFile>({ parse: (text, shown) => parseIncidentFile(text, shown, kind.year), merge: mergeIncidentFiles, canonical: canonicalIncidents });
    case 'observations':
      return erase<ObservationFile>({
        parse: yearFile((text, shown) => parseJsonText(text, shown, ObservationFile), kind.year),
        merge: mergeObservationFiles,
        // As the store writes it (src/store/observations.ts): schema key order, in the order added.
        canonical: (file) => stringify(ObservationFile.parse(file)),
      });
    case 'register':
      return erase<ServiceRegister>({
        parse: (text, shown) => {
          const register = parseJsonText(text, shown, ServiceRegister);
          duplicateServices(register.services, shown);
          return register;
        },
        merge: mergeRegisters,
        canonical: canonicalRegister,
      });
    case 'snapshot':
      return erase<RegisterSnapshot>({
        parse: yearFile((text, shown) => {
          const snapshot = parseJsonText(text, shown, RegisterSnapshot);
          duplicateServices(snapshot.services, shown);
          return snapshot;
        }, kind.year),
        merge: mergeSnapshots,
        // As the store writes it (src/store/register.ts, canonicalSnapshot); the merge keeps the services sorted by id as taken.
        canonical: (snapshot) => stringify(RegisterSnapshot.parse(snapshot)),
      });
  }
}
