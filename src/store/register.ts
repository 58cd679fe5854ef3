import { profileOf, EMPTY_PROFILE, type ServiceProfile } from '../catalog/profile.js';
import { InvalidInputError, UsageError, type Problem } from '../errors.js';
import { locate, parseJsonText, readTextFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { stringify } from './canonical.js';
import { openDocument } from './adapter.js';
import { transact } from './transaction.js';
import { ORGANISATION_ID, ServiceRegister, type Service } from './schema.js';
import type { Workspace } from './workspace.js';

export function readRegister(ws: Workspace): ServiceRegister {
  return parseRegister(readTextFile(ws.registerFile, shownPath(ws.registerFile)), ws);
}

export function parseRegister(text: string, ws: Workspace): ServiceRegister {
  const shown = shownPath(ws.registerFile);
  const value = parseJsonText(text, shown, ServiceRegister);
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

/** Creates the register; refuses when one is there. */
export async function createRegister(ws: Workspace, organisation: string): Promise<void> {
  await transact(ws, [ws.registerFile], (tx) => {
    if (tx.read(ws.registerFile) !== undefined) throw new UsageError(`Det finns redan en arbetsyta i ${ws.root}.`);
    tx.write(ws.registerFile, canonicalRegister({ organisation: { name: organisation }, services: [] }));
  });
}

export async function addService(ws: Workspace, service: Service): Promise<void> {
  await transact(ws, [ws.registerFile], async (tx) => {
    const db = await openDocument(tx, ws.registerFile, (text) => parseRegister(text, ws), canonicalRegister, { organisation: { name: '' }, services: [] });
    if (db.data.services.some((s) => s.id === service.id)) throw new UsageError(`Tjänsten '${service.id}' finns redan i registret.`);
    db.data.services.push(service);
    await db.write();
  });
}
