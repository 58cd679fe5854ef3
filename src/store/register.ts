import { existsSync } from 'node:fs';
import { Low } from 'lowdb';
import { profileOf, EMPTY_PROFILE, type ServiceProfile } from '../catalog/profile.js';
import { InvalidInputError, UsageError, type Problem } from '../errors.js';
import { loadJsonFile, locate } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { stringify } from './canonical.js';
import { ValidatedJsonFile } from './adapter.js';
import { withFileLock } from './locked.js';
import { ORGANISATION_ID, ServiceRegister, type Service } from './schema.js';
import type { Workspace } from './workspace.js';

export function readRegister(ws: Workspace): ServiceRegister {
  const shown = shownPath(ws.registerFile);
  const { value, text } = loadJsonFile(ws.registerFile, shown, ServiceRegister);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  value.services.forEach((s, i) => {
    if (seen.has(s.id)) problems.push({ file: shown, pointer: `/services/${i}/id`, message: `tjänsten '${s.id}' finns redan` });
    seen.add(s.id);
  });
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return value;
}

export function canonicalRegister(register: ServiceRegister): string {
  return stringify(ServiceRegister.parse({ ...register, services: [...register.services].sort((a, b) => a.id.localeCompare(b.id)) }));
}

/** The organisation answers as a data controller that processes personal data. */
export const ORGANISATION_PROFILE: ServiceProfile = { ...EMPTY_PROFILE, personalData: true };

export function profileOfService(service: Service): ServiceProfile {
  return profileOf(service, EMPTY_PROFILE);
}

export interface RegisteredService {
  id: string;
  name: string;
  owner?: string | undefined;
  profile: ServiceProfile;
}

/** The organisation first, then every service in the register. */
export function allServices(register: ServiceRegister): RegisteredService[] {
  return [
    { id: ORGANISATION_ID, name: register.organisation.name, owner: register.organisation.owner, profile: ORGANISATION_PROFILE },
    ...register.services.map((s) => ({ id: s.id, name: s.name, owner: s.owner, profile: profileOfService(s) })),
  ];
}

export function findService(register: ServiceRegister, id: string): RegisteredService {
  const found = allServices(register).find((s) => s.id === id);
  if (found === undefined) {
    throw new UsageError(
      `Okänd tjänst '${id}'.`,
      `Kända: ${allServices(register).map((s) => s.id).join(', ')}. Registrera en ny med \`efterlev service add ${id} --name "…"\`.`,
    );
  }
  return found;
}

const registerFile = (ws: Workspace) =>
  new ValidatedJsonFile<ServiceRegister>(ws.registerFile, () => (existsSync(ws.registerFile) ? readRegister(ws) : undefined), canonicalRegister);

/** Creates the register; refuses when one is there. */
export async function createRegister(ws: Workspace, organisation: string): Promise<void> {
  await withFileLock(ws.registerFile, async () => {
    if (existsSync(ws.registerFile)) throw new UsageError(`Det finns redan en arbetsyta i ${ws.root}.`);
    const db = new Low<ServiceRegister>(registerFile(ws), { organisation: { name: organisation }, services: [] });
    await db.write();
  });
}

export async function addService(ws: Workspace, service: Service): Promise<void> {
  await withFileLock(ws.registerFile, async () => {
    const db = new Low<ServiceRegister>(registerFile(ws), { organisation: { name: '' }, services: [] });
    await db.read();
    if (db.data.services.some((s) => s.id === service.id)) throw new UsageError(`Tjänsten '${service.id}' finns redan i registret.`);
    db.data.services.push(service);
    await db.write();
  });
}
